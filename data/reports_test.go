package data

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app/reports"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// A year of any report must cost the same at a million appointments as at
// ten thousand (SPEC §5, report_year): every report query reads a range of
// an index, never a whole table, and the appointment queries read only
// their covering index.
func TestReportQueriesReadIndexRanges(t *testing.T) {
	s, _, _ := newStore(t)
	var plans []string
	seenReportQuery = func(q string, args []any) { plans = append(plans, q+"\n"+queryPlan(t, s, q, args...)) }
	defer func() { seenReportQuery = nil }()
	for _, r := range []reports.Range{
		{From: ukcal.MustParseDate("2025-12-08"), To: ukcal.MustParseDate("2026-12-07"), By: reports.ByWeek},
		{From: ukcal.MustParseDate("2025-04-01"), To: ukcal.MustParseDate("2026-03-31"), By: reports.ByMonth, ClinicianID: "c1"},
	} {
		must := func(_ any, err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(s.AttendanceCounts(r, 16))
		must(s.BookedMinutes(r))
		must(s.CancellationCounts(r))
		must(s.ReferralSourceCounts(r))
		must(s.WaitTimes(r, reports.PreviousRange(r), "first_definitive_treatment"))
		r.ClinicianID = ""
		must(s.NewPatientCounts(r))
		must(s.ComplaintSubjectCounts(r))
		must(s.ComplaintOutcomeCounts(r))
		must(s.LetterCounts(r))
	}
	if len(plans) != 20 { // 10 queries by 2 ranges
		t.Fatalf("%d queries seen", len(plans))
	}
	for _, p := range plans {
		for _, table := range []string{"appointments", "a", "patients", "p", "referrals", "r", "letter_log", "l", "complaints", "c", "appointment_day_totals", "patient_hour_counts", "h"} {
			if strings.Contains(p, "SCAN "+table+"\n") || strings.Contains(p, "SCAN "+table+" ") {
				t.Errorf("a report query scans %s:\n%s", table, p)
			}
		}
		if strings.Contains(p, "FROM appointments") && strings.Contains(p, "SEARCH a USING INDEX") {
			t.Errorf("a report query reads appointments' rows, not only an index:\n%s", p)
		}
		// No query looks something up once per row it counts.
		if strings.Contains(p, "CORRELATED") && !strings.Contains(p, "not_brought") {
			t.Errorf("a report query runs a subquery for each row:\n%s", p)
		}
	}
}

// The clocks change on the last Sundays of March and October.
func TestLastSunday(t *testing.T) {
	for _, c := range []struct {
		year  int
		march string
		oct   string
	}{{2026, "2026-03-29", "2026-10-25"}, {2027, "2027-03-28", "2027-10-31"}} {
		if got := lastSunday(c.year, 3); got != ukcal.MustParseDate(c.march) {
			t.Errorf("March %d: %s", c.year, got)
		}
		if got := lastSunday(c.year, 10); got != ukcal.MustParseDate(c.oct) {
			t.Errorf("October %d: %s", c.year, got)
		}
	}
}

// The diary's day totals follow every booking, status change, move and
// deletion: they always equal the appointments counted afresh.
func TestAppointmentDayTotalsFollowTheDiary(t *testing.T) {
	s := diaryFixture(t)
	check := func(when string) {
		t.Helper()
		var wrong int
		err := s.DB().QueryRow(`SELECT count(*) FROM (
			SELECT date, status, clinician_id, COUNT(*) AS n, SUM(end_min - start_min) AS m FROM appointments GROUP BY 1, 2, 3) x
			FULL JOIN appointment_day_totals t USING (date, status, clinician_id)
			WHERE coalesce(x.n, 0) <> coalesce(t.appointments, 0) OR coalesce(x.m, 0) <> coalesce(t.minutes, 0)`).Scan(&wrong)
		if err != nil {
			t.Fatal(err)
		}
		if wrong != 0 {
			t.Errorf("after %s, %d day totals are wrong", when, wrong)
		}
	}
	check("the fixture")
	book := func(id, day, clinician string, start, end int) {
		t.Helper()
		a := schedule.Appointment{ID: id, PatientID: "p1", TypeID: "t1", Status: schedule.StatusBooked, StatusAt: time.Now(), StatusBy: "u", CreatedAt: time.Now(), CreatedBy: "u",
			Slot: schedule.Slot{ClinicianID: clinician, Date: ukcal.MustParseDate(day), StartMin: start, EndMin: end}}
		if err := s.Write(func(tx *Tx) error { return tx.InsertAppointment(a) }); err != nil {
			t.Fatal(err)
		}
	}
	book("x1", "2026-12-01", "c1", 540, 570)
	book("x2", "2026-12-01", "c1", 570, 630)
	check("two bookings")
	if err := s.Write(func(tx *Tx) error { return tx.SetAppointmentStatus("x1", schedule.StatusDNA, time.Now(), "u", "") }); err != nil {
		t.Fatal(err)
	}
	check("a DNA")
	if err := s.Write(func(tx *Tx) error {
		return tx.MoveAppointment("x2", schedule.Slot{ClinicianID: "c1", Date: ukcal.MustParseDate("2026-12-02"), StartMin: 600, EndMin: 645}, time.Now(), "u", "", "")
	}); err != nil {
		t.Fatal(err)
	}
	check("a move to another day and length")
	if _, err := s.DB().Exec(`DELETE FROM appointments WHERE id = 'x1'`); err != nil {
		t.Fatal(err)
	}
	check("a deletion")
}

// The new patients' hourly counts follow every record added, merged,
// unmerged and deleted.
func TestPatientHourCountsFollowTheRecords(t *testing.T) {
	s := diaryFixture(t) // p1 and p2
	check := func(when string) {
		t.Helper()
		var wrong int
		err := s.DB().QueryRow(`SELECT count(*) FROM (
			SELECT substr(created_at, 1, 13) AS hour, COUNT(*) AS n FROM patients WHERE status <> 'merged' GROUP BY 1) x
			FULL JOIN patient_hour_counts t USING (hour) WHERE coalesce(x.n, 0) <> coalesce(t.patients, 0)`).Scan(&wrong)
		if err != nil {
			t.Fatal(err)
		}
		if wrong != 0 {
			t.Errorf("after %s, %d hourly counts are wrong", when, wrong)
		}
	}
	check("the fixture")
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.DB().Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`UPDATE patients SET status = 'merged', merged_into = 'p2' WHERE id = 'p1'`)
	check("a merge")
	exec(`UPDATE patients SET status = 'active', merged_into = NULL WHERE id = 'p1'`)
	check("an unmerge")
	exec(`UPDATE patients SET created_at = '2020-01-01T10:00:00Z' WHERE id = 'p2'`)
	check("a record's day corrected")
	if err := s.Write(func(tx *Tx) error {
		n, err := tx.SetPatientsCreated(map[string]time.Time{"p1": time.Date(2024, 5, 3, 9, 12, 0, 0, time.UTC), "p2": time.Date(2025, 1, 6, 14, 40, 0, 0, time.UTC)})
		if err == nil && n != 2 {
			t.Errorf("%d records dated, want 2", n)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	check("a generated clinic's registrations dated")
	exec(`DELETE FROM patients WHERE id = 'p2'`)
	check("a deletion")
}
