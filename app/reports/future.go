package reports

import "strings"

// Future reports whether the whole of p is after today: nothing in it has
// happened yet, so its figure is Missing ("–", a gap), never 0.
func (r Range) Future(p Period) bool { return !r.Today.IsZero() && p.From.After(r.Today) }

// SoFar reports whether the range is not over yet: it runs to today or
// beyond, so its figures are of the days up to today only.
func (r Range) SoFar() bool { return !r.Today.IsZero() && !r.To.Before(r.Today) }

// Past is the range cut at today, for counting what has happened; ok is
// false when none of it has.
func (r Range) Past() (past Range, ok bool) {
	past = r
	if r.Today.IsZero() || !r.To.After(r.Today) {
		return past, true
	}
	if r.From.After(r.Today) {
		return past, false
	}
	past.To = r.Today
	return past, true
}

// FutureNote ends each definition: what a report does with days after
// today.
const FutureNote = " Only days up to and including the day the report is run are counted: a period not over yet is " +
	"counted so far, and one wholly in the future shows \"–\" and a gap, not 0."

// LeaveFutureBlank makes the periods wholly after today Missing in every
// figure over time (the chart leaves a gap, the table writes "–"), and
// names the total of a range not over yet as so far.
func LeaveFutureBlank(rep *Report) {
	r := rep.Range
	ps := Periods(r)
	for f := range rep.Figures {
		fig := &rep.Figures[f]
		if fig.XLabel != xLabel(r) || len(fig.Categories) != len(ps) {
			continue // a figure by clinician, subject or template
		}
		for i, p := range ps {
			if !r.Future(p) {
				continue
			}
			for s := range fig.Series {
				fig.Series[s].Values[i] = Missing
			}
			fig.Ahead = max(fig.Ahead, len(ps)-i)
			if i < len(fig.Table.Rows) {
				row := fig.Table.Rows[i]
				for c := 1; c < len(row); c++ {
					row[c] = "–"
				}
			}
		}
		if n := len(fig.Table.Rows); r.SoFar() && n > 0 && fig.Table.Rows[n-1][0] == "Whole range" {
			row := fig.Table.Rows[n-1]
			row[0] = "Whole range so far"
			for c := 1; c < len(row) && r.From.After(r.Today); c++ {
				row[c] = "–" // none of it has come yet
			}
		}
	}
}

// soFar is the opening of a comparison over a range not over yet.
func (r Range) soFar() string {
	return "So far (to today, " + r.Today.LongWithDay() + "), "
}

// Compare is the sentence under a figure, as Compare words it, for a
// range that may not be over: then it says the figure is so far, against
// the whole of the previous period.
func (r Range) Compare(what string, u Unit, prev, cur float64, empty string) string {
	return r.compare(what, u, prev, cur, empty, r.soFar())
}

// CompareAgain is Compare for a second sentence beside the first, which
// has said to which day the figures run.
func (r Range) CompareAgain(what string, u Unit, prev, cur float64, empty string) string {
	return r.compare(what, u, prev, cur, empty, "So far, ")
}

func (r Range) compare(what string, u Unit, prev, cur float64, empty, soFar string) string {
	if !r.SoFar() {
		return Compare(what, u, prev, cur, empty)
	}
	if r.From.After(r.Today) {
		return "These dates have not come yet, so there is nothing to show."
	}
	is := what + " is " + u.Write(cur)
	if u == Count {
		is = "the number of " + what + " is " + u.Write(cur)
	}
	switch {
	case IsMissing(cur):
		if empty == "" {
			empty = "nothing was counted in these dates"
		}
		return capital(strings.TrimSpace(empty)) + " so far (to today, " + r.Today.LongWithDay() + "), so there is no figure to show yet."
	case IsMissing(prev):
		return soFar + is + "; there is nothing in the previous period to compare it with."
	}
	if u.Write(prev) == u.Write(cur) {
		return soFar + is + ", the same as in the whole of the previous period."
	}
	return soFar + is + ", against " + u.Write(prev) + " in the whole of the previous period."
}
