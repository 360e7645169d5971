package screens

import (
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/patients"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// tpTypeLines types lines into a multi-line box, pressing Enter between
// them, as a person would.
func tpTypeLines(t *testing.T, w fyne.Window, e *formEntry, lines ...string) {
	t.Helper()
	for i, l := range lines {
		if i > 0 {
			tpKey(t, e, fyne.KeyReturn)
		}
		tpType(t, w, e, l)
	}
}

func TestPatientFormSavesTheGPPracticeAddress(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	f := tpNewForm(t, s)
	if f.gpAddress.PlaceHolder != "Practice address (one line each, postcode last)" || !f.gpAddress.MultiLine {
		t.Fatalf("practice address box: placeholder %q, multi-line %v", f.gpAddress.PlaceHolder, f.gpAddress.MultiLine)
	}
	tpType(t, w, f.forenames, "Zoë")
	tpType(t, w, f.surname, "Price")
	tpType(t, w, f.dob, "04/03/1985")
	tpType(t, w, f.gpName, "Dr Amara Okafor")
	tpType(t, w, f.gpPractice, "Hyde Park Surgery")
	tpTypeLines(t, w, f.gpAddress, "7 Mayfield Row", "", " Leeds", "ls6 9zz")
	if f.gpAddress.Text != "7 Mayfield Row\n\n Leeds\nls6 9zz" {
		t.Fatalf("typed %q", f.gpAddress.Text)
	}

	tcTap(t, w, "Add patient")
	tpIdle(t)
	if s.record == nil {
		t.Fatalf("no record opened; form says %q", f.summary.Text)
	}
	want := []string{"7 Mayfield Row", "Leeds", "LS6 9ZZ"}
	stored, err := c.Patient(s.record.data.p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stored.GP.Address, want) {
		t.Fatalf("stored practice address %q, want %q", stored.GP.Address, want)
	}
	if !tpShows(w, "7 Mayfield Row\nLeeds\nLS6 9ZZ") {
		t.Fatalf("the record does not show the practice address: %q", tpTexts(w))
	}

	// Editing: the box comes back filled in, untouched is unchanged, and a
	// change is part of the draft kept across a lock.
	tcTap(t, w, "Edit details")
	e := s.form
	if e == nil || e.gpAddress.Text != "7 Mayfield Row\nLeeds\nLS6 9ZZ" {
		t.Fatalf("edit form: %+v", e)
	}
	if e.dirty() {
		t.Fatal("an untouched edit form counts as changed")
	}
	tpKey(t, e.gpAddress, fyne.KeyReturn)
	tpType(t, w, e.gpAddress, "Extra line")
	if !e.dirty() {
		t.Fatal("a changed practice address does not count as unsaved")
	}
	if !s.restoreDraft() || s.form == e || s.form.gpAddress.Text != e.gpAddress.Text {
		t.Fatalf("the draft did not bring the practice address back: %q", s.form.gpAddress.Text)
	}
	e = s.form
	e.gpAddress.SetText("Kirkgate Surgery Annexe\nLeeds\nls1 4ap")
	tcTap(t, w, "Save changes")
	tpIdle(t)
	got, err := c.Patient(stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Kirkgate Surgery Annexe", "Leeds", "LS1 4AP"}; !reflect.DeepEqual(got.GP.Address, want) {
		t.Fatalf("after the edit: %q, want %q", got.GP.Address, want)
	}
}

func TestPatientFormRefusesTooLongAPracticeAddress(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	f := tpNewForm(t, s)
	tpType(t, w, f.forenames, "Amelia")
	tpType(t, w, f.surname, "Taylor")
	tpType(t, w, f.dob, "01/01/1990")
	tpTypeLines(t, w, f.gpAddress, "Unit 4", "Riverside Business Park", "Kirkstall Road", "Kirkstall", "Leeds", "LS4 2AB")

	tcTap(t, w, "Add patient")
	tpIdle(t)
	if s.form != f || s.record != nil || tpCount(t, c) != 0 {
		t.Fatal("a six-line practice address was saved")
	}
	msg := f.problems[patients.FieldGPAddress]
	if !msg.Visible() || !strings.Contains(msg.Text, "The GP practice's address has 6 lines: it can have at most 5") {
		t.Fatalf("no message under the practice address: visible %v %q", msg.Visible(), msg.Text)
	}
	if w.Canvas().Focused() != f.gpAddress {
		t.Error("the cursor was not put in the practice address")
	}
	if !strings.Contains(f.summary.Text, "Nothing has been saved") {
		t.Fatalf("summary = %q", f.summary.Text)
	}
}

// A GP name too long is marked under the GP box, saying which field it
// is, not left in the summary as "a field".
func TestPatientFormMarksAnOverLongGPNameOnItsField(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	f := tpNewForm(t, s)
	tpType(t, w, f.forenames, "Amelia")
	tpType(t, w, f.surname, "Taylor")
	tpType(t, w, f.dob, "01/01/1990")
	f.gpName.SetText(strings.Repeat("Dr ", 70))

	tcTap(t, w, "Add patient")
	tpIdle(t)
	if s.record != nil || tpCount(t, c) != 0 {
		t.Fatal("a patient with an over-long GP name was saved")
	}
	msg := f.problems[patients.FieldGPName]
	if msg == nil || !msg.Visible() || !strings.Contains(msg.Text, "The GP's name is longer than 200 characters") {
		t.Fatalf("no message under the GP box: %+v", msg)
	}
	if strings.Contains(f.summary.Text, "a field") {
		t.Fatalf("the summary still says %q", f.summary.Text)
	}
}
