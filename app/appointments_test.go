package app

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/testvectors"
	"clinicdesk/app/ukcal"
)

// diary is a clinic set up for booking: two clinicians working Monday to
// Friday 09:00–17:00 with lunch 12:30–13:30, one room, two types, and two
// patients. The clock says Monday 23 November 2026, 10:00.
type diary struct {
	c                    *Clinic
	evans, patel         schedule.Clinician
	room                 schedule.Room
	followUp, assessment schedule.AppointmentType
	zoe, john            patients.Patient
}

func workingWeek() schedule.WeekHours {
	var w schedule.WeekHours
	for d := time.Monday; d <= time.Friday; d++ {
		w[d] = []schedule.Span{{Start: 9 * 60, End: 12*60 + 30}, {Start: 13*60 + 30, End: 17 * 60}}
	}
	return w
}

func newDiary(t *testing.T) *diary {
	t.Helper()
	c, _, _ := newClinic(t)
	c.now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, ukcal.London()) }
	d := &diary{c: c}
	var err error
	must := func(e error) {
		t.Helper()
		if e != nil {
			t.Fatal(e)
		}
	}
	d.evans, err = c.SaveClinician(schedule.Clinician{Name: "Dr Siân Evans", Role: "GP", Colour: "#336699", Active: true, Hours: workingWeek()})
	must(err)
	d.patel, err = c.SaveClinician(schedule.Clinician{Name: "Ms Priya Patel", Role: "Physiotherapist", Active: true, Hours: workingWeek(), SortOrder: 1})
	must(err)
	d.room, err = c.SaveRoom(schedule.Room{Name: "Room 1", Active: true})
	must(err)
	d.followUp, err = c.SaveAppointmentType(schedule.AppointmentType{Name: "Follow-up", Minutes: 30, Colour: "#88AA00", Active: true})
	must(err)
	d.assessment, err = c.SaveAppointmentType(schedule.AppointmentType{Name: "Assessment", Minutes: 60, NeedsRoom: true, Active: true})
	must(err)
	z := zoe()
	z.AIS.Needs = []string{"bsl_interpreter"}
	d.zoe, err = c.CreatePatient(z, PatientOptions{})
	must(err)
	d.john, err = c.CreatePatient(patients.Patient{Forenames: "John", Surname: "Smith, Jr", DOB: ukcal.MustParseDate("1970-01-01")}, PatientOptions{})
	must(err)
	return d
}

func (d *diary) req(p patients.Patient, cl schedule.Clinician, day, start string) BookingRequest {
	return BookingRequest{PatientID: p.ID, ClinicianID: cl.ID, TypeID: d.followUp.ID,
		Date: ukcal.MustParseDate(day), Start: schedule.MustParseClock(start)}
}

func (d *diary) book(t *testing.T, r BookingRequest) schedule.Appointment {
	t.Helper()
	a, _, err := d.c.Book(r)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func hasWarning(ps []schedule.Problem, kind schedule.ProblemKind) bool {
	_, ok := problemOf(ps, kind)
	return ok
}

// problemOf is the first problem of the kind.
func problemOf(ps []schedule.Problem, kind schedule.ProblemKind) (schedule.Problem, bool) {
	for _, p := range ps {
		if p.Kind == kind {
			return p, true
		}
	}
	return schedule.Problem{}, false
}

func TestClashIsRefusedWithoutAReasonAndRecordedWithOne(t *testing.T) {
	d := newDiary(t)
	first := d.book(t, d.req(d.zoe, d.evans, "2026-11-24", "09:00"))
	if first.EndMin != 9*60+30 || first.Status != schedule.StatusBooked {
		t.Fatalf("the type did not set the length: %+v", first)
	}
	clash := d.req(d.john, d.evans, "2026-11-24", "09:15")
	_, _, err := d.c.Book(clash)
	var refused *BookingRefusedError
	if !errors.As(err, &refused) || !hasWarning(refused.Problems, schedule.ClinicianClash) {
		t.Fatalf("clash not refused: %v", err)
	}
	if p, _ := problemOf(refused.Problems, schedule.ClinicianClash); !p.Blocks || p.Clinician.Name != "Dr Siân Evans" ||
		p.Span.String() != "09:00–09:30" || p.OtherID != first.ID || p.Date != ukcal.MustParseDate("2026-11-24") {
		t.Fatalf("the refusal does not say whose time clashes, and when: %+v", p)
	}
	if day, _ := d.c.TodayList(ukcal.MustParseDate("2026-11-24")); len(day) != 1 {
		t.Fatalf("a refused booking was written: %d appointments", len(day))
	}
	clash.OverrideReason = "Dr Evans will double up: urgent"
	a := d.book(t, clash)
	if a.OverrideReason != clash.OverrideReason {
		t.Fatalf("override reason not kept: %+v", a)
	}
	rows, _ := d.c.AuditLog(audit.Filter{Action: "appointment.book"})
	if len(rows) != 2 || rows[0].Patient != d.john.ID || !strings.Contains(rows[0].Detail, "clinician_clash") || !strings.Contains(rows[0].Detail, "urgent") {
		t.Fatalf("audit: %+v", rows)
	}
}

func TestWarningsForTheSameDayAlertsAndAISNeeds(t *testing.T) {
	d := newDiary(t)
	d.book(t, d.req(d.zoe, d.evans, "2026-11-24", "09:00"))
	ws, err := d.c.CheckBooking(d.req(d.zoe, d.patel, "2026-11-24", "14:00"))
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := problemOf(ws, schedule.PatientSameDay); p.Clinician.Name != "Dr Siân Evans" || p.SameTime || !p.Blocks ||
		p.Patient.Name != d.zoe.Forenames+" "+d.zoe.Surname {
		t.Errorf("no same-day warning naming who the patient is booked with: %+v", ws)
	}
	if p, _ := problemOf(ws, schedule.PatientAlert); p.Detail != "Safeguarding" {
		t.Errorf("the alert is missing: %+v", ws)
	}
	if p, _ := problemOf(ws, schedule.CommunicationNeed); p.Need != "bsl_interpreter" || p.Detail != "BSL interpreter" {
		t.Errorf("the AIS need is missing: %+v", ws)
	}
	for _, p := range ws {
		if (p.Kind == schedule.CommunicationNeed || p.Kind == schedule.PatientAlert) && p.Blocks {
			t.Errorf("%+v should not stop a booking", p)
		}
	}
}

func TestBankHolidayFromTheFeedAndClosuresWarn(t *testing.T) {
	d := newDiary(t)
	var feed map[string]struct {
		Events []struct{ Title, Date string } `json:"events"`
	}
	testvectors.Load(t, "bank-holidays.json", &feed)
	title := ""
	for _, e := range feed["england-and-wales"].Events {
		if e.Date == "2026-12-25" {
			title = e.Title
		}
	}
	if title == "" {
		t.Fatal("25/12/2026 is not in the feed vectors")
	}
	ws, err := d.c.CheckBooking(d.req(d.john, d.evans, "2026-12-25", "10:00"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range ws {
		found = found || (w.Kind == schedule.BankHoliday && w.Detail == title && w.Blocks)
	}
	if !found {
		t.Fatalf("no bank-holiday warning naming %q: %+v", title, ws)
	}
	view, _ := d.c.DayView(ukcal.MustParseDate("2026-12-25"))
	if !view.Notice.Closed || view.Notice.BankHoliday != title {
		t.Fatalf("day view notice: %+v", view.Notice)
	}
	if _, err := d.c.AddClosure(ukcal.MustParseDate("2026-12-29"), ukcal.MustParseDate("2026-12-31"), "Staff training"); err != nil {
		t.Fatal(err)
	}
	ws, _ = d.c.CheckBooking(d.req(d.john, d.evans, "2026-12-30", "10:00"))
	if !hasWarning(ws, schedule.ClinicClosed) {
		t.Fatalf("no closure warning: %+v", ws)
	}
	ws, _ = d.c.CheckBooking(d.req(d.john, d.evans, "2026-11-24", "12:45"))
	if !hasWarning(ws, schedule.OutsideClinicianHours) {
		t.Fatalf("lunch is not outside the clinician's hours: %+v", ws)
	}
}

func TestTwoDesksBookingOneSlotAtOnceGetOneBookingAndOneClash(t *testing.T) {
	d := newDiary(t)
	reqs := []BookingRequest{d.req(d.zoe, d.evans, "2026-11-25", "11:00"), d.req(d.john, d.evans, "2026-11-25", "11:00")}
	errs := make([]error, len(reqs))
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range reqs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			_, _, errs[i] = d.c.Book(reqs[i])
		}(i)
	}
	close(start)
	wg.Wait()
	booked, clashes := 0, 0
	for _, err := range errs {
		var refused *BookingRefusedError
		switch {
		case err == nil:
			booked++
		case errors.As(err, &refused) && hasWarning(refused.Problems, schedule.ClinicianClash):
			clashes++
		default:
			t.Fatalf("unexpected error: %v", err)
		}
	}
	day, _ := d.c.TodayList(ukcal.MustParseDate("2026-11-25"))
	if booked != 1 || clashes != 1 || len(day) != 1 {
		t.Fatalf("%d booked, %d clashes, %d in the diary", booked, clashes, len(day))
	}
}

func TestStatusChangesFollowTheRulesAndKeepHistory(t *testing.T) {
	d := newDiary(t)
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-23", "11:00"))
	// The patient is seen at eleven: statuses follow the day, not ahead of it.
	d.c.now = func() time.Time { return time.Date(2026, 11, 23, 11, 5, 0, 0, ukcal.London()) }
	for _, s := range []schedule.Status{schedule.StatusArrived, schedule.StatusInProgress, schedule.StatusSeen} {
		res, err := d.c.SetStatus(a.ID, s, "")
		if err != nil || res.Appointment.Status != s || res.Appointment.StatusBy != "amanager" {
			t.Fatalf("%s: %+v %v", s, res, err)
		}
	}
	_, err := d.c.SetStatus(a.ID, schedule.StatusBooked, "")
	if err == nil || !strings.Contains(err.Error(), "has been seen") {
		t.Fatalf("seen went back to booked: %v", err)
	}
	h, _ := d.c.AppointmentHistory(a.ID)
	if len(h) != 4 || h[0].Status != schedule.StatusBooked || h[3].Status != schedule.StatusSeen || h[3].At.IsZero() {
		t.Fatalf("history: %+v", h)
	}
	b := d.book(t, d.req(d.zoe, d.evans, "2026-11-24", "11:00"))
	if _, err := d.c.SetStatus(b.ID, schedule.StatusCancelledPatient, ""); err == nil {
		t.Fatal("a cancellation without a reason was accepted")
	}
	if _, err := d.c.SetStatus(b.ID, schedule.StatusCancelledPatient, "Has a cold"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.c.SetStatus(b.ID, schedule.StatusArrived, ""); err == nil || !strings.Contains(err.Error(), "book a new one") {
		t.Fatalf("a cancelled appointment came back: %v", err)
	}
}

func TestDNAProposesTheNextLetterOverTheWindow(t *testing.T) {
	d := newDiary(t)
	old := d.req(d.john, d.evans, "2025-11-20", "10:00") // just outside twelve months of 23/11/2026
	old.OverrideReason = "entering history"
	dates := []string{"2026-03-02", "2026-11-23"}
	var last StatusResult
	for i, day := range append([]string{"2025-11-20"}, dates...) {
		r := d.req(d.john, d.evans, day, "10:00")
		if i == 0 {
			r = old
		}
		a := d.book(t, r)
		res, err := d.c.SetStatus(a.ID, schedule.StatusDNA, "")
		if err != nil || res.DNA == nil {
			t.Fatalf("%s: %+v %v", day, res, err)
		}
		last = res
	}
	if last.DNA.Count != 2 || last.DNA.WindowMonths != 12 || last.DNA.Step != schedule.DNASecond {
		t.Fatalf("DNA prompt: %+v", last.DNA)
	}
}

func TestMoveKeepsTheOriginalSlotAndRechecks(t *testing.T) {
	d := newDiary(t)
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-24", "09:00"))
	other := d.book(t, d.req(d.john, d.patel, "2026-11-26", "10:00"))
	_, _, err := d.c.Move(a.ID, MoveRequest{ClinicianID: d.patel.ID, Date: ukcal.MustParseDate("2026-11-26"), Start: schedule.MustParseClock("10:00"), Reason: "patient asked"})
	var refused *BookingRefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("move onto a booked slot: %v", err)
	}
	moved, _, err := d.c.Move(a.ID, MoveRequest{Date: ukcal.MustParseDate("2026-11-27"), Start: schedule.MustParseClock("14:00"), Reason: "patient asked"})
	if err != nil {
		t.Fatal(err)
	}
	if moved.Date != ukcal.MustParseDate("2026-11-27") || moved.StartMin != 14*60 || moved.EndMin != 14*60+30 || moved.ClinicianID != d.evans.ID {
		t.Fatalf("moved: %+v", moved)
	}
	if moved.MovedFrom == nil || moved.MovedFrom.Date != ukcal.MustParseDate("2026-11-24") || moved.MovedFrom.StartMin != 9*60 {
		t.Fatalf("original slot lost: %+v", moved.MovedFrom)
	}
	h, _ := d.c.AppointmentHistory(a.ID)
	if len(h) != 2 || h[1].MovedFrom == nil || h[1].Reason != "patient asked" {
		t.Fatalf("history: %+v", h)
	}
	// The moved appointment never clashes with itself: a small shift is fine.
	if _, _, err := d.c.Move(a.ID, MoveRequest{Date: ukcal.MustParseDate("2026-11-27"), Start: schedule.MustParseClock("14:15")}); err != nil {
		t.Fatalf("shift by 15 minutes: %v", err)
	}
	_ = other
	tl, err := d.c.Timeline(d.zoe.ID)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range tl {
		if e.Kind == "appointment" {
			titles = append(titles, e.Title)
		}
	}
	all := strings.Join(titles, "|")
	if len(titles) != 3 || !strings.Contains(all, "Appointment booked for Tuesday 24 November 2026, 09:00") ||
		!strings.Contains(all, "Appointment moved from Tuesday 24 November 2026, 09:00") ||
		!strings.Contains(all, "Appointment moved from Friday 27 November 2026, 14:00") {
		t.Fatalf("timeline: %q", titles)
	}
}

func TestWeeklySeriesKeepsNineOClockAcrossTheClockChange(t *testing.T) {
	d := newDiary(t)
	// Someone already has Dr Evans at 09:00 on 09/11/2026: that week is skipped.
	d.book(t, d.req(d.john, d.evans, "2026-11-09", "09:00"))
	res, err := d.c.BookSeries(d.req(d.zoe, d.evans, "2026-10-19", "09:00"), schedule.Repeat{Every: 1, Unit: schedule.Weekly, Count: 6})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Booked) != 5 || len(res.Skipped) != 1 || res.Skipped[0].Date.String() != "2026-11-09" {
		t.Fatalf("booked %d, skipped %+v", len(res.Booked), res.Skipped)
	}
	utcHours := map[int]bool{}
	for _, a := range res.Booked {
		day := a.Date
		at := schedule.At(day, schedule.Clock(a.StartMin))
		if a.StartMin != 9*60 || at.In(ukcal.London()).Hour() != 9 || a.SeriesID != res.SeriesID {
			t.Fatalf("%s: %+v at %s", a.Date, a, at)
		}
		utcHours[at.UTC().Hour()] = true
	}
	if !utcHours[8] || !utcHours[9] {
		t.Fatalf("the series did not cross the clock change: %v", utcHours)
	}
	// Cancel the third and all that follow: the first two stay booked.
	n, err := d.c.CancelSeries(res.Booked[2].ID, true, schedule.StatusCancelledClinic, "Clinician on leave")
	if err != nil || n != 3 {
		t.Fatalf("cancelled %d: %v", n, err)
	}
	for i, a := range res.Booked {
		got, _ := d.c.store.Appointment(a.ID)
		if want := i >= 2; got.Status.Cancelled() != want || (want && got.CancelReason != "Clinician on leave") {
			t.Errorf("occurrence %d (%s): %s", i, a.Date, got.Status)
		}
	}
}

func TestCalendarPermissionsAreCheckedInTheApp(t *testing.T) {
	d := newDiary(t)
	addUser(t, d.c, "desk", Receptionist)
	addUser(t, d.c, "doc", Clinician)
	a := d.book(t, d.req(d.zoe, d.evans, "2026-11-23", "11:00"))
	var pe *PermissionError

	if err := d.c.SignIn("doc", "staff-password-doc"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := d.c.Book(d.req(d.john, d.evans, "2026-11-23", "14:00")); !errors.As(err, &pe) {
		t.Fatalf("a clinician booked: %v", err)
	}
	if _, err := d.c.SetStatus(a.ID, schedule.StatusCancelledClinic, "busy"); !errors.As(err, &pe) {
		t.Fatalf("a clinician cancelled: %v", err)
	}
	if _, err := d.c.SetStatus(a.ID, schedule.StatusArrived, ""); err != nil {
		t.Fatalf("a clinician could not mark an arrival: %v", err)
	}
	if _, err := d.c.DayView(ukcal.MustParseDate("2026-11-23")); err != nil {
		t.Fatalf("a clinician could not see the day: %v", err)
	}
	if _, err := d.c.ExportAppointments(&strings.Builder{}, AppointmentExport{}); !errors.As(err, &pe) {
		t.Fatalf("a clinician exported: %v", err)
	}

	if err := d.c.SignIn("desk", "staff-password-desk"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.c.SaveClinician(schedule.Clinician{Name: "Dr New", Active: true}); !errors.As(err, &pe) {
		t.Fatalf("a receptionist set up a clinician: %v", err)
	}
	if err := d.c.SaveCalendarSettings(schedule.DefaultCalendarSettings()); !errors.As(err, &pe) {
		t.Fatalf("a receptionist changed the calendar settings: %v", err)
	}
	if _, err := d.c.AddClosure(ukcal.MustParseDate("2027-01-04"), ukcal.MustParseDate("2027-01-04"), "x"); !errors.As(err, &pe) {
		t.Fatalf("a receptionist closed the clinic: %v", err)
	}
	if _, _, err := d.c.Book(d.req(d.john, d.evans, "2026-11-23", "14:00")); err != nil {
		t.Fatalf("a receptionist could not book: %v", err)
	}
}

func TestSetupIsCheckedAndSettingsChangeTheRules(t *testing.T) {
	d := newDiary(t)
	bad := workingWeek()
	bad[time.Monday] = append(bad[time.Monday], schedule.Span{Start: 10 * 60, End: 11 * 60})
	if _, err := d.c.SaveClinician(schedule.Clinician{Name: "Dr Overlap", Hours: bad}); err == nil || !strings.Contains(err.Error(), "overlap") {
		t.Fatalf("overlapping hours accepted: %v", err)
	}
	if _, err := d.c.SaveAppointmentType(schedule.AppointmentType{Name: "Odd", Minutes: 7}); err == nil {
		t.Fatal("a 7-minute type was accepted")
	}
	cs, _ := d.c.CalendarSettings()
	cs.GridMinutes = 20
	if err := d.c.SaveCalendarSettings(cs); err == nil {
		t.Fatal("a 20-minute grid was accepted")
	}
	cs.GridMinutes, cs.Region = 10, "scotland"
	if err := d.c.SaveCalendarSettings(cs); err != nil {
		t.Fatal(err)
	}
	// 30 November is St Andrew's Day in Scotland only.
	ws, _ := d.c.CheckBooking(d.req(d.john, d.evans, "2026-11-30", "10:00"))
	if !hasWarning(ws, schedule.BankHoliday) {
		t.Fatalf("the region did not change the bank holidays: %+v", ws)
	}
	r := d.req(d.john, d.evans, "2026-11-24", "10:00")
	r.TypeID = d.assessment.ID
	if _, _, err := d.c.Book(r); err == nil || !strings.Contains(err.Error(), "needs a room") {
		t.Fatalf("a type that needs a room was booked without one: %v", err)
	}
}

func TestViewsAndTheNextFreeSlot(t *testing.T) {
	d := newDiary(t)
	d.book(t, d.req(d.zoe, d.evans, "2026-11-24", "09:00"))
	d.book(t, d.req(d.john, d.patel, "2026-11-24", "09:30"))
	c := d.book(t, d.req(d.john, d.evans, "2026-11-26", "15:00"))
	d.c.SetStatus(c.ID, schedule.StatusCancelledPatient, "Away")
	day, err := d.c.DayView(ukcal.MustParseDate("2026-11-24"))
	if err != nil {
		t.Fatal(err)
	}
	if len(day.Columns) != 2 || day.Columns[0].Clinician.ID != d.evans.ID || len(day.Columns[0].Appointments) != 1 ||
		day.Columns[0].Appointments[0].PatientName != "Zoë Łukasiewicz-O'Brien" || len(day.Columns[0].Hours) != 2 || day.GridMinutes != 15 {
		t.Fatalf("day view: %+v", day)
	}
	week, err := d.c.WeekView(d.evans.ID, ukcal.MustParseDate("2026-11-26"))
	if err != nil || week.Monday.String() != "2026-11-23" || len(week.Days) != 7 || len(week.Days[1].Appointments) != 1 || len(week.Days[3].Appointments) != 1 {
		t.Fatalf("week view: %+v %v", week, err)
	}
	month, _ := d.c.MonthSummary(2026, time.November)
	if len(month) != 30 || month[23].Appointments != 2 || month[25].Appointments != 0 {
		t.Fatalf("month: %+v", month)
	}
	slots, err := d.c.NextFreeSlots(FreeSlotQuery{ClinicianID: d.evans.ID, TypeID: d.followUp.ID, From: ukcal.MustParseDate("2026-11-24"), Max: 2})
	if err != nil || len(slots) != 2 {
		t.Fatalf("slots %+v %v", slots, err)
	}
	if slots[0].Date.String() != "2026-11-24" || slots[0].Start.String() != "09:30" || slots[0].ClinicianName != "Dr Siân Evans" {
		t.Fatalf("first free slot: %+v", slots[0])
	}
}

func TestWaitingListOffersAFreedSlotUrgentFirst(t *testing.T) {
	d := newDiary(t)
	third, _ := d.c.CreatePatient(patients.Patient{Forenames: "Aled", Surname: "Jones", DOB: ukcal.MustParseDate("1990-05-05")}, PatientOptions{})
	fourth, _ := d.c.CreatePatient(patients.Patient{Forenames: "Bea", Surname: "Khan", DOB: ukcal.MustParseDate("1991-05-05")}, PatientOptions{})
	add := func(p patients.Patient, priority, added, clinician string) schedule.WaitingEntry {
		t.Helper()
		w, err := d.c.AddToWaitingList(schedule.WaitingEntry{PatientID: p.ID, Priority: priority, Added: ukcal.MustParseDate(added), ClinicianID: clinician})
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	routine := add(third, "routine", "2026-09-01", "")
	urgent := add(fourth, "Urgent", "2026-11-20", "")
	add(d.zoe, "urgent", "2026-10-01", d.patel.ID) // wants someone else
	a := d.book(t, d.req(d.john, d.evans, "2026-11-25", "10:00"))
	if _, err := d.c.OffersFor(a.ID); err == nil {
		t.Fatal("a slot still taken was offered")
	}
	if _, err := d.c.SetStatus(a.ID, schedule.StatusCancelledPatient, "Moved away"); err != nil {
		t.Fatal(err)
	}
	offers, err := d.c.OffersFor(a.ID)
	if err != nil || len(offers) != 2 || offers[0].ID != urgent.ID || offers[1].ID != routine.ID {
		t.Fatalf("offers %+v %v", offers, err)
	}
	r := d.req(fourth, d.evans, "2026-11-25", "10:00")
	r.WaitingID = urgent.ID
	d.book(t, r)
	list, _ := d.c.WaitingList()
	for _, w := range list {
		if w.ID == urgent.ID {
			t.Fatal("a booked patient is still waiting")
		}
	}
	if err := d.c.RemoveFromWaitingList(routine.ID, ""); err == nil {
		t.Fatal("removed without a reason")
	}
	if err := d.c.RemoveFromWaitingList(routine.ID, "Seen elsewhere"); err != nil {
		t.Fatal(err)
	}
	if list, _ := d.c.WaitingList(); len(list) != 1 {
		t.Fatalf("still waiting: %+v", list)
	}
}
