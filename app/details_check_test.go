package app

import (
	"testing"

	"clinicdesk/app/practice"
)

func TestCheckClinicDetailsTidiesThePhoneAndRefusesABadEmail(t *testing.T) {
	tidy, p := CheckClinicDetails(practice.Details{Name: " Riverside ", Phone: "01904000000", Email: "desk@riverside"})
	if tidy.Name != "Riverside" || tidy.Phone != "01904 000000" {
		t.Errorf("tidied %+v", tidy)
	}
	if p.Name != "" || p.Phone != "" || p.Email == "" {
		t.Errorf("problems %+v: want only the email's", p)
	}
	if _, p := CheckClinicDetails(practice.Details{Phone: "12"}); p.Name == "" || p.Phone == "" || p.Empty() {
		t.Errorf("no name and a short phone: %+v", p)
	}
	if _, p := CheckClinicDetails(practice.Details{Name: "Riverside", Email: "reception@riverside.co.uk"}); !p.Empty() {
		t.Errorf("good details refused: %+v", p)
	}
}
