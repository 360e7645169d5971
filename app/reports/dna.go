package reports

import (
	"fmt"
	"strconv"
)

// Attendance is a stretch's appointments by what happened, as the store
// counts them.
type Attendance struct {
	Due        int // arrived, in progress, seen or did not attend
	DNA        int // did not attend, children's included
	NotBrought int // of DNA, children younger than the clinic's age on the day
}

// Add sums two counts.
func (a Attendance) Add(b Attendance) Attendance {
	return Attendance{Due: a.Due + b.Due, DNA: a.DNA + b.DNA, NotBrought: a.NotBrought + b.NotBrought}
}

// Rate is DNAs ÷ appointments due, as a percentage, or Missing.
func (a Attendance) Rate() float64 { return Rate(a.DNA, a.Due) }

// DNADefinition says what the DNA rate counts, for the report and its CSV.
func DNADefinition(childUnderAge int) string {
	return fmt.Sprintf("DNA rate = appointments missed ÷ appointments that were due, by the day of the appointment. "+
		"Due means the appointment's outcome was recorded: arrived, in progress, seen or did not attend. "+
		"Cancelled appointments, appointments still in the future and past ones whose outcome was never marked are left out. "+
		"A missed appointment of a child under %d on the day is shown apart as \"was not brought\"; both count in the DNA rate.", childUnderAge) + FutureNote
}

// BuildDNA is the DNA report: per period and for the whole range against
// the previous one.
func BuildDNA(r Range, ps []Period, per []Attendance, prev Attendance, childUnderAge int) Report {
	var total Attendance
	adults := make([]float64, len(ps))
	children := make([]float64, len(ps))
	rows := make([][]string, 0, len(ps)+1)
	for i, a := range per {
		total = total.Add(a)
		adults[i] = Rate(a.DNA-a.NotBrought, a.Due)
		children[i] = Rate(a.NotBrought, a.Due)
		rows = append(rows, dnaRow(ps[i].Label, a))
	}
	rows = append(rows, dnaRow("Whole range", total))
	summary := r.Compare("the DNA rate", Percent, prev.Rate(), total.Rate(), "no appointments were due in these dates")
	if total.NotBrought > 0 {
		summary += fmt.Sprintf(" Of the %s missed, %s.", plural(total.DNA, "appointment", "appointments"), plural(total.NotBrought, "was a child not brought", "were children not brought"))
	}
	fig := Figure{
		Title:      "Missed appointments (DNA rate)",
		Definition: DNADefinition(childUnderAge),
		Chart:      StackedBar,
		Unit:       Percent,
		XLabel:     xLabel(r),
		Categories: Labels(ps),
		Series:     []Series{{Name: "Did not attend", Values: adults}, {Name: "Was not brought (children)", Values: children}},
		Summary:    summary,
		Table: Table{Header: []string{"Period", "Appointments due", "Did not attend", "Was not brought", "DNA rate (%)"},
			Rows: rows},
	}
	return Report{Kind: DNA, Title: "Missed appointments", Range: r, Figures: []Figure{fig}}
}

func dnaRow(label string, a Attendance) []string {
	return []string{label, strconv.Itoa(a.Due), strconv.Itoa(a.DNA - a.NotBrought), strconv.Itoa(a.NotBrought), Percent.Cell(a.Rate())}
}

// xLabel is the axis under a figure over time.
func xLabel(r Range) string {
	if r.By == ByWeek {
		return "Week"
	}
	return "Month"
}

// plural is "1 appointment", "3 appointments".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
