package cli

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/practice"
	"clinicdesk/app/schedule"
	"clinicdesk/app/seed"
	"clinicdesk/app/ukcal"
)

// benchYears: SPEC §5's million appointments are ten years of a busy
// clinic, so the bench's diary goes back ten years.
const benchYears = 10

// benchReferenceAppointments is the size of the small clinic the day
// view's cost at full size is compared with (SPEC §5: within 1.5× of 10k).
const benchReferenceAppointments = 10000

// benchDiary adds the bench clinic's diary, generated the way `seed`
// generates one: ten appointments per patient over ten years up to today
// and six weeks ahead, checked and audited in bulk. It returns the set-up
// it used, for the reference clinic.
func benchDiary(env *Env, c *app.Clinic, progress func(string, ...any)) (seed.Setup, app.DiaryReport, error) {
	briefs, err := c.ActivePatientBriefs()
	if err != nil {
		return seed.Setup{}, app.DiaryReport{}, err
	}
	g := seed.NewDiary(seed.DiaryOptions{Seed: benchSeed, Now: env.Now(), Years: benchYears, WeeksAhead: diaryWeeksAhead,
		Patients: seed.DiaryPatients(briefs)})
	st := app.DiarySetup(g.Setup())
	last := 0
	report, err := c.AddDiary(app.DiaryBatch{Setup: &st, NextDay: g.NextDay, Waiting: g.Waiting,
		Progress: func(day ukcal.Date, n int) {
			if n-last >= 100000 {
				progress("  %d appointments written (to %s) …", n, day)
				last = n
			}
		}})
	return seed.Setup(st), report, err
}

// benchReferenceDays are the dates the flat-cost check compares: the
// working days of the last few weeks, as many as a clinic of about 10,000
// appointments as busy as the main one would hold.
func benchReferenceDays(env *Env, st seed.Setup, mainAppointments int) (from ukcal.Date, days []ukcal.Date) {
	today := ukcal.Today(env.Now())
	// The main diary's days, scaled down to hold about 10k appointments.
	span := 365 * benchYears
	if mainAppointments > 0 {
		span = min(span, max(7, span*benchReferenceAppointments/mainAppointments))
	}
	from = today.AddDays(-span)
	region := ukcal.Region(st.Settings.Region)
	for d := from; d.Before(today); d = d.AddDays(1) {
		if region.IsWorkingDay(d) {
			days = append(days, d)
		}
	}
	if len(days) > 60 {
		days = days[len(days)-60:] // enough to compare; a small main clinic spreads thin
	}
	return from, days
}

// benchPerDay is how many appointments the main clinic has on the days
// compared, on average: the reference clinic is built as full, so that
// the two differ only in their history.
func benchPerDay(path string, days []ukcal.Date) (float64, error) {
	c, err := app.Open(path)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if err := c.SignIn(benchUser, benchPassword); err != nil {
		return 0, err
	}
	t, err := timeDays(c, days)
	return t.perDay(), err
}

// benchReference builds (or finds, when kept) the small clinic for the
// flat-cost check: the same team with days as full as the main clinic's
// (perDay), over the last few weeks only, so it holds about 10,000
// appointments. It returns the path and the dates to compare on: the
// working days both clinics have in full.
func benchReference(env *Env, dir string, st seed.Setup, mainPath string, mainAppointments int, progress func(string, ...any)) (string, []ukcal.Date, error) {
	path := dir + "/reference.db"
	from, days := benchReferenceDays(env, st, mainAppointments)
	if _, err := os.Stat(path); err == nil {
		return path, days, nil
	}
	perDay, err := benchPerDay(mainPath, days)
	if err != nil {
		return "", nil, err
	}
	progress("  building the reference clinic of about %d appointments (from %s, %.0f a day) …", benchReferenceAppointments, from, perDay)
	c, _, err := app.Create(app.Setup{Path: path, Clinic: practice.Details{Name: "Bench Reference Clinic", Address: benchClinicAddress, Phone: benchClinicPhone},
		Manager: app.NewUser{Username: benchUser, FullName: "Bench Manager", Password: benchPassword}, Now: env.Now})
	if err != nil {
		return "", nil, err
	}
	defer c.Close()
	rows := benchPatients(env, benchReferenceAppointments/10)
	if _, err := c.ImportPatients(rows, app.ImportOptions{}); err != nil {
		return "", nil, err
	}
	briefs, err := c.ActivePatientBriefs()
	if err != nil {
		return "", nil, err
	}
	g := seed.NewDiary(seed.DiaryOptions{Seed: benchSeed, Now: env.Now(), From: from, WeeksAhead: diaryWeeksAhead,
		Patients: seed.DiaryPatients(briefs), Setup: &st, PerDay: perDay})
	setup := app.DiarySetup(st)
	if _, err := c.AddDiary(app.DiaryBatch{Setup: &setup, NextDay: g.NextDay, Waiting: g.Waiting}); err != nil {
		os.Remove(path)
		return "", nil, err
	}
	return path, days, c.Close()
}

// benchCalendar times the calendar rows of SPEC §5 on the signed-in
// clinic: the day view on many days, one clinician's week, and bookings
// into free slots; and the day view on the reference clinic's days, in
// both, for the flat-cost ratio.
func benchCalendar(env *Env, c *app.Clinic, refPath string, refDays []ukcal.Date) ([]BenchResult, error) {
	r := rand.New(rand.NewPCG(benchSeed, 5))
	today := ukcal.Today(env.Now())
	clinicians, err := c.Clinicians(false)
	if err != nil {
		return nil, err
	}
	if len(clinicians) == 0 {
		return nil, errors.New("the bench clinic has no diary")
	}
	cs, err := c.CalendarSettings()
	if err != nil {
		return nil, err
	}
	region := ukcal.Region(cs.Region)
	randomDay := randomWorkingDays(r, region, today.AddMonths(-12*benchYears), today.AddDays(7*diaryWeeksAhead))

	// Warm the cache on days that are not timed.
	for i := 0; i < 20; i++ {
		if _, err := c.DayView(randomDay()); err != nil {
			return nil, err
		}
	}
	var dayRuns []time.Duration
	shown := 0
	for i := 0; i < 300; i++ {
		d := randomDay()
		start := time.Now()
		v, err := c.DayView(d)
		dayRuns = append(dayRuns, time.Since(start))
		if err != nil {
			return nil, err
		}
		for _, col := range v.Columns {
			shown += len(col.Appointments)
		}
	}
	dayView := summarise("day_view", dayRuns, 10, "")

	var weekRuns []time.Duration
	for i := 0; i < 300; i++ {
		cl := clinicians[r.IntN(len(clinicians))]
		monday := app.MondayOf(randomDay())
		start := time.Now()
		_, err := c.WeekView(cl.ID, monday)
		weekRuns = append(weekRuns, time.Since(start))
		if err != nil {
			return nil, err
		}
	}
	weekView := summarise("week_view", weekRuns, 30, fmt.Sprintf("one clinician's week, %d weeks picked at random over %d years", len(weekRuns), benchYears))

	// A kept clinic keeps the last run's bookings: slots picked by a
	// generator seeded with the diary's size are new ones each run.
	held, err := c.CountAppointments()
	if err != nil {
		return nil, err
	}
	book, err := benchBook(c, rand.New(rand.NewPCG(benchSeed, uint64(held))), today, clinicians, region)
	if err != nil {
		return nil, err
	}

	// The flat-cost check: the same dates in both clinics.
	big, err := timeDays(c, refDays)
	if err != nil {
		return nil, err
	}
	ref, err := app.Open(refPath)
	if err != nil {
		return nil, err
	}
	defer ref.Close()
	ref.SetClock(env.Now)
	if err := ref.SignIn(benchUser, benchPassword); err != nil {
		return nil, err
	}
	small, err := timeDays(ref, refDays)
	if err != nil {
		return nil, err
	}
	refCount, err := ref.CountAppointments()
	if err != nil {
		return nil, err
	}
	bigP50, smallP50 := summarise("", big.runs, 0, "").P50, summarise("", small.runs, 0, "").P50
	ratio := 0.0
	if smallP50 > 0 {
		ratio = bigP50 / smallP50
	}
	cold, perAppointment := 0.0, 0.0
	if smallP50 > 0 {
		cold = dayView.P50 / smallP50
	}
	if smallP50 > 0 && big.perDay() > 0 && small.perDay() > 0 {
		// The two clinics' recent days are not equally full: per
		// appointment shown is the like-for-like figure.
		perAppointment = (bigP50 / big.perDay()) / (smallP50 / small.perDay())
	}
	dayView.Note = fmt.Sprintf("all clinicians' day, %d days at random over %d years, %.0f appointments a day on average, "+
		"each day booked over the weeks before it as in a clinic's own file; "+
		"flat cost: p50 %.2f ms here vs %.2f ms on a %d-appointment clinic built the same way, on the same %d recent days (%.0f and %.0f a day) = %.2f× (target ≤ 1.5×), "+
		"%.2f× per appointment shown; the random days' p50 is %.2f× the small clinic's",
		len(dayRuns), benchYears, float64(shown)/float64(len(dayRuns)), bigP50, smallP50, refCount, len(refDays),
		big.perDay(), small.perDay(), ratio, perAppointment, cold)
	reference := summarise("day_view_10k", small.runs, 0, fmt.Sprintf("the day view on the %d-appointment reference clinic: the reference for the flat-cost ratio", refCount))
	return []BenchResult{dayView, reference, weekView, book}, nil
}

type dayTimes struct {
	runs  []time.Duration
	shown int
}

func (d dayTimes) perDay() float64 {
	if len(d.runs) == 0 {
		return 0
	}
	return float64(d.shown) / float64(len(d.runs))
}

// timeDays times the day view on each date three times round, after one
// untimed pass.
func timeDays(c *app.Clinic, days []ukcal.Date) (dayTimes, error) {
	var t dayTimes
	for round := 0; round < 4; round++ {
		for _, d := range days {
			start := time.Now()
			v, err := c.DayView(d)
			took := time.Since(start)
			if err != nil {
				return t, err
			}
			if round == 0 {
				continue
			}
			t.runs = append(t.runs, took)
			for _, col := range v.Columns {
				t.shown += len(col.Appointments)
			}
		}
	}
	return t, nil
}

// benchBook books 200 appointments into free slots beyond the diary's
// last day, each previewed first (untimed) so that only bookings that go
// through without an override are timed: the checks, the insert and its
// audit row, committed durably.
func benchBook(c *app.Clinic, r *rand.Rand, today ukcal.Date, clinicians []schedule.Clinician, region ukcal.Region) (BenchResult, error) {
	types, err := c.AppointmentTypes(false)
	if err != nil {
		return BenchResult{}, err
	}
	var plain []schedule.AppointmentType
	for _, t := range types {
		if !t.NeedsRoom && t.Active {
			plain = append(plain, t)
		}
	}
	patients, err := c.ActivePatientBriefs()
	if err != nil {
		return BenchResult{}, err
	}
	if len(plain) == 0 || len(patients) == 0 {
		return BenchResult{Name: "book_appointment", TargetMS: 10, Note: "no patients or appointment types to book"}, nil
	}
	first := today.AddDays(7*diaryWeeksAhead + 7)
	var runs []time.Duration
	skipped := 0
	for len(runs) < 200 && skipped < 2000 {
		d := first.AddDays(r.IntN(26 * 7))
		cl := clinicians[r.IntN(len(clinicians))]
		spans := cl.Hours.On(d.Weekday())
		if !region.IsWorkingDay(d) || len(spans) == 0 || !cl.Active {
			skipped++
			continue
		}
		t := plain[r.IntN(len(plain))]
		sp := spans[r.IntN(len(spans))]
		slots := (sp.Minutes() - t.Minutes) / 5
		if slots < 0 {
			skipped++
			continue
		}
		req := app.BookingRequest{PatientID: patients[r.IntN(len(patients))].ID, ClinicianID: cl.ID, TypeID: t.ID,
			Date: d, Start: sp.Start.Add(5 * r.IntN(slots+1))}
		problems, err := c.CheckBooking(req)
		if err != nil {
			return BenchResult{}, err
		}
		if len(schedule.Blocking(problems)) > 0 {
			skipped++
			continue
		}
		start := time.Now()
		_, _, err = c.Book(req)
		took := time.Since(start)
		var refused *app.BookingRefusedError
		if errors.As(err, &refused) {
			skipped++
			continue
		}
		if err != nil {
			return BenchResult{}, err
		}
		runs = append(runs, took)
	}
	return summarise("book_appointment", runs, 10, fmt.Sprintf("Book into free slots after the diary's last day (checks in the write transaction, insert, history, audit row, synchronous=FULL commit); %d tries passed over (a weekend, a day off, or a slot the preview found taken)", skipped)), nil
}

// benchDiaryKept makes sure a kept clinic from before the diary was added
// to the bench has one; it returns its set-up and how many appointments it
// holds.
func benchDiaryKept(env *Env, path string, progress func(string, ...any)) (seed.Setup, int, error) {
	c, err := app.Open(path)
	if err != nil {
		return seed.Setup{}, 0, err
	}
	defer c.Close()
	c.SetClock(env.Now)
	if err := c.SignIn(benchUser, benchPassword); err != nil {
		return seed.Setup{}, 0, err
	}
	// A clinic kept from before letters needed the clinic's address and
	// phone gets the bench's, so its reminders can be printed.
	if d, err := c.Details(); err != nil {
		return seed.Setup{}, 0, err
	} else if d.Address == "" || d.Phone == "" {
		d.Address, d.Phone = benchClinicAddress, benchClinicPhone
		if err := c.SaveDetails(d); err != nil {
			return seed.Setup{}, 0, err
		}
	}
	var o seed.DiaryOptions
	o.Now, o.Years, o.WeeksAhead = env.Now(), benchYears, diaryWeeksAhead
	if err := clinicSetup(c, &o, false); err != nil {
		return seed.Setup{}, 0, err
	}
	st := seed.Setup{}
	if o.Setup != nil {
		st = *o.Setup
	} else {
		progress("  the kept clinic has no diary yet: adding one …")
		if st, _, err = benchDiary(env, c, progress); err != nil {
			return st, 0, err
		}
	}
	n, err := c.CountAppointments()
	return st, n, err
}

// benchDayViewCold times the day view on days read straight from the disk:
// the file dropped from the system's cache and opened afresh, so neither
// the system nor SQLite holds a page of it. A reference beside day_view,
// which is timed with the file read through first.
func benchDayViewCold(env *Env, path string) (BenchResult, error) {
	const name = "day_view_cold"
	ok, err := dropFromOSCache(path)
	if err != nil {
		return BenchResult{}, err
	}
	if !ok {
		return BenchResult{Name: name, Note: "this system cannot be asked to drop a file from its cache"}, nil
	}
	c, err := app.Open(path)
	if err != nil {
		return BenchResult{}, err
	}
	defer c.Close()
	c.SetClock(env.Now)
	if err := c.SignIn(benchUser, benchPassword); err != nil {
		return BenchResult{}, err
	}
	cs, err := c.CalendarSettings()
	if err != nil {
		return BenchResult{}, err
	}
	region := ukcal.Region(cs.Region)
	today := ukcal.Today(env.Now())
	randomDay := randomWorkingDays(rand.New(rand.NewPCG(benchSeed, 7)), region, today.AddMonths(-12*benchYears), today)
	var runs []time.Duration
	for len(runs) < 100 {
		d := randomDay()
		start := time.Now()
		if _, err := c.DayView(d); err != nil {
			return BenchResult{}, err
		}
		runs = append(runs, time.Since(start))
	}
	return summarise(name, runs, 0, fmt.Sprintf("%d days at random over %d years, the clinic file dropped from the system's cache and opened afresh first: "+
		"each page a read from the disk (the reference for day_view, which is timed with the file read through, as the daily backup leaves it)", len(runs), benchYears)), nil
}

// randomWorkingDays picks working days at random from first to last
// (inclusive).
func randomWorkingDays(r *rand.Rand, region ukcal.Region, first, last ukcal.Date) func() ukcal.Date {
	span := first.DaysUntil(last)
	return func() ukcal.Date {
		for {
			if d := first.AddDays(r.IntN(span + 1)); region.IsWorkingDay(d) {
				return d
			}
		}
	}
}
