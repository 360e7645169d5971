package patients

import (
	"reflect"
	"testing"
)

// The audit trail names what changed, the practice's address apart from
// the GP, and an address recorded as none is no change.
func TestChangedFieldsNamesTheGPPracticeAddress(t *testing.T) {
	old := Patient{Forenames: "A", Surname: "B", GP: GP{Name: "Dr Okafor", Practice: "Hyde Park Surgery"}}
	same := old
	same.GP.Address = []string{}
	if got := ChangedFields(old, same); len(got) != 0 {
		t.Fatalf("no address and an empty one differ: %v", got)
	}
	moved := old
	moved.GP.Address = []string{"7 Mayfield Row", "Leeds", "LS6 9ZZ"}
	if got := ChangedFields(old, moved); !reflect.DeepEqual(got, []string{"GP practice address"}) {
		t.Fatalf("a new practice address is recorded as %v", got)
	}
	renamed := moved
	renamed.GP.Name = "Dr Adeyemi"
	if got := ChangedFields(moved, renamed); !reflect.DeepEqual(got, []string{"GP"}) {
		t.Fatalf("a new GP is recorded as %v", got)
	}
}
