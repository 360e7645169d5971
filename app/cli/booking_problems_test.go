package cli

import (
	"errors"
	"fmt"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
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

// Every kind of booking problem has its own words on the command line:
// one clause for a line of stderr, naming the day and the patient, since
// no dialog around it does.
func TestEveryBookingProblemIsWordedForTheCommandLine(t *testing.T) {
	for _, c := range []struct {
		p    schedule.Problem
		want string
	}{
		{bpProblem(schedule.BankHoliday, func(p *schedule.Problem) { p.Date, p.Detail = ukcal.MustParseDate("2026-12-25"), "Christmas Day" }),
			"25/12/2026 is a bank holiday (Christmas Day)"},
		{bpProblem(schedule.ClinicClosed, func(p *schedule.Problem) { p.Detail = "Staff training" }), "the clinic is closed on 23/11/2026 (Staff training)"},
		{bpProblem(schedule.ClinicClosed, nil), "the clinic is closed on 23/11/2026"},
		{bpProblem(schedule.OutsideOpeningHours, nil), "the clinic is not open on Mondays"},
		{bpProblem(schedule.OutsideOpeningHours, func(p *schedule.Problem) { p.Hours = schedule.DayHours{{Start: 8*60 + 30, End: 18 * 60}} }),
			"09:00–09:30 on 23/11/2026 is outside the clinic's opening hours (Mondays 08:30–18:00)"},
		{bpProblem(schedule.OutsideClinicianHours, nil), "Dr Siân Evans does not work on Mondays"},
		{bpProblem(schedule.OutsideClinicianHours, func(p *schedule.Problem) { p.Hours = schedule.DayHours{{Start: 10 * 60, End: 17 * 60}} }),
			"09:00–09:30 on 23/11/2026 is outside Dr Siân Evans's hours (Mondays 10:00–17:00)"},
		{bpProblem(schedule.ClinicianClash, nil), "Dr Siân Evans is already booked 09:00–09:30 on 23/11/2026"},
		{bpProblem(schedule.RoomClash, nil), "Room 2 is already in use 09:00–09:30 on 23/11/2026"},
		{bpProblem(schedule.PatientSameDay, func(p *schedule.Problem) { p.SameTime = true }),
			"Zoe Adams is already booked with Dr Siân Evans at the same time, 09:00–09:30 on 23/11/2026"},
		{bpProblem(schedule.PatientSameDay, nil), "Zoe Adams already has an appointment with Dr Siân Evans that day, 09:00–09:30 on 23/11/2026"},
		{bpProblem(schedule.TypeNotDelivered, func(p *schedule.Problem) { p.Detail, p.DeliveredBy = "Physio 45 min", "physiotherapists" }),
			"Dr Siân Evans does not usually deliver Physio 45 min (physiotherapists do)"},
		{bpProblem(schedule.TypeNotDelivered, func(p *schedule.Problem) { p.Detail = "Physio 45 min" }),
			"Dr Siân Evans does not usually deliver Physio 45 min, and nobody in the diary is set up to"},
		{bpProblem(schedule.PatientAlert, func(p *schedule.Problem) { p.Blocks, p.Detail, p.Note = false, "Safeguarding", "child protection plan" }),
			"alert on Zoe Adams's record: Safeguarding — child protection plan"},
		{bpProblem(schedule.CommunicationNeed, func(p *schedule.Problem) {
			p.Blocks, p.Need, p.Detail = false, schedule.NeedInterpreter, "Polish"
		}), "Zoe Adams needs an interpreter (Polish)"},
		{bpProblem(schedule.CommunicationNeed, func(p *schedule.Problem) { p.Blocks, p.Need, p.Detail = false, "large_print", "Large print" }),
			"Zoe Adams has a communication need: Large print"},
		{bpProblem(schedule.ClinicianClash, func(p *schedule.Problem) { p.Clinician.Name = "" }), "the clinician is already booked 09:00–09:30 on 23/11/2026"},
	} {
		if got := problemClause(c.p); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.p.Kind, got, c.want)
		}
	}
}

// A booking over a clash is refused with the typed problem, and the
// command line words it on one line: the blocking problems only, however
// deep the refusal is wrapped.
func TestARefusedBookingIsOneLineOnTheCommandLine(t *testing.T) {
	db := diaryClinic(t) // Dr Siân Evans sees Zoë O'Brien at 09:00–09:20 on 24/11/2026
	c := signIn(t, db, "manager", pw)
	defer c.Close()
	cls, _ := c.Clinicians(false)
	types, _ := c.AppointmentTypes(false)
	p, err := c.CreatePatient(patients.Patient{Forenames: "Amir", Surname: "Khan", DOB: ukcal.MustParseDate("1990-01-01"),
		Alerts: []patients.Alert{{Kind: "safeguarding"}}}, app.PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: cls[0].ID, TypeID: types[0].ID,
		Date: ukcal.MustParseDate("2026-11-24"), Start: schedule.MustParseClock("09:10")})
	var refused *app.BookingRefusedError
	if !errors.As(err, &refused) || !schedule.HasKind(refused.Problems, schedule.ClinicianClash) {
		t.Fatalf("a clash was not refused: %v", err)
	}
	want := "not booked: Dr Siân Evans is already booked 09:00–09:20 on 24/11/2026. A reason is needed to book anyway."
	if got := errorLine(fmt.Errorf("booking: %w", err)); got != want {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
}
