package patients

import (
	"testing"

	"clinicdesk/app/ukcal"
)

// Issue 13 item 15: registering from the booking dialog starts from what
// was typed in its search.
func TestANewPatientStartsFromWhatTheSearchWasGiven(t *testing.T) {
	today := ukcal.MustParseDate("2026-12-06")
	for _, c := range []struct {
		typed                                            string
		forenames, surname, dob, nhsNo, mobile, postcode string
	}{
		{typed: "Sarah Jones 12/03/1980", forenames: "Sarah", surname: "Jones", dob: "1980-03-12"},
		{typed: "sarah jane o'neill", forenames: "Sarah Jane", surname: "O'Neill"},
		{typed: "Jones, Sarah 25/12/02", forenames: "Sarah", surname: "Jones", dob: "2002-12-25"},
		{typed: "McDonald", surname: "McDonald"},
		{typed: "smith-jones", surname: "Smith-Jones"},
		{typed: "943 476 5919", nhsNo: "9434765919"},
		{typed: "07700 900123", mobile: "07700 900123"},
		{typed: "ls6 9zz", postcode: "LS6 9ZZ"},
	} {
		p := FromSearch(c.typed, today)
		if p.Forenames != c.forenames || p.Surname != c.surname || p.DOB.String() != c.dob || p.NHSNumber != c.nhsNo ||
			p.Phones.Mobile != c.mobile || p.Address.Postcode != c.postcode {
			t.Errorf("%q gave forenames %q surname %q DOB %q NHS %q mobile %q postcode %q", c.typed,
				p.Forenames, p.Surname, p.DOB, p.NHSNumber, p.Phones.Mobile, p.Address.Postcode)
		}
	}
}
