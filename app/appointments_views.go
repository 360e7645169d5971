package app

import (
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// ClinicianDay is one column of the day view, or one day of the week view.
type ClinicianDay struct {
	Clinician    schedule.Clinician
	Date         ukcal.Date
	Hours        []schedule.Span       // the clinician's working spans that day
	Appointments []schedule.DiaryEntry // in time order, cancelled ones included
}

// DayNotice is why a day is not an ordinary working day.
type DayNotice struct {
	BankHoliday string // the holiday's title, or ""
	Closure     string // the closure's reason, or ""
	Closed      bool   // a bank holiday or a closure
}

// DayView is the diary for one date: one column per active clinician (and
// any inactive one who still has appointments that day).
type DayView struct {
	Date         ukcal.Date
	Notice       DayNotice
	OpeningHours []schedule.Span
	GridMinutes  int
	Columns      []ClinicianDay
}

// WeekView is one clinician's diary, Monday to Sunday.
type WeekView struct {
	Clinician   schedule.Clinician
	Monday      ukcal.Date
	GridMinutes int
	Days        []ClinicianDay
	Notices     []DayNotice // by day, Monday first
}

func dayNotice(rules schedule.Rules, d ukcal.Date) DayNotice {
	var n DayNotice
	if h, ok := rules.Region.HolidayOn(d); ok {
		n.BankHoliday, n.Closed = h.Title, true
	}
	if cl, ok := rules.ClosureOn(d); ok {
		n.Closure, n.Closed = cl.Reason, true
		if n.Closure == "" {
			n.Closure = "Closed"
		}
	}
	return n
}

// DayView reads the diary of one date for every clinician. It reads
// through the appointments_diary index, so it costs the same however many
// years of appointments the file holds.
func (c *Clinic) DayView(d ukcal.Date) (DayView, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	store := c.store
	if _, err := c.require(PermViewCalendar); err != nil {
		return DayView{}, err
	}
	rules, cs, err := calendarRules(store, d, d)
	if err != nil {
		return DayView{}, err
	}
	// Grouped by clinician below, so read in the day index's own order.
	entries, err := store.DayDiary(d)
	if err != nil {
		return DayView{}, err
	}
	clinicians, err := store.Clinicians(false)
	if err != nil {
		return DayView{}, err
	}
	byClinician := map[string][]schedule.DiaryEntry{}
	for _, e := range entries {
		byClinician[e.ClinicianID] = append(byClinician[e.ClinicianID], e)
	}
	v := DayView{Date: d, Notice: dayNotice(rules, d), OpeningHours: rules.OpeningHours.On(d.Weekday()), GridMinutes: cs.GridMinutes}
	for _, cl := range clinicians {
		appts := byClinician[cl.ID]
		if !cl.Active && len(appts) == 0 {
			continue
		}
		v.Columns = append(v.Columns, ClinicianDay{Clinician: cl, Date: d, Hours: cl.Hours.On(d.Weekday()), Appointments: appts})
	}
	return v, nil
}

// WeekView reads one clinician's diary for the week starting on monday
// (any other day is taken back to its Monday).
func (c *Clinic) WeekView(clinicianID string, monday ukcal.Date) (WeekView, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	store := c.store
	if _, err := c.require(PermViewCalendar); err != nil {
		return WeekView{}, err
	}
	monday = MondayOf(monday)
	sunday := monday.AddDays(6)
	cl, err := store.Clinician(clinicianID)
	if err != nil {
		return WeekView{}, notFound(err, "that clinician is not set up in this clinic")
	}
	rules, cs, err := calendarRules(store, monday, sunday)
	if err != nil {
		return WeekView{}, err
	}
	entries, err := store.Diary(data.DiaryFilter{From: monday, To: sunday, ClinicianID: clinicianID, WithCancelled: true})
	if err != nil {
		return WeekView{}, err
	}
	v := WeekView{Clinician: cl, Monday: monday, GridMinutes: cs.GridMinutes}
	hours := cl.Hours
	for i := 0; i < 7; i++ {
		d := monday.AddDays(i)
		day := ClinicianDay{Clinician: cl, Date: d, Hours: hours.On(d.Weekday())}
		for _, e := range entries {
			if e.Date == d {
				day.Appointments = append(day.Appointments, e)
			}
		}
		v.Days = append(v.Days, day)
		v.Notices = append(v.Notices, dayNotice(rules, d))
	}
	return v, nil
}

// MondayOf is the Monday of d's week (weeks start on Monday).
func MondayOf(d ukcal.Date) ukcal.Date {
	return d.AddDays(-((int(d.Weekday()) + 6) % 7))
}

// MonthDay is one day of the month overview.
type MonthDay struct {
	Date         ukcal.Date
	Appointments int // not cancelled
	Notice       DayNotice
}

// MonthSummary counts each day's appointments in a month, with its bank
// holiday or closure, for the month overview.
func (c *Clinic) MonthSummary(year int, month time.Month) ([]MonthDay, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	store := c.store
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	first := ukcal.NewDate(year, month, 1)
	last := first.AddMonths(1).AddDays(-1)
	rules, _, err := calendarRules(store, first, last)
	if err != nil {
		return nil, err
	}
	counts, err := store.DayCounts(first, last)
	if err != nil {
		return nil, err
	}
	var out []MonthDay
	for d := first; !d.After(last); d = d.AddDays(1) {
		out = append(out, MonthDay{Date: d, Appointments: counts[d], Notice: dayNotice(rules, d)})
	}
	return out, nil
}

// TodayList is the day's appointments for the Today screen, every
// clinician's together in time order, cancelled ones left out.
func (c *Clinic) TodayList(d ukcal.Date) ([]schedule.DiaryEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	store := c.store
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	return store.DayList(d)
}

// PatientAppointments lists a patient's appointments, cancelled ones
// included, oldest first.
func (c *Clinic) PatientAppointments(patientID string) ([]schedule.DiaryEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	store := c.store
	if _, err := c.require(PermViewCalendar); err != nil {
		return nil, err
	}
	return store.Diary(data.DiaryFilter{PatientID: patientID, WithCancelled: true})
}
