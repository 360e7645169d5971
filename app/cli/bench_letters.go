package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"
)

// benchLetterCount is SPEC §5's batch: 500 letters into one PDF.
const benchLetterCount = 500

// benchLetters times the reminder letters for the next 500 booked
// appointments from today, merged, drawn into one PDF and logged, as the
// GUI's batch does it. The bench clinic's diary runs weeks ahead, so the
// letters are real ones for real bookings.
func benchLetters(c *app.Clinic) (BenchResult, error) {
	today := ukcal.Today(time.Now())
	var reqs []app.LetterRequest
	for d := today; len(reqs) < benchLetterCount && d.Before(today.AddDays(366)); d = d.AddDays(1) {
		day, err := c.TodayList(d)
		if err != nil {
			return BenchResult{}, err
		}
		for _, e := range day {
			if e.Status == app.StatusBooked && len(reqs) < benchLetterCount {
				reqs = append(reqs, app.LetterRequest{Template: "appointment_reminder", PatientID: e.PatientID, AppointmentID: e.ID})
			}
		}
	}
	if len(reqs) < benchLetterCount {
		return BenchResult{}, fmt.Errorf("the bench clinic has only %d booked appointments ahead, not %d", len(reqs), benchLetterCount)
	}
	start := time.Now()
	res, err := c.LetterBatch(context.Background(), reqs, nil)
	elapsed := time.Since(start)
	if err != nil {
		return BenchResult{}, err
	}
	if res.Letters < benchLetterCount {
		return BenchResult{}, errors.New("the batch skipped letters: " + res.Skipped[0])
	}
	ms := float64(elapsed.Microseconds()) / 1000
	return BenchResult{Name: "letters_500", N: 1, P50: ms, P95: ms, TargetMS: 1500,
		Note: fmt.Sprintf("%d letters, one PDF of %.1f MB", res.Letters, float64(len(res.PDF))/(1<<20))}, nil
}
