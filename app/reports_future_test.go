package app

import (
	"math"
	"strings"
	"testing"

	"clinicdesk/app/reports"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// A range that runs past today counts the days up to today only: the
// days to come are neither empty hours nor bookings yet, a week wholly
// ahead has no figure ("–", a gap, never 0%), and the sentence says the
// figure is so far. Clock: Monday 23 November 2026, 10:00.
func TestReportsIntoTheFutureCountUpToToday(t *testing.T) {
	d := newDiary(t)
	early := d.clinicianAt(t, "Dr Early", "2026-01-05") // 420 minutes Monday to Friday
	d.put(t, d.john, early, "2026-11-10", "09:00", 60, schedule.StatusSeen, "")
	d.put(t, d.john, early, "2026-11-17", "09:00", 120, schedule.StatusSeen, "")
	d.put(t, d.zoe, early, "2026-11-18", "09:00", 30, schedule.StatusDNA, "")
	d.put(t, d.zoe, early, "2026-11-19", "09:00", 30, schedule.StatusCancelledPatient, "2026-11-17T09:00:00Z")
	d.put(t, d.john, early, "2026-11-23", "14:00", 90, schedule.StatusBooked, "") // today, this afternoon
	d.put(t, d.john, early, "2026-11-25", "09:00", 210, schedule.StatusBooked, "")
	d.put(t, d.zoe, early, "2026-12-01", "09:00", 420, schedule.StatusBooked, "")
	d.put(t, d.zoe, early, "2026-12-02", "09:00", 30, schedule.StatusCancelledPatient, "2026-11-20T09:00:00Z")
	d.put(t, d.zoe, early, "2026-10-12", "09:00", 84, schedule.StatusSeen, "") // the 28 days before
	run := func(kind reports.Kind, from, to string, by reports.Grouping) reports.Report {
		t.Helper()
		rep, err := d.c.Report(kind, reports.Range{From: ukcal.MustParseDate(from), To: ukcal.MustParseDate(to), By: by, ClinicianID: early.ID})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	nan := math.NaN()

	// Available: the weeks of 9 and 16 November 5 × 420 = 2100 each; the
	// week of 23 November only today, 420; the week of 30 November none.
	// Booked: 60; 120 + 30 (the DNA held the time) = 150; today's 90;
	// the 210 on Wednesday and the 420 in December have not come yet.
	// 60/2100 = 2.9%, 150/2100 = 7.1%, 90/420 = 21.4%, whole 300/4620 =
	// 6.5%. The 28 days before: 84/(20 × 420) = 1.0%.
	use := run(reports.Utilisation, "2026-11-09", "2026-12-06", reports.ByWeek)
	over := use.Figures[0]
	checkValues(t, "utilisation", over.Series[0].Values, 100*60/2100.0, 100*150/2100.0, 100*90/420.0, nan)
	checkRows(t, "utilisation", over.Table.Rows, "w/c 9 Nov | 60 | 2100 | 2.9", "w/c 16 Nov | 150 | 2100 | 7.1",
		"w/c 23 Nov | 90 | 420 | 21.4", "w/c 30 Nov | – | – | –", "Whole range so far | 300 | 4620 | 6.5")
	if want := "So far (to today, Monday 23 November 2026), utilisation is 6.5%, against 1.0% in the whole of the previous period."; over.Summary != want {
		t.Errorf("summary:\n got %s\nwant %s", over.Summary, want)
	}
	checkRows(t, "by clinician", use.Figures[1].Table.Rows, "Dr Early | 300 | 4620 | 6.5")
	if over.Ahead != 1 || use.Figures[1].Ahead != 0 {
		t.Errorf("periods ahead: %d over time, %d by clinician; want the last week only", over.Ahead, use.Figures[1].Ahead)
	}

	// DNA: 1 due in the first week, 2 with one missed in the second,
	// none due yet this week (today's is this afternoon); 1 of 3 = 33.3%.
	dna := run(reports.DNA, "2026-11-09", "2026-12-06", reports.ByWeek).Figures[0]
	checkRows(t, "DNA", dna.Table.Rows, "w/c 9 Nov | 1 | 0 | 0 | 0.0", "w/c 16 Nov | 2 | 1 | 0 | 50.0",
		"w/c 23 Nov | 0 | 0 | 0 | –", "w/c 30 Nov | – | – | – | –", "Whole range so far | 3 | 1 | 0 | 33.3")
	checkValues(t, "DNA", dna.Series[0].Values, 0, 50, nan, nan)
	if want := "So far (to today, Monday 23 November 2026), the DNA rate is 33.3%, against 0.0% in the whole of the previous period."; dna.Summary != want {
		t.Errorf("DNA summary:\n got %s\nwant %s", dna.Summary, want)
	}

	// Cancellations: the one on 19 November counts; the one for 2
	// December, already cancelled, counts once its day has come.
	cancel := run(reports.Cancellations, "2026-11-09", "2026-12-06", reports.ByWeek).Figures[0]
	checkRows(t, "cancellations", cancel.Table.Rows, "w/c 9 Nov | 0 | 0 | 0 | 0 | 0", "w/c 16 Nov | 1 | 0 | 0 | 0 | 1",
		"w/c 23 Nov | 0 | 0 | 0 | 0 | 0", "w/c 30 Nov | – | – | – | – | –", "Whole range so far | 1 | 0 | 0 | 0 | 1")
	if want := "So far (to today, Monday 23 November 2026), the number of cancellations by patients is 1, against 0 in the whole of the previous period. " +
		"So far, the number of cancellations by the clinic is 0, the same as in the whole of the previous period."; cancel.Summary != want {
		t.Errorf("cancellations summary:\n got %s\nwant %s", cancel.Summary, want)
	}

	// December is wholly ahead: no figure, not 0%.
	dec := run(reports.Utilisation, "2026-12-01", "2026-12-31", reports.ByMonth).Figures[0]
	checkValues(t, "December", dec.Series[0].Values, nan)
	checkRows(t, "December", dec.Table.Rows, "Dec 2026 | – | – | –", "Whole range so far | – | – | –")
	if want := "These dates have not come yet, so there is nothing to show."; dec.Summary != want {
		t.Errorf("December summary %q", dec.Summary)
	}
	// Each definition says what it does with the days after today.
	for _, k := range reports.Kinds {
		rep, err := d.c.Report(k, reports.Range{From: ukcal.MustParseDate("2026-11-01"), To: ukcal.MustParseDate("2026-11-30"), By: reports.ByWeek})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rep.Figures {
			if !strings.Contains(f.Definition, "Only days up to and including the day the report is run are counted") {
				t.Errorf("%s, %s: the definition does not say what it does with days after today: %s", k, f.Title, f.Definition)
			}
		}
	}
}
