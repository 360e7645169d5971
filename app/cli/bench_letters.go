package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// benchLetterCount is SPEC §5's batch: 500 letters into one PDF.
const benchLetterCount = 500

// benchLetters times the reminder letters for the next 500 booked
// appointments from today (the caller's clock: Env.Now), merged, drawn into
// one PDF and logged, as the GUI's batch does it. The bench clinic's diary
// runs weeks ahead, so the letters are real ones for real bookings.
func benchLetters(c *app.Clinic, today ukcal.Date) (BenchResult, error) {
	var reqs []app.LetterRequest
	for d := today; len(reqs) < benchLetterCount && d.Before(today.AddDays(366)); d = d.AddDays(1) {
		day, err := c.TodayList(d)
		if err != nil {
			return BenchResult{}, err
		}
		for _, e := range day {
			if e.Status == schedule.StatusBooked && len(reqs) < benchLetterCount {
				reqs = append(reqs, app.LetterRequest{Template: "appointment_reminder", PatientID: e.PatientID, AppointmentID: e.ID})
			}
		}
	}
	if len(reqs) == 0 {
		return BenchResult{Name: "letters_500", TargetMS: 1500, Note: "no booked appointments ahead to write reminders for"}, nil
	}
	// A small clinic has fewer bookings ahead than 500: its letters are
	// written more than once, so the batch is always 500 letters.
	distinct := len(reqs)
	for i := 0; len(reqs) < benchLetterCount; i++ {
		reqs = append(reqs, reqs[i%distinct])
	}
	var runs []time.Duration
	var res app.BatchResult
	for i := 0; i < 3; i++ {
		start := time.Now()
		r, err := c.LetterBatch(context.Background(), reqs, nil)
		runs = append(runs, time.Since(start))
		if err != nil {
			return BenchResult{}, err
		}
		if r.Letters < benchLetterCount {
			return BenchResult{}, errors.New("the batch skipped letters: " + r.Skipped[0])
		}
		res = r
	}
	return summarise("letters_500", runs, 1500, fmt.Sprintf("%d reminder letters (%d distinct appointments) into one PDF of %.1f MB",
		res.Letters, distinct, float64(len(res.PDF))/(1<<20))), nil
}
