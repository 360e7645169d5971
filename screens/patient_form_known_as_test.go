package screens

import (
	"strings"
	"testing"

	"clinicdesk/app/patients"

	"fyne.io/fyne/v2/test"
)

// "Use the known-as name in letters" is saved with the record, shown on
// it, ticked again when the form is opened to edit, and can be unticked.
func TestPatientFormKeepsKnownAsInLetters(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	f := tpNewForm(t, s)
	if f.knownAsInLetters.Text != "Use the known-as name in letters" || f.knownAsInLetters.Checked {
		t.Fatalf("the tick box: %q, ticked %v", f.knownAsInLetters.Text, f.knownAsInLetters.Checked)
	}
	tpType(t, w, f.forenames, "Robert")
	tpType(t, w, f.surname, "Smith")
	tpType(t, w, f.preferred, "Bob")
	tpType(t, w, f.dob, "02/04/1961")
	test.Tap(f.knownAsInLetters)

	tcTap(t, w, "Add patient")
	tpIdle(t)
	if s.record == nil {
		t.Fatalf("no record opened; form says %q", f.summary.Text)
	}
	stored, err := c.Patient(s.record.data.p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !stored.UseKnownAs || stored.PreferredName != "Bob" {
		t.Fatalf("stored %+v", stored)
	}
	if !tpShows(w, "Bob (used in letters)") {
		t.Fatalf("the record does not say the known-as name is used in letters: %q", tpTexts(w))
	}

	tcTap(t, w, "Edit details")
	e := s.form
	if e == nil || !e.knownAsInLetters.Checked {
		t.Fatal("the edit form lost the tick")
	}
	if e.dirty() {
		t.Fatal("an untouched edit form counts as changed")
	}
	test.Tap(e.knownAsInLetters)
	if !e.dirty() {
		t.Fatal("unticking does not count as unsaved")
	}
	tcTap(t, w, "Save changes")
	tpIdle(t)
	got, err := c.Patient(stored.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.UseKnownAs || got.PreferredName != "Bob" {
		t.Fatalf("after unticking: %+v", got)
	}
}

// Ticked with no known-as name: nothing is saved and the message is under
// "Known as", where the name goes.
func TestPatientFormRefusesKnownAsInLettersWithoutAName(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	f := tpNewForm(t, s)
	tpType(t, w, f.forenames, "Robert")
	tpType(t, w, f.surname, "Smith")
	tpType(t, w, f.dob, "02/04/1961")
	test.Tap(f.knownAsInLetters)

	tcTap(t, w, "Add patient")
	tpIdle(t)
	if s.record != nil || tpCount(t, c) != 0 {
		t.Fatal("saved with no known-as name")
	}
	msg := f.problems[patients.FieldPreferredName]
	if !msg.Visible() || !strings.Contains(msg.Text, "Enter the name the patient is known by, or untick") {
		t.Fatalf("no message under Known as: visible %v %q", msg.Visible(), msg.Text)
	}
	if w.Canvas().Focused() != f.preferred {
		t.Error("the cursor was not put in Known as")
	}
}
