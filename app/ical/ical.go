// Package ical writes iCalendar files (RFC 5545) for the export of a
// clinician's diary: one VCALENDAR of VEVENTs, every time in UTC, so any
// calendar program shows the appointment at the right local time.
package ical

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Event is one appointment in the file.
type Event struct {
	// UID identifies the event across exports; it must be non-empty and
	// unique in the file (the appointment id does well).
	UID string
	// Start and End are instants; they are written in UTC. End may be zero
	// (no DTEND); otherwise it must be after Start.
	Start, End time.Time
	// Summary, Description and Location are free text.
	Summary, Description, Location string
	// Status is CONFIRMED, CANCELLED, TENTATIVE or "" (not written).
	Status string
	// Stamp is when the event was last changed (DTSTAMP); required.
	Stamp time.Time
	// Sequence counts the revisions a calendar program has been sent; 0 is
	// not written.
	Sequence int
}

// The statuses RFC 5545 allows on an event.
const (
	StatusConfirmed = "CONFIRMED"
	StatusCancelled = "CANCELLED"
	StatusTentative = "TENTATIVE"
)

// utcLayout is RFC 5545's DATE-TIME in UTC form, e.g. 20261123T090000Z.
const utcLayout = "20060102T150405Z"

// Write writes a complete calendar named calName (X-WR-CALNAME; "" leaves it
// out) holding the events, in the order given. prodID names the program, e.g.
// "-//ClinicDesk//ClinicDesk 1.0//EN". Every event is checked before anything
// is written, so a bad event leaves w untouched.
func Write(w io.Writer, prodID, calName string, events []Event) error {
	if err := validate(prodID, events); err != nil {
		return err
	}
	out := bufio.NewWriter(w)
	line := func(name, value string) { writeFolded(out, name+":"+value) }
	text := func(name, value string) {
		if value != "" {
			line(name, escapeText(value))
		}
	}

	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	text("PRODID", prodID)
	line("CALSCALE", "GREGORIAN")
	text("X-WR-CALNAME", calName)
	for _, e := range events {
		line("BEGIN", "VEVENT")
		text("UID", e.UID)
		line("DTSTAMP", utc(e.Stamp))
		line("DTSTART", utc(e.Start))
		if !e.End.IsZero() {
			line("DTEND", utc(e.End))
		}
		text("SUMMARY", e.Summary)
		text("DESCRIPTION", e.Description)
		text("LOCATION", e.Location)
		if e.Status != "" {
			line("STATUS", e.Status)
		}
		if e.Sequence > 0 {
			line("SEQUENCE", fmt.Sprint(e.Sequence))
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return out.Flush()
}

// validate refuses what would make an invalid or ambiguous file.
func validate(prodID string, events []Event) error {
	if strings.TrimSpace(prodID) == "" {
		return errors.New("ical: PRODID is empty")
	}
	seen := make(map[string]bool, len(events))
	for i, e := range events {
		where := fmt.Sprintf("ical: event %d (UID %q)", i+1, e.UID)
		switch {
		case strings.TrimSpace(e.UID) == "":
			return fmt.Errorf("ical: event %d has no UID", i+1)
		case seen[e.UID]:
			return fmt.Errorf("%s: the UID is used twice", where)
		case e.Start.IsZero():
			return fmt.Errorf("%s has no start", where)
		case !e.End.IsZero() && !e.End.After(e.Start):
			return fmt.Errorf("%s ends before it starts", where)
		case e.Stamp.IsZero():
			return fmt.Errorf("%s has no DTSTAMP", where)
		case e.Sequence < 0:
			return fmt.Errorf("%s has a negative SEQUENCE", where)
		}
		switch e.Status {
		case "", StatusConfirmed, StatusCancelled, StatusTentative:
		default:
			return fmt.Errorf("%s: status %q is not CONFIRMED, CANCELLED or TENTATIVE", where, e.Status)
		}
		for _, t := range []time.Time{e.Start, e.End, e.Stamp} {
			if y := t.UTC().Year(); !t.IsZero() && (y < 1 || y > 9999) {
				return fmt.Errorf("%s has a time outside the years 1–9999", where)
			}
		}
		seen[e.UID] = true
	}
	return nil
}

// utc formats an instant as a UTC DATE-TIME, dropping fractions of a second.
func utc(t time.Time) string { return t.UTC().Format(utcLayout) }
