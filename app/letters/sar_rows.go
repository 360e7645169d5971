package letters

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"clinicdesk/app/ukcal"
)

func sarEventRows(events []SAREvent) [][]string {
	rows := make([][]string, 0, len(events))
	for _, e := range events {
		rows = append(rows, []string{ukcal.WallDate(e.At).Long(), ukcal.WallClock(e.At), e.What, e.By})
	}
	return rows
}

// sarAppointmentRows puts each appointment on a row, its history listed
// under what it was, one change a line.
func sarAppointmentRows(appts []SARAppointment) [][]string {
	rows := make([][]string, 0, len(appts))
	for _, a := range appts {
		lines := []string{a.What}
		for _, e := range a.History {
			line := ukcal.WallDate(e.At).Long() + " at " + ukcal.WallClock(e.At) + ": " + e.What + "."
			if e.By != "" {
				line += " Recorded by " + e.By + "."
			}
			lines = append(lines, "– "+line)
		}
		rows = append(rows, []string{a.Date.Long(), a.Time, strings.Join(lines, "\n"), a.Status})
	}
	return rows
}

func sarReferralRows(refs []SARReferral) [][]string {
	rows := make([][]string, 0, len(refs))
	for _, r := range refs {
		lines := []string{r.What}
		for _, e := range r.Events {
			line := e.On.Long() + ": " + e.What + "."
			if e.Note != "" {
				line += " " + asSentence(e.Note)
			}
			if e.By != "" {
				line += " Recorded by " + e.By + "."
			}
			lines = append(lines, "– "+line)
		}
		rows = append(rows, []string{r.Date.Long(), strings.Join(lines, "\n"), r.Status})
	}
	return rows
}

// asSentence is a typed note as a sentence of its own: a capital first,
// a full stop last unless it ends with its own.
func asSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	return s
}

func sarAccessRows(events []SAREvent) [][]string {
	rows := make([][]string, 0, len(events))
	for _, e := range events {
		rows = append(rows, []string{ukcal.WallDate(e.At).Long(), ukcal.WallClock(e.At), e.By, e.What})
	}
	return rows
}

// sarCount is " (1 entry)", " (12 entries)" or " (none)".
func sarCount(n int, one, many string) string {
	switch n {
	case 0:
		return " (none)"
	case 1:
		return " (1 " + one + ")"
	}
	return fmt.Sprintf(" (%d %s)", n, many)
}

func sarContactLine(c SARClinic) string {
	var parts []string
	if c.Phone != "" {
		parts = append(parts, "Telephone "+strings.TrimSpace(c.Phone))
	}
	if c.Email != "" {
		parts = append(parts, strings.TrimSpace(c.Email))
	}
	return strings.Join(parts, "  ·  ")
}

// sarContactSentence says how to reach the clinic in words.
func sarContactSentence(c SARClinic) string {
	phone, email := strings.TrimSpace(c.Phone), strings.TrimSpace(c.Email)
	addr := oneLineAddress(c.Address)
	var ways []string
	if phone != "" {
		ways = append(ways, "call us on "+phone)
	}
	if email != "" {
		ways = append(ways, "email "+email)
	}
	if addr != "" {
		ways = append(ways, "write to us at "+addr)
	}
	switch len(ways) {
	case 0:
		return ""
	case 1:
		return "You can " + ways[0] + "."
	}
	return "You can " + strings.Join(ways[:len(ways)-1], ", ") + " or " + ways[len(ways)-1] + "."
}

// isPatientThemself reports whether "requested by" names the patient.
func isPatientThemself(by string) bool {
	switch strings.ToLower(strings.TrimSpace(by)) {
	case "patient", "the patient", "self", "themself", "themselves", "you":
		return true
	}
	return false
}
