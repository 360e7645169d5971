package cli

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// encryptedVsPlainTarget is issue 15's goal: the desk's work at most 1.3×
// as slow as on an unencrypted file, cold and warm.
const encryptedVsPlainTarget = 1.3

// How many workload units are timed on each file. Cold units are as many
// as warm: a cold read's time depends on the disk under the file (here a
// virtual one), and at 40 units the cold search's ratio ranged 1.0–1.7×
// from run to run at 100,000 patients. Each cold unit costs a pair of
// cache drops and some 50 ms.
const (
	plainColdUnits = 100
	plainWarmUnits = 100
)

// pairTimes are the same units timed on the clinic and on its plaintext
// copy, whole and by part (unitParts).
type pairTimes struct {
	enc, plain           []time.Duration
	encParts, plainParts [3][]time.Duration
}

// unitParts name a unit's parts, in the order runUnit times them.
var unitParts = [3]string{"day view", "search", "booking"}

// workloadUnit is one turn at the desk: a day view, a name search and a
// booking made durably.
type workloadUnit struct {
	day   ukcal.Date
	query string
	book  app.BookingRequest
}

// benchEncryptedVsPlain times the interactive workload on the clinic and
// on an unencrypted copy of it made for this row only, in a folder of its
// own under tmpParent ("" is the system's temporary folder: never the
// clinic's folder), deleted before it returns. Each unit runs on both
// files in turn, the order alternating, cold (each file dropped from the
// system's cache and SQLite's before every unit) and then warm.
func benchEncryptedVsPlain(env *Env, c *app.Clinic, path string, queries benchQueries, tmpParent string) (BenchResult, error) {
	const name = "encrypted_vs_plain"
	var names []string
	for _, q := range queries.all {
		if q.name {
			names = append(names, q.text)
		}
	}
	if len(names) == 0 {
		return BenchResult{Name: name, TargetMS: encryptedVsPlainTarget, Note: "no patients to search for"}, nil
	}
	dir, err := os.MkdirTemp(tmpParent, "clinicdesk-bench-plain-*")
	if err != nil {
		return BenchResult{}, err
	}
	defer os.RemoveAll(dir)
	twin, err := c.BenchPlaintextTwin(dir)
	if err != nil {
		return BenchResult{}, fmt.Errorf("making the bench's plaintext copy: %w", err)
	}
	defer twin.Close()
	twinPath := filepath.Join(dir, app.PlaintextTwinName)

	next, err := workloadUnits(env, c, names)
	if err != nil {
		return BenchResult{}, err
	}
	clinics := [2]*app.Clinic{c, twin}
	paths := [2]string{path, twinPath}
	timeUnit := func(i int, cold bool, times *pairTimes) error {
		u, err := next()
		if err != nil {
			return err
		}
		var took [2]time.Duration
		var parts [2][3]time.Duration
		for k := range 2 {
			j := (i + k) % 2 // alternate which file goes first
			if cold {
				clinics[j].BenchForgetCache()
				if _, err := dropFromOSCache(paths[j]); err != nil {
					return err
				}
			}
			start := time.Now()
			if parts[j], err = runUnit(clinics[j], u); err != nil {
				return err
			}
			took[j] = time.Since(start)
		}
		if times != nil {
			times.enc, times.plain = append(times.enc, took[0]), append(times.plain, took[1])
			for k := range unitParts {
				times.encParts[k] = append(times.encParts[k], parts[0][k])
				times.plainParts[k] = append(times.plainParts[k], parts[1][k])
			}
		}
		return nil
	}

	var cold, warm pairTimes
	coldOK, err := dropFromOSCache(path)
	if err != nil {
		return BenchResult{}, err
	}
	if coldOK {
		for i := range plainColdUnits {
			if err := timeUnit(i, true, &cold); err != nil {
				return BenchResult{}, err
			}
		}
	}
	for _, p := range paths {
		if err := readThrough(p); err != nil {
			return BenchResult{}, err
		}
	}
	for i := range 10 { // untimed: fill SQLite's caches
		if err := timeUnit(i, false, nil); err != nil {
			return BenchResult{}, err
		}
	}
	for i := range plainWarmUnits {
		if err := timeUnit(i, false, &warm); err != nil {
			return BenchResult{}, err
		}
	}
	return encryptedVsPlainRow(cold, warm), nil
}

// runUnit is one turn at the desk on one file, and how long each part
// took.
func runUnit(c *app.Clinic, u workloadUnit) (took [3]time.Duration, err error) {
	start := time.Now()
	if _, err := c.DayView(u.day); err != nil {
		return took, err
	}
	took[0] = time.Since(start)
	start = time.Now()
	if _, err := c.SearchPatients(u.query, false, benchSearchLimit); err != nil {
		return took, err
	}
	took[1] = time.Since(start)
	start = time.Now()
	_, _, err = c.Book(u.book)
	took[2] = time.Since(start)
	var refused *app.BookingRefusedError
	if errors.As(err, &refused) {
		return took, fmt.Errorf("a booking the preview passed was refused: %s", refusedLine(refused))
	}
	return took, err
}

// workloadUnits hands out units: a day at random over the diary's years,
// a name as typed at the desk, and a booking into a free slot (previewed
// on the clinic first, untimed) a year beyond the slots book_appointment
// uses, so the two files, alike at the start, stay alike.
func workloadUnits(env *Env, c *app.Clinic, names []string) (func() (workloadUnit, error), error) {
	today := ukcal.Today(env.Now())
	cs, err := c.CalendarSettings()
	if err != nil {
		return nil, err
	}
	region := ukcal.Region(cs.Region)
	clinicians, err := c.Clinicians(false)
	if err != nil {
		return nil, err
	}
	types, err := c.AppointmentTypes(false)
	if err != nil {
		return nil, err
	}
	var plain []schedule.AppointmentType
	for _, t := range types {
		if !t.NeedsRoom && t.Active {
			plain = append(plain, t)
		}
	}
	patients, err := c.ActivePatientBriefs()
	if err != nil {
		return nil, err
	}
	if len(clinicians) == 0 || len(plain) == 0 || len(patients) == 0 {
		return nil, errors.New("the bench clinic has no diary to book into")
	}
	held, err := c.CountAppointments()
	if err != nil {
		return nil, err
	}
	// Seeded with the diary's size: a kept clinic gets new slots each run.
	r := rand.New(rand.NewPCG(benchSeed, uint64(held)+11))
	randomDay := randomWorkingDays(r, region, today.AddMonths(-12*benchYears), today)
	first := today.AddDays(7*diaryWeeksAhead + 7 + 26*7 + 7)
	n := 0
	return func() (workloadUnit, error) {
		n++
		u := workloadUnit{day: randomDay(), query: names[r.IntN(len(names))]}
		for tries := 0; tries < 2000; tries++ {
			d := first.AddDays(r.IntN(52 * 7))
			cl := clinicians[r.IntN(len(clinicians))]
			spans := cl.Hours.On(d.Weekday())
			if !region.IsWorkingDay(d) || len(spans) == 0 || !cl.Active {
				continue
			}
			t := plain[r.IntN(len(plain))]
			sp := spans[r.IntN(len(spans))]
			slots := (sp.Minutes() - t.Minutes) / 5
			if slots < 0 {
				continue
			}
			u.book = app.BookingRequest{PatientID: patients[r.IntN(len(patients))].ID, ClinicianID: cl.ID, TypeID: t.ID,
				Date: d, Start: sp.Start.Add(5 * r.IntN(slots+1))}
			problems, err := c.CheckBooking(u.book)
			if err != nil {
				return u, err
			}
			if len(schedule.Blocking(problems)) == 0 {
				return u, nil
			}
		}
		return u, fmt.Errorf("no free slot found for workload unit %d", n)
	}, nil
}

// ratios are the clinic's median and p95 over the plaintext copy's.
func (p pairTimes) ratios() (p50, p95 float64, enc, plain BenchResult) {
	enc, plain = summarise("", p.enc, 0, ""), summarise("", p.plain, 0, "")
	if plain.P50 > 0 {
		p50 = round2(enc.P50 / plain.P50)
	}
	if plain.P95 > 0 {
		p95 = round2(enc.P95 / plain.P95)
	}
	return p50, p95, enc, plain
}

func round2(x float64) float64 { return float64(int64(x*100+0.5)) / 100 }

// encryptedVsPlainRow makes the row: p50_ms and p95_ms hold ratios, not
// milliseconds (as rss_mb holds megabytes), the larger of cold and warm
// for each, so either one over 1.3 puts the row over target.
func encryptedVsPlainRow(cold, warm pairTimes) BenchResult {
	row := BenchResult{Name: "encrypted_vs_plain", TargetMS: encryptedVsPlainTarget, N: len(cold.enc) + len(warm.enc)}
	describe := func(label string, p pairTimes) string {
		p50, p95, enc, plain := p.ratios()
		row.P50 = max(row.P50, p50)
		row.P95 = max(row.P95, p95)
		text := fmt.Sprintf("%s %d units: p50 %.2f× (%.2f vs %.2f ms), p95 %.2f× (%.2f vs %.2f ms)",
			label, len(p.enc), p50, enc.P50, plain.P50, p95, enc.P95, plain.P95)
		var byPart []string
		for k, name := range unitParts {
			if len(p.encParts[k]) > 0 {
				r50, _, e, pl := pairTimes{enc: p.encParts[k], plain: p.plainParts[k]}.ratios()
				byPart = append(byPart, fmt.Sprintf("%s %.2f× (%.2f vs %.2f ms)", name, r50, e.P50, pl.P50))
			}
		}
		if len(byPart) > 0 {
			text += ", p50 by part: " + strings.Join(byPart, ", ")
		}
		return text
	}
	var parts []string
	if len(cold.enc) > 0 {
		parts = append(parts, describe("cold", cold))
	} else {
		parts = append(parts, "cold not measured (this system cannot be asked to drop a file from its cache)")
	}
	if len(warm.enc) > 0 {
		parts = append(parts, describe("warm", warm))
	}
	row.Note = fmt.Sprintf("ratios encrypted/plaintext, not ms: p50 and p95 are the larger of cold and warm (target ≤ %.1f×); "+
		"each unit a day view, a name search and a durable booking, timed on the clinic and on a plaintext copy made for the bench only "+
		"(the file decrypted page for page, so the two differ only in the cipher; in a temporary folder of its own, never the clinic's, deleted after); cold: both files dropped from the system's and SQLite's caches "+
		"before every unit; %s", encryptedVsPlainTarget, strings.Join(parts, "; "))
	return row
}
