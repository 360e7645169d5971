package schedule

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

// diary is a set of bookings by date, standing in for the day query.
type diary map[ukcal.Date][]Appt

func (d diary) booked(day ukcal.Date) []Appt { return d[day] }

func bookings(appts ...Appt) diary {
	d := diary{}
	for _, a := range appts {
		d[a.Date] = append(d[a.Date], a)
	}
	return d
}

// show prints candidates as "2026-11-23 09:00 dr-okafor room-1" lines.
func show(cs []Candidate) string {
	var lines []string
	for _, c := range cs {
		line := fmt.Sprintf("%s %s %s", c.Date, c.Start, c.ClinicianID)
		if c.RoomID != "" {
			line += " " + c.RoomID
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func TestNextFree(t *testing.T) {
	withClosure := clinicRules()
	withClosure.Closures = []Closure{{From: date("2026-12-29"), To: date("2026-12-31"), Reason: "Refurbishment"}}
	scottish := clinicRules()
	scottish.Region = ukcal.Scotland
	saturdayLocum := clinicRules()
	saturdayLocum.ClinicianHours[locum] = WeekHours{time.Saturday: {span("09:00", "12:00")}, time.Monday: {span("07:00", "09:00")}}

	for _, c := range []struct {
		name   string
		q      SlotQuery
		diary  diary
		rules  Rules
		expect []string
	}{
		{"first thing on a free Monday",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-23"), Max: 2}, nil, clinicRules(),
			[]string{"2026-11-23 09:00 dr-okafor", "2026-11-23 09:05 dr-okafor"}},
		{"skips the weekend",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-28"), Max: 1}, nil, clinicRules(),
			[]string{"2026-11-30 09:00 dr-okafor"}},
		{"St Andrew's Day in Scotland",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-28"), Max: 1}, nil, scottish,
			[]string{"2026-12-01 09:00 dr-okafor"}},
		{"skips Christmas, the weekend and Boxing Day's substitute",
			SlotQuery{ClinicianIDs: []string{nursePrice}, Minutes: 20, From: date("2026-12-25"), Max: 1}, nil, clinicRules(),
			[]string{"2026-12-29 08:30 nurse-price"}},
		{"skips a closure and New Year's Day",
			SlotQuery{ClinicianIDs: []string{nursePrice}, Minutes: 20, From: date("2026-12-25"), Max: 1}, nil, withClosure,
			[]string{"2027-01-04 08:30 nurse-price"}},
		{"not across the lunch break",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-23"), After: clk("12:00")}, nil, clinicRules(),
			[]string{"2026-11-23 12:00 dr-okafor", "2026-11-23 12:05 dr-okafor", "2026-11-23 12:10 dr-okafor", "2026-11-23 13:30 dr-okafor", "2026-11-23 13:35 dr-okafor"}},
		{"around bookings, back to back allowed",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 10, From: date("2026-11-23"), Grid: 10, Max: 3},
			bookings(
				appt("a1", drOkafor, "", "p1", "2026-11-23", "09:00", "09:30"),
				appt("a2", drOkafor, "", "p2", "2026-11-23", "09:40", "10:00"),
				appt("a3", nursePrice, "", "p3", "2026-11-23", "10:00", "11:00"),
			), clinicRules(),
			[]string{"2026-11-23 09:30 dr-okafor", "2026-11-23 10:00 dr-okafor", "2026-11-23 10:10 dr-okafor"}},
		{"afternoon means starting at noon or later",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-23"), Part: Afternoon, Max: 4}, nil, clinicRules(),
			[]string{"2026-11-23 12:00 dr-okafor", "2026-11-23 12:05 dr-okafor", "2026-11-23 12:10 dr-okafor", "2026-11-23 13:30 dr-okafor"}},
		{"morning only, the morning already gone",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-23"), After: clk("12:25"), Part: Morning, Max: 1}, nil, clinicRules(),
			[]string{"2026-11-24 09:00 dr-okafor"}},
		{"morning means starting before noon",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-23"), After: clk("11:50"), Part: Morning, Max: 3}, nil, clinicRules(),
			[]string{"2026-11-23 11:50 dr-okafor", "2026-11-23 11:55 dr-okafor", "2026-11-24 09:00 dr-okafor"}},
		{"starts rounded up to the grid",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 15, From: date("2026-11-23"), After: clk("09:07"), Grid: 15, Max: 3}, nil, clinicRules(),
			[]string{"2026-11-23 09:15 dr-okafor", "2026-11-23 09:30 dr-okafor", "2026-11-23 09:45 dr-okafor"}},
		{"any clinician: earliest across them, ties in the order given",
			SlotQuery{ClinicianIDs: []string{drOkafor, nursePrice}, Minutes: 15, From: date("2026-11-23"), Grid: 15, Max: 4}, nil, clinicRules(),
			[]string{"2026-11-23 08:30 nurse-price", "2026-11-23 08:45 nurse-price", "2026-11-23 09:00 dr-okafor", "2026-11-23 09:00 nurse-price"}},
		{"Wednesday off goes to another clinician",
			SlotQuery{ClinicianIDs: []string{drOkafor, nursePrice}, Minutes: 15, From: date("2026-11-25"), After: clk("09:00"), Grid: 15, Max: 1}, nil, clinicRules(),
			[]string{"2026-11-25 09:00 nurse-price"}},
		{"a clinician with no hours set is never offered",
			SlotQuery{ClinicianIDs: []string{locum}, Minutes: 15, From: date("2026-11-23")}, nil, clinicRules(),
			nil},
		{"the clinician's own hours do not beat the clinic's",
			SlotQuery{ClinicianIDs: []string{locum}, Minutes: 15, From: date("2026-11-23"), Grid: 15, Max: 2}, nil, saturdayLocum,
			[]string{"2026-11-23 08:30 locum", "2026-11-23 08:45 locum"}},
		{"a room is needed: the first free room in the order given",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-23"), Grid: 10, Max: 4, RoomNeeded: true, Rooms: []string{"room-1", "room-2"}},
			bookings(
				appt("a1", nursePrice, "room-1", "p1", "2026-11-23", "08:30", "10:00"),
				appt("a2", locum, "room-2", "p2", "2026-11-23", "09:00", "09:30"),
			), clinicRules(),
			[]string{"2026-11-23 09:30 dr-okafor room-2", "2026-11-23 09:40 dr-okafor room-2", "2026-11-23 09:50 dr-okafor room-2", "2026-11-23 10:00 dr-okafor room-1"}},
		{"a room is needed but none is given",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-23"), RoomNeeded: true}, nil, clinicRules(),
			nil},
		{"not while the patient is booked elsewhere",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-23"), Max: 1, PatientID: "p1"},
			bookings(appt("a1", nursePrice, "", "p1", "2026-11-23", "08:30", "09:30")), clinicRules(),
			[]string{"2026-11-23 09:30 dr-okafor"}},
		{"nothing within the horizon",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-28"), Days: 2}, nil, clinicRules(),
			nil},
		{"longer than any stretch of hours",
			SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 240, From: date("2026-11-23"), Days: 14}, nil, clinicRules(),
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := NextFree(c.q, c.diary.booked, c.rules)
			if want := strings.Join(c.expect, "\n"); show(got) != want {
				t.Errorf("NextFree =\n%s\nwant\n%s", show(got), want)
			}
			for _, cand := range got {
				if cand.End-cand.Start != Clock(c.q.Minutes) {
					t.Errorf("%v is not %d minutes", cand, c.q.Minutes)
				}
			}
		})
	}
}

// The day query runs only on days someone could be offered, never on a
// weekend, bank holiday or closure, and once a day at most.
func TestNextFreeAsksOnlyForUsefulDays(t *testing.T) {
	asked := map[ukcal.Date]int{}
	booked := func(d ukcal.Date) []Appt {
		asked[d]++
		return nil
	}
	NextFree(SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-12-24"), Max: 200, Days: 7}, booked, clinicRules())
	for d, n := range asked {
		if !ukcal.EnglandAndWales.IsWorkingDay(d) || n != 1 {
			t.Errorf("asked for %s %d times", d, n)
		}
	}
	if len(asked) != 2 { // 24 and 29 December; 30 December is past the horizon
		t.Errorf("asked for %d days, want 2: %v", len(asked), asked)
	}
}

func TestDefaultMaxIsFive(t *testing.T) {
	got := NextFree(SlotQuery{ClinicianIDs: []string{drOkafor}, Minutes: 20, From: date("2026-11-23")}, nil, clinicRules())
	if len(got) != DefaultMax {
		t.Errorf("%d candidates, want %d", len(got), DefaultMax)
	}
	for _, c := range got {
		if int(c.Start)%DefaultGrid != 0 {
			t.Errorf("%s is off the 5-minute grid", c.Start)
		}
	}
}
