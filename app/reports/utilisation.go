package reports

import (
	"fmt"
	"strconv"
)

// ClinicianTime is one clinician's booked and available minutes in each
// period of a range.
type ClinicianTime struct {
	Name              string
	Booked, Available []float64 // per period, in minutes
}

// UtilisationDefinition says what utilisation counts.
const UtilisationDefinition = "Utilisation = booked minutes ÷ available minutes. Booked: the length of every appointment that held " +
	"the clinician's time (booked, arrived, in progress, seen or did not attend; cancelled ones are left out). Available: each " +
	"clinician's working hours on each day, less their breaks, days the clinic was closed and the bank holidays of the clinic's " +
	"region, counted from the day the clinician was added to the diary (or their first appointment, if earlier) and, for a " +
	"clinician no longer working, up to their last appointment. Minutes are wall-clock: a day 09:00–17:00 is 480 minutes on " +
	"the days the clocks change too. Booking outside working hours can take utilisation above 100%. Both the booked and the " +
	"available minutes stop at today, so a month not over yet is not diluted by the empty days still to come." + FutureNote

// BuildUtilisation is the utilisation report: the clinic (or the chosen
// clinician) over the periods, and each clinician over the whole range.
func BuildUtilisation(r Range, ps []Period, cls []ClinicianTime, prevBooked, prevAvailable float64) Report {
	booked := make([]float64, len(ps))
	available := make([]float64, len(ps))
	for _, c := range cls {
		for i := range ps {
			booked[i] += c.Booked[i]
			available[i] += c.Available[i]
		}
	}
	overall := make([]float64, len(ps))
	rows := make([][]string, 0, len(ps)+1)
	var totalBooked, totalAvailable float64
	for i := range ps {
		overall[i] = Ratio(booked[i], available[i])
		totalBooked += booked[i]
		totalAvailable += available[i]
		rows = append(rows, minutesRow(ps[i].Label, booked[i], available[i]))
	}
	rows = append(rows, minutesRow("Whole range", totalBooked, totalAvailable))
	name := "Whole clinic"
	if r.ClinicianID != "" && len(cls) == 1 {
		name = cls[0].Name
	}
	overTime := Figure{
		Title:      "Utilisation",
		Definition: UtilisationDefinition,
		Chart:      Line,
		Unit:       Percent,
		XLabel:     xLabel(r),
		Categories: Labels(ps),
		Series:     []Series{{Name: name, Values: overall}},
		Summary: r.Compare("utilisation", Percent, Ratio(prevBooked, prevAvailable), Ratio(totalBooked, totalAvailable),
			"no working hours fell in these dates"),
		Table: Table{Header: []string{"Period", "Booked minutes", "Available minutes", "Utilisation (%)"}, Rows: rows},
	}
	byClinician := Figure{
		Title:      "Utilisation by clinician",
		Definition: UtilisationDefinition,
		Chart:      Bar,
		Unit:       Percent,
		XLabel:     "Clinician",
		Table:      Table{Header: []string{"Clinician", "Booked minutes", "Available minutes", "Utilisation (%)"}},
	}
	values := make([]float64, 0, len(cls))
	high, low := -1, -1
	for _, c := range cls {
		var b, a float64
		for i := range ps {
			b += c.Booked[i]
			a += c.Available[i]
		}
		v := Ratio(b, a)
		byClinician.Categories = append(byClinician.Categories, c.Name)
		values = append(values, v)
		byClinician.Table.Rows = append(byClinician.Table.Rows, minutesRow(c.Name, b, a))
		if IsMissing(v) {
			continue
		}
		if high < 0 || v > values[high] {
			high = len(values) - 1
		}
		if low < 0 || v < values[low] {
			low = len(values) - 1
		}
	}
	byClinician.Series = []Series{{Name: "Utilisation", Values: values}}
	switch {
	case high < 0:
		byClinician.Summary = "No clinician had working hours in these dates, so there is no figure to show."
	case high == low:
		byClinician.Summary = fmt.Sprintf("%s was booked for %s of their available time.", cls[high].Name, Percent.Write(values[high]))
	default:
		byClinician.Summary = fmt.Sprintf("%s was the most booked, at %s of their available time; %s the least, at %s.",
			cls[high].Name, Percent.Write(values[high]), cls[low].Name, Percent.Write(values[low]))
	}
	return Report{Kind: Utilisation, Title: "Clinician utilisation", Range: r, Figures: []Figure{overTime, byClinician}}
}

func minutesRow(label string, booked, available float64) []string {
	return []string{label, strconv.Itoa(int(booked)), strconv.Itoa(int(available)), Percent.Cell(Ratio(booked, available))}
}
