package reports

import (
	"fmt"
	"strconv"
)

// Grouped is counts per period split by group: where referrals came from,
// complaints' subjects, letters' templates.
type Grouped struct {
	Labels []string // each group as the report names it, in the order shown
	Counts [][]int  // [period][group]
}

// NewGrouped makes empty counts for periods × groups.
func NewGrouped(periods int, labels []string) Grouped {
	g := Grouped{Labels: labels, Counts: make([][]int, periods)}
	for i := range g.Counts {
		g.Counts[i] = make([]int, len(labels))
	}
	return g
}

// Totals are each group's counts over all the periods.
func (g Grouped) Totals() []int {
	out := make([]int, len(g.Labels))
	for _, row := range g.Counts {
		for j, n := range row {
			out[j] += n
		}
	}
	return out
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

// overTime is a count per period, one series per group, with its table.
func overTime(r Range, ps []Period, g Grouped, chart ChartKind) Figure {
	f := Figure{Chart: chart, Unit: Count, XLabel: xLabel(r), Categories: Labels(ps)}
	header := append(append([]string{"Period"}, g.Labels...), "Total")
	f.Table.Header = header
	for j, label := range g.Labels {
		s := Series{Name: label, Values: make([]float64, len(ps))}
		for i := range ps {
			s.Values[i] = float64(g.Counts[i][j])
		}
		f.Series = append(f.Series, s)
	}
	for i := range ps {
		f.Table.Rows = append(f.Table.Rows, countRow(ps[i].Label, g.Counts[i]))
	}
	f.Table.Rows = append(f.Table.Rows, countRow("Whole range", g.Totals()))
	return f
}

func countRow(label string, counts []int) []string {
	row := []string{label}
	for _, n := range counts {
		row = append(row, strconv.Itoa(n))
	}
	return append(row, strconv.Itoa(sum(counts)))
}

// byGroup is each group's count over the whole range beside the previous
// period's, as bars.
func byGroup(xLabel string, labels []string, cur, prev []int) Figure {
	f := Figure{Chart: Bar, Unit: Count, XLabel: xLabel, Categories: labels,
		Table: Table{Header: []string{xLabel, "These dates", "Previous period"}}}
	c, p := make([]float64, len(labels)), make([]float64, len(labels))
	for j, label := range labels {
		c[j], p[j] = float64(cur[j]), float64(prev[j])
		f.Table.Rows = append(f.Table.Rows, []string{label, strconv.Itoa(cur[j]), strconv.Itoa(prev[j])})
	}
	f.Series = []Series{{Name: "These dates", Values: c}, {Name: "Previous period", Values: p}}
	return f
}

// most names the largest group: "most came from GPs (12 of 20)"; "" when
// there is nothing.
func most(labels []string, counts []int, format string) string {
	best := -1
	for j, n := range counts {
		if n > 0 && (best < 0 || n > counts[best]) {
			best = j
		}
	}
	if best < 0 {
		return ""
	}
	return " " + fmt.Sprintf(format, labels[best], counts[best], sum(counts))
}

// NewPatientsDefinition says what the new patients report counts.
const NewPatientsDefinition = "New patients: patients' records added in each period, by the day they were added to ClinicDesk " +
	"(imported records count on the day of the import). Records later merged into another, as duplicates, are left out." + FutureNote

// BuildNewPatients is the new patients report.
func BuildNewPatients(r Range, ps []Period, per []int, prev int) Report {
	g := NewGrouped(len(ps), []string{"New patients"})
	for i, n := range per {
		g.Counts[i][0] = n
	}
	f := overTime(r, ps, g, Bar)
	f.Title, f.Definition = "New patients", NewPatientsDefinition
	f.Table.Header = f.Table.Header[:2] // one group: its total is itself
	for i := range f.Table.Rows {
		f.Table.Rows[i] = f.Table.Rows[i][:2]
	}
	f.Summary = r.Compare("new patients", Count, float64(prev), float64(sum(per)), "")
	return Report{Kind: NewPatients, Title: "New patients", Range: r, Figures: []Figure{f}}
}

// ReferralsDefinition says what the referrals report counts.
const ReferralsDefinition = "Referrals in, by the day each was received and by who sent it: the patient's GP, another clinic or " +
	"hospital, or the patient themselves. Referrals out are left out. Closed referrals count." + FutureNote

// BuildReferrals is where referrals in came from.
func BuildReferrals(r Range, ps []Period, g Grouped, prev int) Report {
	f := overTime(r, ps, g, StackedBar)
	f.Title, f.Definition = "Referrals in by source", ReferralsDefinition
	totals := g.Totals()
	f.Summary = r.Compare("referrals in", Count, float64(prev), float64(sum(totals)), "") +
		most(g.Labels, totals, "The most came from %s: %d of %d.")
	return Report{Kind: Referrals, Title: "Where referrals came from", Range: r, Figures: []Figure{f}}
}

// ComplaintsDefinition says what the complaints report counts.
const ComplaintsDefinition = "Complaints received in each period, by the day received, whatever their state now. A complaint " +
	"about more than one subject counts once under each subject, so the subjects can add up to more than the complaints. " +
	"The outcome is the finding recorded when the complaint was decided; \"Not decided\" while it is still open." + FutureNote

// BuildComplaints is complaints received, by subject and by outcome.
func BuildComplaints(r Range, ps []Period, received []int, prevReceived int, subjects []string, subjectNow, subjectPrev []int,
	outcomes []string, outcomeNow, outcomePrev []int) Report {
	g := NewGrouped(len(ps), []string{"Complaints received"})
	for i, n := range received {
		g.Counts[i][0] = n
	}
	overall := overTime(r, ps, g, Bar)
	overall.Title, overall.Definition = "Complaints received", ComplaintsDefinition
	overall.Table.Header = overall.Table.Header[:2]
	for i := range overall.Table.Rows {
		overall.Table.Rows[i] = overall.Table.Rows[i][:2]
	}
	overall.Summary = r.Compare("complaints received", Count, float64(prevReceived), float64(sum(received)), "")
	bySubject := byGroup("Subject", subjects, subjectNow, subjectPrev)
	bySubject.Title, bySubject.Definition = "Complaints by subject", ComplaintsDefinition
	bySubject.Summary = "No complaints were received in these dates."
	if m := most(subjects, subjectNow, "The most common subject was %s: %d of %d subjects recorded."); m != "" {
		bySubject.Summary = m[1:]
	}
	byOutcome := byGroup("Outcome", outcomes, outcomeNow, outcomePrev)
	byOutcome.Title, byOutcome.Definition = "Complaints by outcome", ComplaintsDefinition
	byOutcome.Summary = "No complaints were received in these dates."
	if n := sum(outcomeNow); n > 0 {
		byOutcome.Summary = fmt.Sprintf("Of the %s received, %s.", plural(n, "complaint", "complaints"), outcomeWords(outcomes, outcomeNow))
	}
	return Report{Kind: Complaints, Title: "Complaints", Range: r, Figures: []Figure{overall, bySubject, byOutcome}}
}

// outcomeWords is "2 upheld, 1 not upheld and 3 not decided".
func outcomeWords(labels []string, counts []int) string {
	var parts []string
	for j, n := range counts {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, lowerFirstWord(labels[j])))
		}
	}
	if len(parts) == 1 {
		return parts[0]
	}
	out := ""
	for i, p := range parts {
		switch {
		case i == 0:
			out = p
		case i == len(parts)-1:
			out += " and " + p
		default:
			out += ", " + p
		}
	}
	return out
}

func lowerFirstWord(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]-'A'+'a') + s[1:]
}

// LettersDefinition says what the letters report counts.
const LettersDefinition = "Letters made in ClinicDesk, as the letters log records them, by the day each was made and by its " +
	"template. Appointment slips are left out. A letter printed twice counts twice." + FutureNote

// BuildLetters is letters sent by template, these dates beside the
// previous period.
func BuildLetters(r Range, ps []Period, g Grouped, prev []int) Report {
	overall := overTime(r, ps, NewGrouped(len(ps), []string{"Letters"}), Bar)
	for i := range ps {
		n := sum(g.Counts[i])
		overall.Series[0].Values[i] = float64(n)
		overall.Table.Rows[i] = []string{ps[i].Label, strconv.Itoa(n)}
	}
	totals := g.Totals()
	overall.Table.Header = overall.Table.Header[:2]
	overall.Table.Rows[len(ps)] = []string{"Whole range", strconv.Itoa(sum(totals))}
	overall.Title, overall.Definition = "Letters sent", LettersDefinition
	overall.Summary = r.Compare("letters sent", Count, float64(sum(prev)), float64(sum(totals)), "")
	byTemplate := byGroup("Template", g.Labels, totals, prev)
	byTemplate.Title, byTemplate.Definition = "Letters by template", LettersDefinition
	byTemplate.Summary = "No letters were made in these dates."
	if m := most(g.Labels, totals, "The most sent was %s: %d of %d."); m != "" {
		byTemplate.Summary = m[1:]
	}
	return Report{Kind: Letters, Title: "Letters sent", Range: r, Figures: []Figure{overall, byTemplate}}
}
