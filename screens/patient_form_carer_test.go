package screens

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The parent or carer typed on a new child's record survives a lock (the
// form's draft keeps it, and nothing of it shows while locked), is saved
// tidied, and shows on the record.
func TestPatientFormParentOrCarerSurvivesALockAndIsSaved(t *testing.T) {
	u, c := dfOpen(t, nil)
	w := u.Window()
	s := dfPatients(t, u)
	test.Tap(s.newButton)
	f := s.form
	if f == nil {
		t.Fatal("New patient did not open the form")
	}
	if !tpShows(w, "Parent or carer (for a child)") {
		t.Fatalf("the form has no parent or carer section: %q", tpTexts(w))
	}
	tpType(t, w, f.forenames, "Ruby")
	tpType(t, w, f.surname, "Shaw")
	tpType(t, w, f.dob, "14/03/2021")
	tpType(t, w, f.carer.title, "Mrs")
	tpType(t, w, f.carer.forenames, "Hannah")
	tpType(t, w, f.carer.surname, "Kowalczyk")
	tpType(t, w, f.carer.relationship, "Mother")
	tpType(t, w, f.carer.phone, "07700 900456")
	tpTypeLines(t, w, f.carer.address, "Flat 2, 19 Bridge Street", "Otley", "ls21 1bq")

	if !fdHolds(w, "Kowalczyk") {
		t.Fatal("the typed name is not in the window before the lock (the check below would prove nothing)")
	}
	u.lock()
	dfSettle(t, u)
	for _, typed := range []string{"Kowalczyk", "07700 900456", "Bridge Street"} {
		if fdHolds(w, typed) {
			t.Fatalf("%q shows while locked", typed)
		}
	}
	dfUnlock(t, u, tcManagerPassword)
	f = dfPatients(t, u).form
	if f == nil {
		t.Fatal("the form did not come back after the lock")
	}
	got := []string{f.carer.title.Text, f.carer.forenames.Text, f.carer.surname.Text, f.carer.relationship.Text, f.carer.phone.Text, f.carer.address.Text}
	want := []string{"Mrs", "Hannah", "Kowalczyk", "Mother", "07700 900456", "Flat 2, 19 Bridge Street\nOtley\nls21 1bq"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("after the lock the parent or carer reads %q, want %q", got, want)
	}

	tcTap(t, w, "Add patient")
	dfSettle(t, u)
	s = dfPatients(t, u)
	if s.record == nil {
		t.Fatalf("not saved: %q", f.summary.Text)
	}
	stored, err := c.Patient(s.record.data.p.ID)
	if err != nil {
		t.Fatal(err)
	}
	pc := stored.ParentCarer
	if pc.Surname != "Kowalczyk" || pc.Phone != "+447700900456" || strings.Join(pc.Address, "|") != "Flat 2, 19 Bridge Street|Otley|LS21 1BQ" {
		t.Fatalf("stored: %+v", pc)
	}
	if !tpShows(w, "Mrs Hannah Kowalczyk (Mother)") {
		t.Fatalf("the record does not show the parent or carer: %q", tpTexts(w))
	}
}
