package screens

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/test"
)

// tpNewForm opens the New patient form.
func tpNewForm(t *testing.T, s *patientsScreen) *patientForm {
	t.Helper()
	test.Tap(s.newButton)
	if s.form == nil {
		t.Fatal("New patient did not open the form")
	}
	return s.form
}

func tpCount(t *testing.T, c *app.Clinic) int {
	t.Helper()
	n, err := c.CountPatients("")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPatientFormAddsAPatientWithEveryGroup(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	f := tpNewForm(t, s)

	f.title.SetText("Ms")
	tpType(t, w, f.forenames, "Siobhán")
	tpType(t, w, f.surname, "Ní Bhriain")
	tpType(t, w, f.preferred, "Shiv")
	tpType(t, w, f.dob, "17/06/2001")
	f.sex.SetSelected("Female")
	tpType(t, w, f.nhsNumber, nhs.FormatNHSNumber(nhs.TestNHSNumber(5)))
	tpType(t, w, f.line1, "3 Park Road")
	tpType(t, w, f.town, "Leeds")
	f.postcodeKind.SetSelectedIndex(1) // No fixed abode
	if !f.postcode.Disabled() || f.postcode.Text != "ZZ99 3VZ" {
		t.Fatalf("choosing No fixed abode: postcode %q, disabled %v", f.postcode.Text, f.postcode.Disabled())
	}
	tpType(t, w, f.mobile, "07700 900456")
	tpType(t, w, f.email, "shiv@example.co.uk")
	f.consentSMS.SetChecked(true)
	tpType(t, w, f.language, "Irish")
	f.interpreter.SetChecked(true)
	f.needs[0].SetChecked(true) // large print
	tpType(t, w, f.aisReviewed, "01/11/2026")
	tcTap(t, w, "Add an alert")
	f.alerts[0].kind.SetSelected("Safeguarding")
	tpType(t, w, f.alerts[0].text, "Speak to the safeguarding lead first")

	tcTap(t, w, "Add patient")
	tpIdle(t)
	if s.record == nil {
		t.Fatalf("no record opened; form says %q", f.summary.Text)
	}
	p := s.record.data.p
	if p.Forenames != "Siobhán" || p.Surname != "Ní Bhriain" || p.DOB != ukcal.MustParseDate("2001-06-17") || p.Sex != "female" ||
		p.Address.Postcode != "ZZ99 3VZ" || p.Phones.Mobile != "+447700900456" || !p.Consent.SMS || !p.Interpreter ||
		len(p.AIS.Needs) != 1 || p.AIS.Needs[0] != "large_print" || p.AIS.Reviewed != ukcal.MustParseDate("2026-11-01") ||
		len(p.Alerts) != 1 || p.Alerts[0].Kind != "safeguarding" {
		t.Fatalf("saved record = %+v", p)
	}
	if !tpShows(w, "Added Ms Siobhán Ní Bhriain") || !tpShows(w, "No fixed abode (ZZ99 3VZ)") {
		t.Fatalf("after adding: %q", tpTexts(w))
	}

	// Edit: the form comes back filled in, and saving changes the record.
	tcTap(t, w, "Edit details")
	e := s.form
	if e == nil || e.forenames.Text != "Siobhán" || e.dob.Text != "17/06/2001" || e.mobile.Text != "07700 900456" ||
		e.postcodeKind.SelectedIndex() != 1 || !e.needs[0].Checked || len(e.alerts) != 1 {
		t.Fatalf("edit form not filled in: %+v", e)
	}
	e.postcodeKind.SetSelectedIndex(0)
	tpType(t, w, e.postcode, "ls1 4ap")
	tcTap(t, w, "Remove")
	tcTap(t, w, "Save changes")
	tpIdle(t)
	got, err := c.Patient(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Address.Postcode != "LS1 4AP" || len(got.Alerts) != 0 {
		t.Fatalf("after edit: postcode %q, alerts %v", got.Address.Postcode, got.Alerts)
	}
	if !tpShows(w, "Saved the changes") {
		t.Fatalf("no word that it was saved: %q", tpTexts(w))
	}
}

func TestPatientFormRefusesBadNHSNumber(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)
	f := tpNewForm(t, s)
	tpType(t, w, f.forenames, "Amelia")
	tpType(t, w, f.surname, "Taylor")
	tpType(t, w, f.dob, "01/01/1990")
	tpType(t, w, f.nhsNumber, "943 476 5918") // check digit should be 9
	tpType(t, w, f.postcode, "ZZ99 3VZ")      // typed, not chosen

	tcTap(t, w, "Add patient")
	tpIdle(t)
	if s.form != f || s.record != nil {
		t.Fatal("the form closed although the record was refused")
	}
	nhsMsg := f.problems[patients.FieldNHSNumber]
	if !nhsMsg.Visible() || !strings.Contains(nhsMsg.Text, "check digit") {
		t.Fatalf("no message under the NHS number: visible %v %q", nhsMsg.Visible(), nhsMsg.Text)
	}
	pcMsg := f.problems[patients.FieldPostcode]
	if !pcMsg.Visible() || !strings.Contains(pcMsg.Text, "no fixed abode") {
		t.Fatalf("a typed pseudo-postcode was not refused under its field: %q", pcMsg.Text)
	}
	if f.problems[patients.FieldSurname].Visible() || f.problems[patients.FieldDOB].Visible() {
		t.Fatal("a good field shows a message")
	}
	if !strings.Contains(f.summary.Text, "Nothing has been saved") {
		t.Fatalf("summary = %q", f.summary.Text)
	}
	if n := tpCount(t, c); n != 0 {
		t.Fatalf("%d patients saved despite the bad NHS number", n)
	}
	if w.Canvas().Focused() != f.nhsNumber {
		t.Error("the cursor was not put in the first field to fix")
	}

	// A date that is not on the calendar and a missing surname.
	f.surname.SetText("")
	f.dob.SetText("31/02/1990")
	tcTap(t, w, "Add patient")
	tpIdle(t)
	if !f.problems[patients.FieldSurname].Visible() || !strings.Contains(f.problems[patients.FieldDOB].Text, "not a real date") {
		t.Fatalf("surname %q, DOB %q", f.problems[patients.FieldSurname].Text, f.problems[patients.FieldDOB].Text)
	}

	// Put right, it saves and the messages go.
	f.surname.SetText("Taylor")
	f.dob.SetText("01/01/1990")
	f.nhsNumber.SetText("943 476 5919")
	f.postcode.SetText("")
	tcTap(t, w, "Add patient")
	tpIdle(t)
	if tpCount(t, c) != 1 || s.record == nil {
		t.Fatalf("the corrected record was not added: %q", f.summary.Text)
	}
}

func TestPatientFormDuplicateWarning(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	first := tpAdd(t, c, "John", "Smith", "1980-03-12", func(p *patients.Patient) { p.Address.Postcode = "LS6 2AB" })
	s, w := tpScreen(t, c)

	f := tpNewForm(t, s)
	tpType(t, w, f.forenames, "Jon")
	tpType(t, w, f.surname, "Smith")
	tpType(t, w, f.dob, "12/03/1980")
	tcTap(t, w, "Add patient")
	tpIdle(t)
	if f.dupDialog == nil {
		t.Fatal("no duplicate warning for the same DOB and a similar name")
	}
	for _, want := range []string{"Smith, John", "12/03/1980", "LS6 2AB", "the same date of birth and a similar name"} {
		if !tpShows(w, want) {
			t.Errorf("the warning does not show %q: %q", want, tpTexts(w))
		}
	}
	if tpCount(t, c) != 1 {
		t.Fatal("the duplicate was added before anyone chose")
	}

	// "Open the existing record" goes to John's record, adding nothing.
	tcTap(t, w, "Open the existing record")
	tpIdle(t)
	if s.record == nil || s.record.id != first.ID || tpCount(t, c) != 1 {
		t.Fatalf("Open the existing record: record %v, %d patients", s.record, tpCount(t, c))
	}

	// Again, and this time "Create anyway".
	tcTap(t, w, "Back to the list")
	tpIdle(t)
	f = tpNewForm(t, s)
	tpType(t, w, f.forenames, "Jon")
	tpType(t, w, f.surname, "Smith")
	tpType(t, w, f.dob, "12/03/1980")
	tcTap(t, w, "Add patient")
	tpIdle(t)
	tcTap(t, w, "Create anyway")
	tpIdle(t)
	if tpCount(t, c) != 2 {
		t.Fatal("Create anyway did not add the patient")
	}
	if s.record == nil || s.record.data.p.Forenames != "Jon" || len(w.Canvas().Overlays().List()) != 0 {
		t.Fatal("Create anyway did not open the new record with the warning closed")
	}
}

func TestPatientFormAsksBeforeThrowingAwayWhatWasTyped(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w := tpScreen(t, c)

	// Nothing typed: Cancel just goes back.
	tpNewForm(t, s)
	tcTap(t, w, "Cancel")
	if s.form != nil || len(w.Canvas().Overlays().List()) != 0 {
		t.Fatal("Cancel on an untouched form asked or stayed")
	}

	f := tpNewForm(t, s)
	tpType(t, w, f.forenames, "Amelia")
	tcTap(t, w, "Cancel")
	if !tpShows(w, "has not been saved and will be lost") {
		t.Fatalf("Cancel did not ask: %q", tpTexts(w))
	}
	tcTap(t, w, "Stay on the form")
	if s.form != f || f.forenames.Text != "Amelia" {
		t.Fatal("Stay on the form lost the form")
	}
	// Ctrl+F (or the top bar) asks too, then searches.
	s.findPatient("tay")
	tpIdle(t)
	if s.form != f {
		t.Fatal("Ctrl+F threw the form away without asking")
	}
	tcTap(t, w, "Leave without saving")
	tpIdle(t)
	if s.form != nil || s.search.Text != "tay" || w.Canvas().Focused() != s.search {
		t.Fatalf("after leaving: form %v, search %q", s.form, s.search.Text)
	}
	if tpCount(t, c) != 0 {
		t.Fatal("leaving saved the patient")
	}
}

// The form asks the clinic to judge the record, on the clinic's own date,
// and marks each problem it reports under its field: a birth the screen's
// clock would call tomorrow is today's on the clinic's, and is accepted.
func TestPatientFormIsJudgedByTheClinic(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	ahead := testclock.Now().AddDate(0, 0, 10)
	c.SetClock(func() time.Time { return ahead })
	s, w := tpScreen(t, c)
	f := tpNewForm(t, s)
	tpType(t, w, f.forenames, "Amelia")
	tpType(t, w, f.dob, testclock.Now().AddDate(0, 0, 5).Format("02/01/2006"))

	tcTap(t, w, "Add patient")
	tpIdle(t)
	if msg := f.problems[patients.FieldSurname]; !msg.Visible() || msg.Text == "" {
		t.Fatalf("no problem under the missing surname: %q", msg.Text)
	}
	if msg := f.problems[patients.FieldDOB]; msg.Visible() {
		t.Fatalf("the date of birth was judged on the screen's clock: %q", msg.Text)
	}

	tpType(t, w, f.surname, "Taylor")
	tcTap(t, w, "Add patient")
	tpIdle(t)
	if s.record == nil || tpCount(t, c) != 1 {
		t.Fatalf("the clinic's good record was not added: %q", f.summary.Text)
	}
}
