package reports

import "strconv"

// Waits is the completed waits to one milestone in a stretch.
type Waits struct {
	Pathways int // referrals that reached the milestone
	Days     int // their waits added up
	Within18 int // those that waited 18 weeks (126 days) or fewer
}

// Add sums two.
func (w Waits) Add(o Waits) Waits {
	return Waits{w.Pathways + o.Pathways, w.Days + o.Days, w.Within18 + o.Within18}
}

// AverageWeeks is the mean wait in weeks, or Missing when none finished.
func (w Waits) AverageWeeks() float64 {
	if w.Pathways == 0 {
		return Missing
	}
	return float64(w.Days) / 7 / float64(w.Pathways)
}

// Within18Share is the percentage that waited 18 weeks or fewer.
func (w Waits) Within18Share() float64 { return Rate(w.Within18, w.Pathways) }

// WaitingDefinition says what the waiting times count.
const WaitingDefinition = "Waits of referrals in, counted when they end: from the day the referral was received to the day of " +
	"the first appointment the patient attended, and to the first definitive treatment, as recorded on the referral's " +
	"pathway. Each referral counts in the period its wait ended; referrals still waiting are not in these figures (see the " +
	"patient tracking list). The average is the mean, in weeks; within 18 weeks means 126 days or fewer." + FutureNote

// BuildWaiting is the waiting times report.
func BuildWaiting(r Range, ps []Period, first, treated []Waits, prevFirst, prevTreated Waits) Report {
	var allFirst, allTreated Waits
	weeks := []Series{{Name: "To first appointment", Values: make([]float64, len(ps))}, {Name: "To first treatment", Values: make([]float64, len(ps))}}
	share := []Series{{Name: "First appointment within 18 weeks", Values: make([]float64, len(ps))}, {Name: "Treated within 18 weeks", Values: make([]float64, len(ps))}}
	var rows [][]string
	for i := range ps {
		allFirst, allTreated = allFirst.Add(first[i]), allTreated.Add(treated[i])
		weeks[0].Values[i], weeks[1].Values[i] = first[i].AverageWeeks(), treated[i].AverageWeeks()
		share[0].Values[i], share[1].Values[i] = first[i].Within18Share(), treated[i].Within18Share()
		rows = append(rows, waitRow(ps[i].Label, first[i], treated[i]))
	}
	rows = append(rows, waitRow("Whole range", allFirst, allTreated))
	// Each share says which wait it is: two "Within 18 weeks" side by
	// side read as the same figure twice.
	header := []string{"Period", "First appointments", "Average weeks to first appointment", "Seen within 18 weeks (%)",
		"First treatments", "Average weeks to treatment", "Treated within 18 weeks (%)"}
	average := Figure{Title: "Average wait", Definition: WaitingDefinition, Chart: Line, Unit: Weeks, XLabel: xLabel(r),
		Categories: Labels(ps), Series: weeks, Table: Table{Header: header, Rows: rows},
		Summary: r.Compare("the average wait to a first appointment", Weeks, prevFirst.AverageWeeks(), allFirst.AverageWeeks(),
			"no referral had its first appointment in these dates") + " " +
			r.CompareAgain("the average wait to treatment", Weeks, prevTreated.AverageWeeks(), allTreated.AverageWeeks(),
				"no referral was treated in these dates")}
	within := Figure{Title: "Seen and treated within 18 weeks", Definition: WaitingDefinition, Chart: Line, Unit: Percent,
		XLabel: xLabel(r), Categories: Labels(ps), Series: share, Table: Table{Header: header, Rows: rows},
		Summary: r.Compare("the share treated within 18 weeks", Percent, prevTreated.Within18Share(), allTreated.Within18Share(),
			"no referral was treated in these dates")}
	return Report{Kind: Waiting, Title: "Waiting times", Range: r, Figures: []Figure{average, within}}
}

func waitRow(label string, first, treated Waits) []string {
	return []string{label, strconv.Itoa(first.Pathways), Weeks.Cell(first.AverageWeeks()), Percent.Cell(first.Within18Share()),
		strconv.Itoa(treated.Pathways), Weeks.Cell(treated.AverageWeeks()), Percent.Cell(treated.Within18Share())}
}
