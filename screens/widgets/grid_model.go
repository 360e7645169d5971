// Package widgets holds ClinicDesk's custom Fyne widgets: the ones no
// stock widget fits. It knows nothing of the app layer; screens translate
// their data into the plain models here.
package widgets

import (
	"fmt"
	"image/color"
)

// Span is a stretch of one day in minutes after midnight, clinic
// wall-clock time: Start included, End excluded.
type Span struct {
	Start, End int
	Label      string // what a break is for ("Lunch"); drawn when it fits
}

// Column is one lane of the appointment grid: a clinician in the day view,
// a day in the week view.
type Column struct {
	Title string // "Dr Asha Patel", "Mon 23/11"
	// ShortTitle is said instead of Title when the column is too narrow
	// for it, before anything is cut: "Dr A Patel". Optional.
	ShortTitle string
	Subtitle   string      // "Physiotherapist · Room 2", "09:00–17:00"
	Colour     color.Color // the clinician's colour, as a stripe under the title; nil for none
	// Working are the hours the column is open for booking; everything
	// else in the day's range is shaded. Breaks are shaded inside them.
	Working []Span
	Breaks  []Span
	// Banner marks the whole column as not working ("Off", "Bank
	// holiday: Christmas Day", "Closed: staff training"): it is shown under
	// the title and the column is shaded throughout.
	Banner string
	// Today marks the column that is today: the current time is drawn
	// across it and its title stands out.
	Today bool
}

// Status is where an appointment has got to.
type Status int

// The statuses a block can show, each with its own icon.
const (
	StatusBooked Status = iota
	StatusArrived
	StatusInProgress
	StatusSeen
	StatusDNA
	StatusCancelled
)

// String is the status in the words the desk uses.
func (s Status) String() string {
	switch s {
	case StatusBooked:
		return "Booked"
	case StatusArrived:
		return "Arrived"
	case StatusInProgress:
		return "In progress"
	case StatusSeen:
		return "Seen"
	case StatusDNA:
		return "Did not attend"
	case StatusCancelled:
		return "Cancelled"
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Block is one appointment drawn on the grid.
type Block struct {
	ID     string
	Column int // index into the grid's columns
	// Start and End are minutes after midnight on the clinic's wall clock.
	Start, End int
	Colour     color.Color // the appointment type's colour
	Patient    string      // the name as the desk says it: "Mrs Jane O'Neill"
	Type       string      // "Initial assessment"
	Status     Status
	StatusText string // the status in words when not Status's own: a child's "Was not brought"
	Detail     string // a third line for tall blocks ("Room 2", "Arrived 08:52"); optional
	Alert      bool   // the patient has an alert: a red "!" badge
	AIS        bool   // the patient has communication needs: an "AIS" badge
	// What the card shown on hover or under the keyboard's cursor adds:
	// the name in full ("Jane O'Neill"; Patient when empty), the date of
	// birth with the age ("12/03/1980 (46)"), and the alerts and needs in
	// words, one a line ("\n" between). Strings, so a Block stays comparable.
	FullName string
	Born     string
	Alerts   string
}

// StatusWords is the status as the block's card and third line say it.
func (b Block) StatusWords() string {
	if b.StatusText != "" {
		return b.StatusText
	}
	return b.Status.String()
}

// TimeRange is "09:00–09:30".
func (b Block) TimeRange() string { return ClockText(b.Start) + "–" + ClockText(b.End) }

// ClockText writes minutes after midnight as 24-hour time, "09:05".
func ClockText(minute int) string {
	return fmt.Sprintf("%02d:%02d", minute/60, minute%60)
}
