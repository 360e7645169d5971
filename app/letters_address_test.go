package app

import (
	"reflect"
	"testing"

	"clinicdesk/app/patients"
)

// Royal Mail: the post town in capitals above the postcode, for the
// patient (whose record names the town) and for addresses typed line by
// line (a GP practice's, a complainant's).
func TestPostTownInCapitals(t *testing.T) {
	got := postalAddress(patients.Address{Line1: "Fflat 2, Tŷ'r Ysgol", Line2: " ", Town: "Łódź-on-Sea", County: "Powys", Postcode: "SY23 1AB"})
	if want := []string{"Fflat 2, Tŷ'r Ysgol", "ŁÓDŹ-ON-SEA", "Powys", "SY23 1AB"}; !reflect.DeepEqual(got, want) {
		t.Errorf("patient: %q, want %q", got, want)
	}
	for _, tt := range []struct{ in, want []string }{
		{[]string{"Meddygfa'r Bont", "3 Heol yr Eglwys", "Pontypridd", "CF37 4AB"}, []string{"Meddygfa'r Bont", "3 Heol yr Eglwys", "PONTYPRIDD", "CF37 4AB"}},
		{[]string{"3 Heol yr Eglwys", "Ystradgynlais", "sa9 1aa"}, []string{"3 Heol yr Eglwys", "YSTRADGYNLAIS", "sa9 1aa"}},
		{[]string{"Unit 4", "12 Mill Row", "LS6 2AL"}, []string{"Unit 4", "12 Mill Row", "LS6 2AL"}}, // no town line: left
		{[]string{"7 Mill Row", "Leeds"}, []string{"7 Mill Row", "Leeds"}},                           // no postcode: left
		{[]string{"LS6 2AL"}, []string{"LS6 2AL"}},
	} {
		if got := postTownInCapitals(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
		}
	}
}
