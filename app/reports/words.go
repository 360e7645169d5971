package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"clinicdesk/app/ukcal"
)

// Rate is part ÷ whole as a percentage, or Missing when whole is 0: a rate
// over nothing is not 0%.
func Rate(part, whole int) float64 {
	if whole == 0 {
		return Missing
	}
	return 100 * float64(part) / float64(whole)
}

// Ratio is part ÷ whole as a percentage for minutes, or Missing when whole
// is 0.
func Ratio(part, whole float64) float64 {
	if whole == 0 {
		return Missing
	}
	return 100 * part / whole
}

// Write is a value as a table cell and a sentence write it: "7.1%", "12",
// "4.3 weeks"; "–" for Missing.
func (u Unit) Write(v float64) string {
	if IsMissing(v) {
		return "–"
	}
	switch u {
	case Percent:
		return strconv.FormatFloat(round1(v), 'f', 1, 64) + "%"
	case Weeks:
		return strconv.FormatFloat(round1(v), 'f', 1, 64) + " weeks"
	case Minutes:
		return strconv.Itoa(int(math.Round(v))) + " minutes"
	}
	return strconv.Itoa(int(math.Round(v)))
}

// Cell is a value for the table and the CSV: the number only, without the
// unit, so a spreadsheet can add it up ("7.1", "12"); "–" for Missing.
func (u Unit) Cell(v float64) string {
	if IsMissing(v) {
		return "–"
	}
	switch u {
	case Percent, Weeks:
		return strconv.FormatFloat(round1(v), 'f', 1, 64)
	}
	return strconv.Itoa(int(math.Round(v)))
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// Compare is the sentence under a figure: how what (e.g. "the DNA rate")
// moved from the previous period to this one, worded as a person would.
// empty says why there is nothing this period ("no appointments were due").
func Compare(what string, u Unit, prev, cur float64, empty string) string {
	switch {
	case IsMissing(cur):
		return capital(fmt.Sprintf("%s, so there is no figure to show.", empty))
	case IsMissing(prev):
		return capital(fmt.Sprintf("%s was %s; there is nothing in the previous period to compare it with.", what, u.Write(cur)))
	}
	// Compared as written, so "stayed at 5.4%" never sits beside two
	// different-looking numbers.
	p, c := u.Write(prev), u.Write(cur)
	switch {
	case p == c:
		return capital(fmt.Sprintf("%s stayed at %s, as in the previous period.", what, c))
	case cur < prev:
		return capital(fmt.Sprintf("%s fell from %s to %s.", what, p, c))
	}
	return capital(fmt.Sprintf("%s rose from %s to %s.", what, p, c))
}

// capital starts a sentence with a capital letter.
func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// Labels are the periods' labels, the x axis of a figure over time.
func Labels(ps []Period) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Label
	}
	return out
}

// Bin returns which period a count keyed by its period's natural start (a
// Monday, or the 1st of a month, as the store groups them) belongs to, or
// -1. The first period may be cut by the range, so its key is before it.
func Bin(ps []Period, key ukcal.Date) int {
	if len(ps) > 0 && key.Before(ps[0].From) {
		key = ps[0].From
	}
	return PeriodIndex(ps, key)
}

// Thousands writes a whole number with commas between its thousands, as
// people read counts ("12,345"): on the charts' axes and the screens' counts.
func Thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// CellToRead is a table cell as the screen and the PDF show it: a whole
// number gets its thousands commas ("164,175 minutes" reads, "164175" has
// to be counted). The CSV keeps the plain digits, for spreadsheets.
func CellToRead(cell string) string {
	digits := strings.TrimPrefix(cell, "-")
	if len(digits) < 4 || digits[0] == '0' || strings.TrimLeft(digits, "0123456789") != "" {
		return cell
	}
	n, err := strconv.ParseInt(cell, 10, 64)
	if err != nil {
		return cell
	}
	return Thousands(n)
}
