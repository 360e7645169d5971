package screens

import (
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
)

// lhLetterRow is the printing row of the appointment dialog open now.
func lhLetterRow(t *testing.T, s *calendarScreen) *appointmentLetters {
	t.Helper()
	if s.details == nil {
		t.Fatal("no appointment dialog is open")
	}
	for _, o := range s.details.content.Objects {
		if r, ok := o.(*appointmentLetters); ok {
			return r
		}
	}
	t.Fatal("the appointment dialog has no printing row")
	return nil
}

func TestDidNotAttendLetterIsOfferedOnlyAfterADNA(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	book := func(forenames, surname string, hour int) app.Appointment {
		p := tpAdd(t, c, forenames, surname, "1980-03-12")
		a, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: d.patel.ID, TypeID: d.review.ID,
			Date: ctDay, Start: schedule.Clock(hour * 60)})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	missed := book("Jane", "O'Neill", 10)
	cancelled := book("Zoë", "Łukasiewicz-O'Brien", 11)
	booked := book("Tomasz", "Wiśniewski", 12)
	ctClinicClockOn(c, ctDay, 12, 30) // a DNA is marked once its time has passed
	if _, err := c.SetStatus(missed.ID, app.StatusDNA, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SetStatus(cancelled.ID, app.StatusCancelledPatient, "rang in"); err != nil {
		t.Fatal(err)
	}
	s, _ := ctScreen(t, c)
	column := ctColumn(t, s, d.patel.ID)

	for _, tc := range []struct {
		id        string
		hour      int
		offersDNA bool
	}{{missed.ID, 10, true}, {cancelled.ID, 11, false}, {booked.ID, 12, false}} {
		ctTap(t, s, column, tc.hour*60)
		if s.details == nil || s.details.entry.ID != tc.id {
			t.Fatalf("tapping %02d:00 did not open its appointment", tc.hour)
		}
		row := lhLetterRow(t, s)
		if row.dna.Visible() != tc.offersDNA {
			t.Errorf("%s appointment: did-not-attend letter shown %v, want %v",
				app.StatusLabel(s.details.entry.Status), row.dna.Visible(), tc.offersDNA)
		}
		if text := row.dna.Text; text != "Print the did-not-attend letter" || strings.Contains(text, "DNA") {
			t.Errorf("the button says %q", text)
		}
		s.details.close()
	}

	// Marked in the dialog: the row follows the new status.
	ctTap(t, s, column, 12*60)
	row := lhLetterRow(t, s)
	res, err := c.SetStatus(booked.ID, app.StatusDNA, "")
	if err != nil {
		t.Fatal(err)
	}
	e := s.details.entry
	e.Appointment = res.Appointment
	row.showFor(e)
	if !row.dna.Visible() {
		t.Error("after marking the appointment did not attend, its letter is not offered")
	}
	if template, err := c.DNALetterFor(row.entry.ID); err != nil || template == "" {
		t.Errorf("the button's appointment has no DNA letter: %q %v", template, err)
	}
}

func TestAppointmentLettersAreHiddenFromThoseWhoMayNotPrint(t *testing.T) {
	c := tcClinic(t)
	tpSignInAs(t, c, "clin", app.Clinician) // clinicians mark DNAs but print nothing
	row := appointmentLetterRow(&Context{Clinic: c}, app.DiaryEntry{Appointment: app.Appointment{Status: app.StatusDNA}})
	if len(row.Objects) != 0 || row.dna != nil {
		t.Fatalf("the row holds %d controls for someone who may not print", len(row.Objects))
	}
	row.showFor(app.DiaryEntry{}) // must not fail
}
