package reports

import (
	"fmt"
	"strconv"
)

// Cancelled is a stretch's cancelled appointments by who cancelled and
// whether it was late (under 24 hours before the start).
type Cancelled struct {
	Patient, PatientLate int // by the patient; PatientLate of those late
	Clinic, ClinicLate   int // by the clinic
}

// Add sums two counts.
func (c Cancelled) Add(o Cancelled) Cancelled {
	return Cancelled{c.Patient + o.Patient, c.PatientLate + o.PatientLate, c.Clinic + o.Clinic, c.ClinicLate + o.ClinicLate}
}

// CancellationsDefinition says what the cancellations report counts.
const CancellationsDefinition = "Appointments cancelled, by the date the appointment was for (not the day it was cancelled), " +
	"split by who cancelled: the patient or the clinic. Late means the cancellation was recorded less than 24 hours before " +
	"the appointment was due to start; with notice, 24 hours or more. Moved appointments are not cancellations and are not counted. An appointment " +
	"later than today that is already cancelled counts once its day has come." + FutureNote

// BuildCancellations is the cancellations report.
func BuildCancellations(r Range, ps []Period, per []Cancelled, prev Cancelled) Report {
	var total Cancelled
	series := make([][]float64, 4)
	for i := range series {
		series[i] = make([]float64, len(ps))
	}
	rows := make([][]string, 0, len(ps)+1)
	for i, c := range per {
		total = total.Add(c)
		series[0][i] = float64(c.Patient - c.PatientLate)
		series[1][i] = float64(c.PatientLate)
		series[2][i] = float64(c.Clinic - c.ClinicLate)
		series[3][i] = float64(c.ClinicLate)
		rows = append(rows, cancelRow(ps[i].Label, c))
	}
	rows = append(rows, cancelRow("Whole range", total))
	summary := r.Compare("cancellations by patients", Count, float64(prev.Patient), float64(total.Patient), "") + " " +
		r.CompareAgain("cancellations by the clinic", Count, float64(prev.Clinic), float64(total.Clinic), "")
	if late := total.PatientLate + total.ClinicLate; late > 0 {
		summary += fmt.Sprintf(" Of all these cancellations, %d %s late, under 24 hours before the start.", late, map[bool]string{true: "was", false: "were"}[late == 1])
	}
	fig := Figure{
		Title:      "Cancellations",
		Definition: CancellationsDefinition,
		Chart:      StackedBar,
		Unit:       Count,
		XLabel:     xLabel(r),
		Categories: Labels(ps),
		Series: []Series{
			// Each part of a bar is one kind: with notice and late add up to
			// the table's "By the patient" and "By the clinic".
			{Name: "By the patient, with notice", Values: series[0]}, {Name: "By the patient, late", Values: series[1]},
			{Name: "By the clinic, with notice", Values: series[2]}, {Name: "By the clinic, late", Values: series[3]},
		},
		Summary: summary,
		Table: Table{Header: []string{"Period", "By the patient", "Of which late", "By the clinic", "Of which late", "All cancellations"},
			Rows: rows},
	}
	return Report{Kind: Cancellations, Title: "Cancellations", Range: r, Figures: []Figure{fig}}
}

func cancelRow(label string, c Cancelled) []string {
	return []string{label, strconv.Itoa(c.Patient), strconv.Itoa(c.PatientLate), strconv.Itoa(c.Clinic),
		strconv.Itoa(c.ClinicLate), strconv.Itoa(c.Patient + c.Clinic)}
}
