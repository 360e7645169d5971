// Package reports holds what a practice manager reads about how the clinic is
// doing: each report as periods, figures and the words that say what they
// mean. It does no I/O; the store aggregates in SQL and hands the counts here,
// and letters and screens draw what this package describes.
package reports

import (
	"math"

	"clinicdesk/app/ukcal"
)

// Kind names a report. The values are the command line's words.
type Kind string

// The reports of SPEC §2.7 and issue 18.
const (
	DNA           Kind = "dna"
	Cancellations Kind = "cancellations"
	Utilisation   Kind = "utilisation"
	NewPatients   Kind = "new-patients"
	Referrals     Kind = "referrals"
	Waiting       Kind = "waiting"
	Complaints    Kind = "complaints"
	Letters       Kind = "letters"
)

// Kinds are the reports in the order the screen and the PDF pack show them.
var Kinds = []Kind{DNA, Cancellations, Utilisation, NewPatients, Referrals, Waiting, Complaints, Letters}

// Grouping is how a range is cut into periods.
type Grouping string

// The groupings.
const (
	ByWeek  Grouping = "week"  // Monday to Sunday, cut at the range's ends
	ByMonth Grouping = "month" // calendar months, cut at the range's ends
)

// Range is what a report covers: both ends included.
type Range struct {
	From, To    ukcal.Date
	By          Grouping
	ClinicianID string // "" for the whole clinic
	// Today is the day the report is run (the facade sets it): days after
	// it have not happened yet, so they are not counted, and a period
	// wholly after it has no figure. Zero counts every day.
	Today ukcal.Date
}

// Period is one week or month of a range, both ends included.
type Period struct {
	Label    string // "Mar 2026", "w/c 2 Mar"
	From, To ukcal.Date
}

// ChartKind is how a figure is drawn.
type ChartKind string

// The chart kinds.
const (
	Bar        ChartKind = "bar"         // one bar per category, or grouped bars per series
	StackedBar ChartKind = "stacked_bar" // the series stacked in each category
	Line       ChartKind = "line"        // one line per series over the periods
)

// Unit is what a figure's values measure; it sets the axis label and how a
// value is written.
type Unit string

// The units.
const (
	Percent Unit = "percent" // 0–100
	Count   Unit = "count"
	Weeks   Unit = "weeks"
	Minutes Unit = "minutes"
)

// Series is one line, or one colour of bars, with a value per category.
// NaN means "nothing to measure" (a rate over no appointments), which a chart
// leaves as a gap and a table writes as "–"; it is never drawn as zero.
type Series struct {
	Name   string
	Values []float64
}

// Table is a figure's numbers as the table under the chart and the CSV
// export write them: the same numbers, already worded.
type Table struct {
	Header []string
	Rows   [][]string
}

// Figure is one chart with its table, its definition and its sentence.
type Figure struct {
	Title      string
	Definition string    // what is counted and what is left out, written on the report
	Chart      ChartKind // how it is drawn
	Unit       Unit
	XLabel     string   // "Month", "Clinician", "Subject"
	Categories []string // the x axis: period labels, clinicians, subjects
	Series     []Series // each with len(Categories) values
	Summary    string   // one sentence: "The DNA rate fell from 7.1% to 5.4%."
	// Ahead is how many of the last categories are periods after today:
	// their gaps are "not yet", not "no data".
	Ahead int
	Table Table
}

// Report is one kind of report over one range, with the previous period of
// the same length alongside where the report compares.
type Report struct {
	Kind    Kind
	Title   string
	Range   Range
	Figures []Figure
	// Whose figures they are, for the heading: "Whole clinic" or the
	// clinician's name. Filled in by the facade.
	Who string
}

// Missing is the value of a figure with nothing to measure.
var Missing = math.NaN()

// IsMissing reports whether v is Missing.
func IsMissing(v float64) bool { return math.IsNaN(v) }
