package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// diaryFixture is a store with two patients, two clinicians, a room and a
// type, ready for booking.
func diaryFixture(t *testing.T) *Store {
	t.Helper()
	s, _, _ := newStore(t)
	now := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	err := s.Write(func(tx *Tx) error {
		for _, p := range []patients.Patient{
			{ID: "p1", Forenames: "Zoë", Surname: "O'Brien", DOB: ukcal.MustParseDate("1984-02-29"), Status: patients.Active, Alerts: []patients.Alert{{Kind: "safeguarding"}}},
			{ID: "p2", Forenames: "John", Surname: "Smith", DOB: ukcal.MustParseDate("1970-01-01"), Status: patients.Active},
		} {
			if err := tx.InsertPatient(p); err != nil {
				return err
			}
		}
		for _, c := range []schedule.Clinician{{ID: "c1", Name: "Dr Evans", Active: true}, {ID: "c2", Name: "Ms Patel", Active: true, SortOrder: 1}} {
			if err := tx.SaveClinician(c); err != nil {
				return err
			}
		}
		if err := tx.SaveRoom(schedule.Room{ID: "r1", Name: "Room 1", Active: true}); err != nil {
			return err
		}
		return tx.SaveAppointmentType(schedule.AppointmentType{ID: "t1", Name: "Follow-up", Minutes: 30, Colour: "#88aa00", Active: true})
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = now
	return s
}

func appt(id, patient, clinician, date string, start int) schedule.Appointment {
	at := time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)
	return schedule.Appointment{ID: id, PatientID: patient, TypeID: "t1",
		Slot:   schedule.Slot{ClinicianID: clinician, Date: ukcal.MustParseDate(date), StartMin: start, EndMin: start + 30},
		Status: schedule.StatusBooked, StatusAt: at, StatusBy: "desk", CreatedAt: at, CreatedBy: "desk"}
}

func TestStatusChangesAndMovesKeepHistory(t *testing.T) {
	s := diaryFixture(t)
	a := appt("a1", "p1", "c1", "2026-11-23", 9*60)
	a.RoomID = "r1"
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	err := s.Write(func(tx *Tx) error {
		if err := tx.InsertAppointment(a); err != nil {
			return err
		}
		if err := tx.MoveAppointment("a1", schedule.Slot{ClinicianID: "c2", Date: ukcal.MustParseDate("2026-11-24"), StartMin: 14 * 60, EndMin: 14*60 + 30}, at, "desk", "patient asked", ""); err != nil {
			return err
		}
		if err := tx.MoveAppointment("a1", schedule.Slot{ClinicianID: "c2", Date: ukcal.MustParseDate("2026-11-25"), StartMin: 15 * 60, EndMin: 15*60 + 30}, at, "desk", "again", ""); err != nil {
			return err
		}
		return tx.SetAppointmentStatus("a1", schedule.StatusCancelledPatient, at, "desk", "feeling better")
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Appointment("a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Date != ukcal.MustParseDate("2026-11-25") || got.StartMin != 15*60 || got.MovedFrom == nil || got.MovedFrom.Date != ukcal.MustParseDate("2026-11-23") || got.MovedFrom.StartMin != 9*60 || got.MovedFrom.RoomID != "r1" {
		t.Fatalf("moved appointment: %+v (from %+v)", got, got.MovedFrom)
	}
	if got.Status != schedule.StatusCancelledPatient || got.CancelReason != "feeling better" {
		t.Fatalf("status %q reason %q", got.Status, got.CancelReason)
	}
	h, err := s.AppointmentHistory("a1")
	if err != nil || len(h) != 4 {
		t.Fatalf("history %+v %v", h, err)
	}
	if h[1].MovedFrom == nil || h[1].MovedFrom.Date != ukcal.MustParseDate("2026-11-23") || h[2].MovedFrom.Date != ukcal.MustParseDate("2026-11-24") || h[3].Status != schedule.StatusCancelledPatient {
		t.Fatalf("history rows: %+v", h)
	}
	if occ, _ := s.OccupyingOn(ukcal.MustParseDate("2026-11-25")); len(occ) != 0 {
		t.Fatal("a cancelled appointment still holds its slot")
	}
}

func TestDiaryJoinsWhatTheDayViewShows(t *testing.T) {
	s := diaryFixture(t)
	err := s.Write(func(tx *Tx) error {
		for _, a := range []schedule.Appointment{appt("a2", "p2", "c2", "2026-11-23", 9*60), appt("a1", "p1", "c1", "2026-11-23", 9*60), appt("a3", "p1", "c1", "2026-11-24", 8*60)} {
			if err := tx.InsertAppointment(a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	day, err := s.Diary(DiaryFilter{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-23")})
	if err != nil || len(day) != 2 {
		t.Fatalf("day: %+v %v", day, err)
	}
	if day[0].ID != "a1" || day[0].PatientName != "Zoë O'Brien" || day[0].TypeName != "Follow-up" || day[0].ClinicianName != "Dr Evans" || len(day[0].Alerts) != 1 {
		t.Fatalf("first row: %+v", day[0])
	}
	if day[0].PatientDOB != ukcal.MustParseDate("1984-02-29") || day[1].PatientDOB != ukcal.MustParseDate("1970-01-01") {
		t.Fatalf("dates of birth %v, %v", day[0].PatientDOB, day[1].PatientDOB)
	}
	week, _ := s.Diary(DiaryFilter{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-29"), ClinicianID: "c1"})
	if len(week) != 2 || week[1].ID != "a3" {
		t.Fatalf("week: %+v", week)
	}
	counts, _ := s.DayCounts(ukcal.MustParseDate("2026-11-01"), ukcal.MustParseDate("2026-11-30"))
	if counts[ukcal.MustParseDate("2026-11-23")] != 2 || counts[ukcal.MustParseDate("2026-11-24")] != 1 || len(counts) != 2 {
		t.Fatalf("counts %v", counts)
	}
}

// Two desks booking the same clinician's 09:00 at once: the check and the
// insert share one write transaction, so exactly one wins.
func TestConcurrentBookingsOfOneSlotGiveOneBooking(t *testing.T) {
	s := diaryFixture(t)
	errClash := errors.New("clash")
	book := func(id, patient string) error {
		return s.Write(func(tx *Tx) error {
			existing, err := tx.OccupyingOn(ukcal.MustParseDate("2026-11-23"))
			if err != nil {
				return err
			}
			for _, e := range existing {
				if e.ClinicianID == "c1" && e.StartMin < 9*60+30 && 9*60 < e.EndMin {
					return fmt.Errorf("%w with %s", errClash, e.ID)
				}
			}
			return tx.InsertAppointment(appt(id, patient, "c1", "2026-11-23", 9*60))
		})
	}
	var wg sync.WaitGroup
	results := make([]error, 2)
	start := make(chan struct{})
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			results[i] = book(fmt.Sprintf("x%d", i), []string{"p1", "p2"}[i])
		}(i)
	}
	close(start)
	wg.Wait()
	ok, clashes := 0, 0
	for _, err := range results {
		switch {
		case err == nil:
			ok++
		case errors.Is(err, errClash):
			clashes++
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	occ, _ := s.OccupyingOn(ukcal.MustParseDate("2026-11-23"))
	if ok != 1 || clashes != 1 || len(occ) != 1 {
		t.Fatalf("%d booked, %d clashes, %d in the diary", ok, clashes, len(occ))
	}
}

func queryPlan(t *testing.T, s *Store, q string, args ...any) string {
	t.Helper()
	rows, err := s.DB().Query("EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, notused int
		var detail string
		rows.Scan(&id, &parent, &notused, &detail)
		b.WriteString(detail + "\n")
	}
	return b.String()
}

// The day view must cost the same at 1M appointments as at 10k: every
// diary read goes through an index, never a scan of appointments.
func TestDiaryAndClashQueriesUseTheIndexes(t *testing.T) {
	s := diaryFixture(t)
	cases := map[string]struct {
		plan, index string
	}{}
	q, args := diaryQuery(DiaryFilter{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-23"), WithCancelled: true, ByClinician: true})
	cases["day view"] = struct{ plan, index string }{queryPlan(t, s, q, args...), "COVERING INDEX appointments_diary"}
	q, args = diaryQuery(DiaryFilter{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-29"), ClinicianID: "c1"})
	cases["week view"] = struct{ plan, index string }{queryPlan(t, s, q, args...), "appointments_clinician"}
	q, args = diaryQuery(DiaryFilter{PatientID: "p1", WithCancelled: true})
	cases["patient's appointments"] = struct{ plan, index string }{queryPlan(t, s, q, args...), "appointments_patient"}
	cases["clash check"] = struct{ plan, index string }{queryPlan(t, s, occupyingOnQuery, "2026-11-23"), "appointments_diary"}
	cases["month counts"] = struct{ plan, index string }{queryPlan(t, s, `SELECT date, count(*) FROM appointments
		WHERE date BETWEEN ? AND ? AND status NOT IN ('cancelled_patient', 'cancelled_clinic') GROUP BY date`, "2026-11-01", "2026-11-30"), "COVERING INDEX appointments_month"}
	// The patient's details are the appointment's own copy, in the diary
	// index beside it: the day view looks up no patient (a random page per
	// appointment at 100,000 patients).
	if plan := cases["day view"].plan; strings.Contains(plan, "patients") || strings.Count(strings.TrimSpace(plan), "\n") != 0 {
		t.Errorf("the day view reads more than the diary index:\n%s", plan)
	}
	// In the day index's own order, several hundred rows need no sort.
	if plan := cases["day view"].plan; strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("the day view sorts its rows:\n%s", plan)
	}
	for name, c := range cases {
		if strings.Contains(c.plan, "SCAN a\n") || strings.Contains(c.plan, "SCAN appointments") || strings.Contains(c.plan, "SCAN TABLE appointments") {
			t.Errorf("%s scans the appointments:\n%s", name, c.plan)
		}
		if !strings.Contains(c.plan, c.index) {
			t.Errorf("%s does not use %s:\n%s", name, c.index, c.plan)
		}
	}
}

// A big clinic's day is read in two halves of the clinicians side by
// side (a small one's in one: dayDiaryPartsFor): the halves must add up to
// exactly the day, in the day index's order, and each must be a range of
// the index, not a filter over the whole day.
func TestDayDiaryIsTheWholeDayInTwoHalves(t *testing.T) {
	if dayDiaryPartsFor(10) != 1 || dayDiaryPartsFor(dayDiarySplitAt) != 2 {
		t.Fatalf("parts for 10 clinicians %d, for %d %d: want one, then two", dayDiaryPartsFor(10), dayDiarySplitAt, dayDiaryPartsFor(dayDiarySplitAt))
	}
	s := diaryFixture(t)
	err := s.Write(func(tx *Tx) error {
		ids := []string{"c3", "c0", "c9", "c5"}
		for i := 10; len(ids) < dayDiarySplitAt+2; i++ { // enough to be read in halves
			ids = append(ids, fmt.Sprintf("c%d", i))
		}
		for _, id := range ids {
			if err := tx.SaveClinician(schedule.Clinician{ID: id, Name: "Clinician " + id, Active: true}); err != nil {
				return err
			}
		}
		n := 0
		for _, cl := range []string{"c0", "c1", "c2", "c3", "c5", "c9"} {
			for _, start := range []int{9 * 60, 11 * 60, 14 * 60} {
				n++
				a := appt(fmt.Sprintf("a%02d", n), []string{"p1", "p2"}[n%2], cl, "2026-11-23", start)
				if err := tx.InsertAppointment(a); err != nil {
					return err
				}
			}
		}
		// Another day stays out.
		return tx.InsertAppointment(appt("other", "p1", "c1", "2026-11-24", 9*60))
	})
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.Diary(DiaryFilter{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-23"), WithCancelled: true, ByClinician: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.DayDiary(ukcal.MustParseDate("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	ids := func(es []schedule.DiaryEntry) string {
		var out []string
		for _, e := range es {
			out = append(out, e.ClinicianID+"/"+e.ID)
		}
		return strings.Join(out, " ")
	}
	if len(want) != 18 || ids(got) != ids(want) {
		t.Fatalf("the halves give\n%s\nthe whole day is\n%s", ids(got), ids(want))
	}
	for _, f := range []DiaryFilter{
		{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-23"), WithCancelled: true, ByClinician: true, clinicianBefore: "c3"},
		{From: ukcal.MustParseDate("2026-11-23"), To: ukcal.MustParseDate("2026-11-23"), WithCancelled: true, ByClinician: true, clinicianFrom: "c3"},
	} {
		q, args := diaryQuery(f)
		plan := queryPlan(t, s, q, args...)
		if !strings.Contains(plan, "clinician_id") || strings.Contains(plan, "TEMP B-TREE") {
			t.Errorf("a half is not a range of the diary index:\n%s", plan)
		}
	}
}

// Today's list is the day without its cancelled appointments, by time and
// then the day view's column order: the same list, in the same order, as
// asking for the day in time order.
func TestDayListIsTheDayByTimeWithoutTheCancelled(t *testing.T) {
	s := diaryFixture(t)
	err := s.Write(func(tx *Tx) error {
		// Column order differs from the ids' order, so the sort shows.
		for i, id := range []string{"c3", "c0", "c9", "c5"} {
			if err := tx.SaveClinician(schedule.Clinician{ID: id, Name: "Clinician " + id, Active: true, SortOrder: 10 - i}); err != nil {
				return err
			}
		}
		n := 0
		for _, cl := range []string{"c0", "c1", "c2", "c3", "c5", "c9"} {
			for _, start := range []int{9 * 60, 11 * 60, 14 * 60} {
				n++
				a := appt(fmt.Sprintf("a%02d", n), []string{"p1", "p2"}[n%2], cl, "2026-11-23", start)
				if n%5 == 0 {
					a.Status = schedule.StatusCancelledPatient
				}
				if err := tx.InsertAppointment(a); err != nil {
					return err
				}
			}
		}
		return tx.InsertAppointment(appt("other", "p1", "c1", "2026-11-24", 9*60))
	})
	if err != nil {
		t.Fatal(err)
	}
	day := ukcal.MustParseDate("2026-11-23")
	want, err := s.Diary(DiaryFilter{From: day, To: day})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.DayList(day)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(es []schedule.DiaryEntry) string {
		var out []string
		for _, e := range es {
			out = append(out, e.ClinicianID+"/"+e.ID)
		}
		return strings.Join(out, " ")
	}
	if len(want) != 15 || ids(got) != ids(want) {
		t.Fatalf("Today's list is\n%s\nthe day by time is\n%s", ids(got), ids(want))
	}
}

// After a big clinic's day is read in parts, the pool's next connection
// is the one the first part read on, every time: the desk's search and
// booking keep one connection and its page cache (a booking empties every
// other connection's). Each connection is told apart by a temporary
// table of its own.
func TestDayDiaryHandsBackTheFirstPartsConnectionLast(t *testing.T) {
	s := diaryFixture(t)
	err := s.Write(func(tx *Tx) error {
		for i := 0; i < dayDiarySplitAt+2; i++ {
			id := fmt.Sprintf("c%02d", i)
			if err := tx.SaveClinician(schedule.Clinician{ID: id, Name: "Clinician " + id, Active: true}); err != nil {
				return err
			}
			if err := tx.InsertAppointment(appt("a"+id, "p1", id, "2026-11-23", 9*60)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var conns []*sql.Conn
	for i := range 4 { // every connection the pool may open, each marked
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ExecContext(ctx, "CREATE TEMP TABLE which (n INTEGER)"); err != nil {
			t.Fatal(err)
		}
		if _, err := c.ExecContext(ctx, "INSERT INTO temp.which (n) VALUES (?)", i); err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for _, c := range conns {
		c.Close()
	}
	which := func() int {
		var n int
		if err := s.db.QueryRow("SELECT n FROM temp.which").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	desk := which()
	for i := range 30 {
		es, err := s.DayDiary(ukcal.MustParseDate("2026-11-23"))
		if err != nil || len(es) < dayDiarySplitAt+2 {
			t.Fatalf("the day: %d appointments, %v", len(es), err)
		}
		if got := which(); got != desk {
			t.Fatalf("after day %d the pool hands out connection %d, not the desk's %d", i, got, desk)
		}
	}
}
