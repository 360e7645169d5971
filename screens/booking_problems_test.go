package screens

import (
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/test"
)

// bpProblem is a problem on Monday 23 November 2026 with Dr Siân Evans in
// Room 2, for Zoe Adams, 09:00–09:30.
func bpProblem(kind schedule.ProblemKind, with func(*schedule.Problem)) schedule.Problem {
	p := schedule.Problem{Kind: kind, Blocks: true, Clinician: schedule.Named{ID: "c1", Name: "Dr Siân Evans"},
		Room: schedule.Named{ID: "r2", Name: "Room 2"}, Patient: schedule.Named{ID: "p1", Name: "Zoe Adams"},
		Date: ukcal.MustParseDate("2026-11-23"), Span: schedule.Span{Start: 9 * 60, End: 9*60 + 30}}
	if with != nil {
		with(&p)
	}
	return p
}

// Every kind of booking problem has its own words on the screen, with the
// names the desk knows: the sentences the dialog showed before the
// problems were typed.
func TestEveryBookingProblemIsWordedForTheScreen(t *testing.T) {
	afternoon := schedule.DayHours{{Start: 9 * 60, End: 12*60 + 30}, {Start: 13*60 + 30, End: 17 * 60}}
	for _, c := range []struct {
		p    schedule.Problem
		want string
	}{
		{bpProblem(schedule.BankHoliday, func(p *schedule.Problem) { p.Date, p.Detail = ukcal.MustParseDate("2026-12-25"), "Christmas Day" }),
			"Friday 25 December 2026 is a bank holiday (Christmas Day)."},
		{bpProblem(schedule.ClinicClosed, func(p *schedule.Problem) { p.Detail = "Staff training" }),
			"The clinic is closed on Monday 23 November 2026 (Staff training)."},
		{bpProblem(schedule.ClinicClosed, nil), "The clinic is closed on Monday 23 November 2026."},
		{bpProblem(schedule.OutsideOpeningHours, nil), "The clinic is not open on Mondays."},
		{bpProblem(schedule.OutsideOpeningHours, func(p *schedule.Problem) { p.Hours = schedule.DayHours{{Start: 8*60 + 30, End: 18 * 60}} }),
			"09:00–09:30 is outside the clinic's opening hours on Mondays (08:30–18:00)."},
		{bpProblem(schedule.OutsideClinicianHours, nil), "Dr Siân Evans does not work on Mondays."},
		{bpProblem(schedule.OutsideClinicianHours, func(p *schedule.Problem) { p.Hours = afternoon }),
			"09:00–09:30 is outside Dr Siân Evans's hours on Mondays (09:00–12:30 and 13:30–17:00)."},
		{bpProblem(schedule.ClinicianClash, nil), "Dr Siân Evans is already booked 09:00–09:30."},
		{bpProblem(schedule.RoomClash, nil), "Room 2 is already in use 09:00–09:30."},
		{bpProblem(schedule.PatientSameDay, func(p *schedule.Problem) { p.SameTime = true }),
			"The patient is already booked at the same time, 09:00–09:30 with Dr Siân Evans."},
		{bpProblem(schedule.PatientSameDay, nil), "The patient already has an appointment that day, 09:00–09:30 with Dr Siân Evans."},
		{bpProblem(schedule.TypeNotDelivered, func(p *schedule.Problem) { p.Detail, p.DeliveredBy = "Physio 45 min", "physiotherapists" }),
			"Dr Siân Evans does not usually deliver Physio 45 min; physiotherapists do."},
		{bpProblem(schedule.TypeNotDelivered, func(p *schedule.Problem) { p.Detail = "Physio 45 min" }),
			"Dr Siân Evans does not usually deliver Physio 45 min, and nobody in the diary is set up to: a manager can choose who does in Settings, Calendar, Appointment types."},
		{bpProblem(schedule.PatientAlert, func(p *schedule.Problem) { p.Blocks, p.Detail, p.Note = false, "Safeguarding", "child protection plan" }),
			"Alert: Safeguarding — child protection plan"},
		{bpProblem(schedule.CommunicationNeed, func(p *schedule.Problem) {
			p.Blocks, p.Need, p.Detail = false, schedule.NeedInterpreter, "Polish"
		}), "Interpreter needed (Polish) — link an interpreter"},
		{bpProblem(schedule.CommunicationNeed, func(p *schedule.Problem) { p.Blocks, p.Need, p.Detail = false, "bsl_interpreter", "BSL interpreter" }),
			"BSL interpreter needed — link an interpreter"},
		{bpProblem(schedule.CommunicationNeed, func(p *schedule.Problem) { p.Blocks, p.Need, p.Detail = false, "large_print", "Large print" }),
			"Communication need: Large print"},
	} {
		if got := problemText(c.p); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.p.Kind, got, c.want)
		}
	}
}

// The booking dialog lists a closure, the clinician's hours and the
// patient's alert together; the first two ask for a reason, and once
// booked anyway the alert is what the desk is reminded of.
func TestBookingDialogShowsEveryProblemAndRemindsOfAlerts(t *testing.T) {
	c := tcClinic(t)
	d := ctSetUp(t, c)
	tpAdd(t, c, "Luke", "Haigh", "1961-04-03", func(p *patients.Patient) {
		p.Alerts = []patients.Alert{{Kind: "safeguarding", Text: "child protection plan"}}
	})
	if _, err := c.AddClosure(ctDay, ctDay, "Staff training"); err != nil {
		t.Fatal(err)
	}
	s, w := ctScreen(t, c)
	ctTap(t, s, ctColumn(t, s, d.patel.ID), 16*60+45) // runs past Dr Patel's 17:00
	b := s.booking
	if b == nil {
		t.Fatal("no booking dialog")
	}
	ctChoosePatient(t, w, b, "Haigh")
	b.typeSelect.SetSelectedIndex(0)
	tpIdle(t)
	for _, want := range []string{
		"• The clinic is closed on Tuesday 24 November 2026 (Staff training).",
		"• 16:45–17:15 is outside Dr Asha Patel's hours on Tuesdays (09:00–17:00).",
		"• Alert: Safeguarding — child protection plan.",
	} {
		if !strings.Contains(b.warnings.Text, want) {
			t.Errorf("the dialog does not show %q:\n%s", want, b.warnings.Text)
		}
	}
	if !b.blocking || b.book.Text != "Book anyway" || !b.book.Disabled() {
		t.Fatalf("no reason asked: %q", b.book.Text)
	}
	tpType(t, w, b.reason, "Urgent review agreed")
	test.Tap(b.book)
	tpIdle(t)
	if got := ctDiaryOn(t, c, ctDay); len(got) != 1 || got[0].OverrideReason != "Urgent review agreed" {
		t.Fatalf("not booked anyway: %+v", got)
	}
	if msg := s.message.Text; !strings.Contains(msg, "Remember: Alert: Safeguarding — child protection plan.") || strings.Contains(msg, "closed") {
		t.Errorf("after booking: %q", msg)
	}
}
