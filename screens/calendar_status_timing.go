package screens

import (
	"strings"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// calendarStatusButtons are the appointment dialog's status buttons, in
// the order the day goes.
var calendarStatusButtons = []schedule.Status{schedule.StatusArrived, schedule.StatusInProgress, schedule.StatusSeen, schedule.StatusDNA}

// statusOpening is a status not possible yet and when it becomes so, as
// the facade's OfferStatus said.
type statusOpening struct {
	to    schedule.Status
	opens time.Time
}

// statusTimingNote says when the statuses not yet possible become so:
// "This appointment is on Tuesday 8 December. It can be marked arrived on
// the day, in progress from 10:15 and did not attend from 10:30."
// Empty when every status is possible now. marked is each status as it
// reads after "marked" ("did not attend", or for a child "not brought").
func statusTimingNote(a schedule.Appointment, notYet []statusOpening, now time.Time, marked func(schedule.Status) string) string {
	if len(notYet) == 0 {
		return ""
	}
	var parts []string
	var labels []string
	var at time.Time
	flush := func() {
		if len(labels) > 0 {
			parts = append(parts, strings.Join(labels, " or ")+" from "+ukcal.WallClock(at))
			labels = nil
		}
	}
	for _, o := range notYet {
		to, opens := o.to, o.opens
		if to == schedule.StatusArrived {
			parts = append(parts, "arrived on the day")
			continue
		}
		if !opens.Equal(at) {
			flush()
			at = opens
		}
		labels = append(labels, marked(to))
	}
	flush()
	said := parts[len(parts)-1]
	if len(parts) > 1 {
		said = strings.Join(parts[:len(parts)-1], ", ") + " and " + said
	}
	canBe := "can be marked " + said + "."
	day := a.Date
	today := ukcal.Today(now)
	if day.IsZero() || day == today {
		return "This appointment " + canBe
	}
	layout := ukcal.LayoutDayMonthWithDay
	if day.Year() != today.Year() {
		layout = ukcal.LayoutLongWithDay
	}
	return "This appointment is on " + day.Format(layout) + ". It " + canBe
}
