package letters

import (
	"strings"
	"testing"
)

// A letter never asks the reader to "call us on ." or to come "to ,": the
// clinic's phone and address printed blank refuse the letter, saying where
// to fill them in, while a condition may still test them.
func TestBlankClinicDetailsRefuseTheLetter(t *testing.T) {
	f := ExampleFields()
	f.Clinic.Phone = ""
	f.Clinic.AddressLines = nil
	tp, err := ParseTemplate("t", "Subject", "Please call us on {{clinic.phone}}.\n\nWe are at {{clinic.address_one_line}}.")
	if err != nil {
		t.Fatal(err)
	}
	_, err = tp.Render(f)
	if err == nil {
		t.Fatal("a letter printed the clinic's phone and address blank")
	}
	for _, want := range []string{"line 1: {{clinic.phone}} is blank", "line 3: {{clinic.address_one_line}} is blank", "Settings → Clinic details"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal %q does not say %q", err, want)
		}
	}
	got := renderBody(t, "Please call us{{#if clinic.phone}} on {{clinic.phone}}{{/if}}.", f)
	if strings.Join(got, "") != "Please call us." {
		t.Fatalf("a condition on a blank phone gave %q", got)
	}
}
