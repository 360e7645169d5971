package screens

import (
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/test"
)

// prAt sets the clinic's clock to a wall-clock time on day.
func prAt(c *app.Clinic, day string, hour, minute int) {
	d := ukcal.MustParseDate(day)
	at := time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, ukcal.London())
	c.SetClock(func() time.Time { return at })
}

// The Record tab says when the record may go and what that rests on: the
// last Seen appointment in the diary (a later DNA does not count), then,
// once a date of death is recorded, the rule for the deceased.
func TestPatientRecordShowsWhatTheRetentionDateRestsOn(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	d := ctSetUp(t, c)
	prAt(c, "2026-11-23", 10, 0)
	p := tpAdd(t, c, "Amelia", "Taylor", "1970-01-01")
	book := func(day string) schedule.Appointment {
		a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.carter.ID, TypeID: d.review.ID,
			Date: ukcal.MustParseDate(day), Start: schedule.MustParseClock("10:00")})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	mark := func(a schedule.Appointment, to schedule.Status) {
		if _, err := c.SetStatus(a.ID, to, ""); err != nil {
			t.Fatalf("mark %s: %v", to, err)
		}
	}
	seen, missed := book("2026-11-24"), book("2026-11-26")
	prAt(c, "2026-11-24", 10, 5)
	mark(seen, schedule.StatusArrived)
	mark(seen, schedule.StatusSeen)
	prAt(c, "2026-11-26", 11, 0)
	mark(missed, schedule.StatusDNA)

	_, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	if want := "Keep until 24 November 2034: 8 years after the last treatment on 24 November 2026."; !tpShows(w, want) {
		t.Fatalf("want %q on the Record tab: %q", want, tpTexts(w))
	}

	died := p
	died.DateOfDeath = ukcal.MustParseDate("2026-11-25")
	if _, err := c.UpdatePatient(died, app.PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	_, r, w = tpOpen(t, c, p)
	r.selectTab(recordTabRecord)
	if want := "Keep until 25 November 2034: 8 years after death on 25 November 2026."; !tpShows(w, want) {
		t.Fatalf("want %q after a death is recorded: %q", want, tpTexts(w))
	}
	// The top of the record says so, with the age at death, not today's.
	if want := "Born 01/01/1970, died 25/11/2026 aged 56"; !tpShows(w, want) {
		t.Fatalf("want %q at the top of the record: %q", want, tpTexts(w))
	}
}

// The form's date of death is checked where it is typed: not in the
// future, not before the date of birth; a good one is saved.
func TestPatientFormRefusesADateOfDeathInTheFutureOrBeforeBirth(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	prAt(c, "2026-11-23", 10, 0)
	p := tpAdd(t, c, "Amelia", "Taylor", "1970-01-01")
	s, r, w := tpOpen(t, c, p)
	r.selectTab(recordTabDetails)
	tcTap(t, w, "Edit details")
	f := s.form
	if f == nil {
		t.Fatal("Edit details did not open the form")
	}
	for typed, want := range map[string]string{
		"24/11/2026": "the date of death 24/11/2026 is in the future: check the date",
		"31/12/1969": "the date of death 31/12/1969 is before the date of birth 01/01/1970: check both",
	} {
		f.dateOfDeath.SetText("")
		tpType(t, w, f.dateOfDeath, typed)
		tcTap(t, w, "Save changes")
		tpIdle(t)
		if got := f.problems[patients.FieldDateOfDeath]; got == nil || got.Text != sentence(want) {
			t.Fatalf("date of death %s: under the field %v; want %q (%q)", typed, got, want, tpTexts(w))
		}
	}
	f.dateOfDeath.SetText("")
	tpType(t, w, f.dateOfDeath, "20/11/2026")
	tcTap(t, w, "Save changes")
	tpIdle(t)
	if got, _ := c.Patient(p.ID); got.DateOfDeath != ukcal.MustParseDate("2026-11-20") {
		t.Fatalf("date of death saved as %q; form says %q", got.DateOfDeath, f.summary.Text)
	}
}
