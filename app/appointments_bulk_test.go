package app

import (
	"errors"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// days hands over appointments grouped by date, in the order given.
func days(appts ...schedule.HistoricAppointment) func() (ukcal.Date, []schedule.HistoricAppointment, bool) {
	i := 0
	return func() (ukcal.Date, []schedule.HistoricAppointment, bool) {
		if i >= len(appts) {
			return ukcal.Date{}, nil, false
		}
		d := appts[i].Date
		var out []schedule.HistoricAppointment
		for i < len(appts) && appts[i].Date == d {
			out = append(out, appts[i])
			i++
		}
		return d, out, true
	}
}

func (d *diary) historic(p patients.Patient, cl schedule.Clinician, day string, start, end int, status schedule.Status) schedule.HistoricAppointment {
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	a := schedule.HistoricAppointment{Appointment: schedule.Appointment{PatientID: p.ID, TypeID: d.followUp.ID, Status: status, StatusAt: at, CreatedAt: at,
		Slot: schedule.Slot{ClinicianID: cl.ID, Date: ukcal.MustParseDate(day), StartMin: start, EndMin: end}}}
	if status == schedule.StatusSeen {
		a.Arrived = at.Add(time.Hour)
	}
	return a
}

// A generated diary is checked by the booking rules in bulk: anything a
// booking would refuse without a reason refuses the whole diary.
func TestAGeneratedDiaryThatBreaksTheRulesIsRefusedWhole(t *testing.T) {
	d := newDiary(t)
	d.book(t, d.req(d.zoe, d.evans, "2026-11-24", "09:00"))
	for name, bad := range map[string]schedule.HistoricAppointment{
		"clinician clash with a booking": d.historic(d.john, d.evans, "2026-11-24", 9*60+15, 9*60+45, schedule.StatusBooked),
		"patient twice in a day":         d.historic(d.zoe, d.patel, "2026-11-24", 14*60, 14*60+30, schedule.StatusBooked),
		"lunch":                          d.historic(d.john, d.patel, "2026-11-25", 12*60+45, 13*60+15, schedule.StatusBooked),
		"bank holiday":                   d.historic(d.john, d.patel, "2026-12-25", 10*60, 10*60+30, schedule.StatusBooked),
	} {
		good := d.historic(d.john, d.patel, "2026-11-20", 10*60, 10*60+30, schedule.StatusSeen)
		_, err := d.c.AddDiary(DiaryBatch{NextDay: days(good, bad)})
		var refused *DiaryRefusedError
		if !errors.As(err, &refused) {
			t.Fatalf("%s: %v", name, err)
		}
		if n, _ := d.c.CountAppointments(); n != 1 {
			t.Fatalf("%s: %d appointments after a refused diary, want the one booked", name, n)
		}
	}
	// A cancelled appointment holds nothing: its slot may be booked again.
	cancelled := d.historic(d.john, d.evans, "2026-11-24", 9*60, 9*60+30, schedule.StatusCancelledPatient)
	cancelled.CancelReason = "Rang in"
	if _, err := d.c.AddDiary(DiaryBatch{NextDay: days(cancelled)}); err != nil {
		t.Fatal(err)
	}
}

// A good diary is written with its history and one audit row an
// appointment, saying it was generated.
func TestAGeneratedDiaryIsWrittenWithHistoryAndAudit(t *testing.T) {
	d := newDiary(t)
	seen := d.historic(d.zoe, d.evans, "2026-11-20", 10*60, 10*60+30, schedule.StatusSeen)
	seen.Started = seen.Arrived.Add(5 * time.Minute)
	seen.StatusAt = seen.Started.Add(30 * time.Minute)
	dna := d.historic(d.john, d.evans, "2026-11-20", 10*60+30, 11*60, schedule.StatusDNA)
	ahead := d.historic(d.john, d.patel, "2026-11-26", 9*60, 9*60+30, schedule.StatusBooked)
	report, err := d.c.AddDiary(DiaryBatch{NextDay: days(seen, dna, ahead),
		Waiting: func() []schedule.WaitingEntry {
			return []schedule.WaitingEntry{{PatientID: d.zoe.ID, Priority: "urgent"}}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if report.Appointments != 3 || report.Days != 2 || report.Waiting != 1 {
		t.Fatalf("report %+v", report)
	}
	list, err := d.c.PatientAppointments(d.zoe.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	history, err := d.c.AppointmentHistory(list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, h := range history {
		steps = append(steps, string(h.Status))
	}
	if strings.Join(steps, " ") != "booked arrived in_progress seen" {
		t.Fatalf("history %v", steps)
	}
	rows, err := d.c.AuditLog(audit.Filter{Action: "appointment.book", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || !strings.Contains(rows[0].Detail, "generated") {
		t.Fatalf("audit rows %+v", rows)
	}
	if w, _ := d.c.WaitingList(); len(w) != 1 || w[0].Status != schedule.WaitingOpen {
		t.Fatalf("waiting %+v", w)
	}
	if _, err := d.c.Verify(false); err != nil {
		t.Fatal(err)
	}
}

// A generated diary reaches the file in the order it was booked, as a real
// clinic's does, not a day at a time: the bench must time the file a
// clinic would have.
func TestAGeneratedDiaryIsWrittenInBookingOrder(t *testing.T) {
	d := newDiary(t)
	booked := func(p patients.Patient, cl schedule.Clinician, day, id string, made time.Time) schedule.HistoricAppointment {
		a := d.historic(p, cl, day, 10*60, 10*60+30, schedule.StatusBooked)
		a.ID, a.CreatedAt, a.StatusAt = id, made, made
		return a
	}
	nov := func(day int) time.Time { return time.Date(2026, 11, day, 9, 30, 0, 0, time.UTC) }
	if _, err := d.c.AddDiary(DiaryBatch{NextDay: days(
		booked(d.zoe, d.evans, "2026-11-16", "booked-third", nov(10)),
		booked(d.john, d.evans, "2026-11-17", "booked-first", nov(2)),
		booked(d.zoe, d.patel, "2026-11-18", "booked-second", nov(5)),
	)}); err != nil {
		t.Fatal(err)
	}
	rows, err := d.c.store.DB().Query(`SELECT id FROM appointments ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var order []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		order = append(order, id)
	}
	if strings.Join(order, " ") != "booked-first booked-second booked-third" {
		t.Fatalf("written in the order %v", order)
	}
}
