package seed

import (
	"fmt"
	"testing"

	"clinicdesk/app/schedule"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

// diaryNow is the suite's clock on a working day (the tests are of a full
// day): 10:40 on Monday 23 November 2026, clinic time, unless
// CLINICDESK_TEST_NOW moves it.
var diaryNow = testclock.WorkingMorning()

func diaryPatients(n int, s uint64) []DiaryPatient {
	g := New(Options{Seed: s, Today: ukcal.DateOf(diaryNow)})
	out := make([]DiaryPatient, n)
	for i := range out {
		p := g.Next()
		out[i] = DiaryPatient{ID: fmt.Sprintf("p%05d", i), DOB: p.DOB, Female: p.Sex == "female"}
	}
	return out
}

func wholeDiary(g *DiaryGenerator) []schedule.HistoricAppointment {
	var all []schedule.HistoricAppointment
	for {
		_, day, ok := g.NextDay()
		if !ok {
			return all
		}
		all = append(all, day...)
	}
}

func TestTheDiaryKeepsTheBookingRules(t *testing.T) {
	patients := diaryPatients(1500, 7)
	g := NewDiary(DiaryOptions{Seed: 7, Now: diaryNow, Years: 1, Patients: patients})
	st := g.Setup()
	if n := len(st.Clinicians); n < 10 || n > 12 {
		t.Fatalf("%d clinicians for 1,500 patients, want about ten", n)
	}
	all := wholeDiary(g)
	today := ukcal.DateOf(diaryNow)
	nowMin := diaryNow.Hour()*60 + diaryNow.Minute()
	region := ukcal.Region(st.Settings.Region)
	opening := scheduleHours(st.Settings.OpeningHours)
	hours := map[string]schedule.WeekHours{}
	for _, c := range st.Clinicians {
		hours[c.ID] = scheduleHours(c.Hours)
	}
	byPatient := map[string]int{}
	sexOf := map[string]bool{}
	for _, p := range patients {
		sexOf[p.ID] = p.Female
	}
	smear := ""
	for _, ty := range st.Types {
		if ty.Name == "Smear test 20 min" {
			smear = ty.ID
		}
	}
	type key struct {
		who  string
		date ukcal.Date
	}
	busy := map[key][]schedule.Span{}
	var past, dna, cancelled, seen int
	statusToday := map[schedule.Status]int{}
	inProgress := map[string]int{}
	for _, a := range all {
		d := a.Date
		if !region.IsWorkingDay(d) {
			t.Fatalf("%s is not a working day", a.Date)
		}
		for _, cl := range st.Closures {
			if cl.Contains(a.Date) {
				t.Fatalf("booked on %s, a closure (%s)", a.Date, cl.Reason)
			}
		}
		if a.TypeID == smear && !sexOf[a.PatientID] {
			t.Fatalf("a smear test for a patient not recorded as female")
		}
		start := schedule.At(d, schedule.Clock(a.StartMin))
		if a.CreatedAt.After(diaryNow) || a.StatusAt.After(diaryNow) || a.CreatedAt.After(start) || a.StatusAt.Before(a.CreatedAt) {
			t.Fatalf("%s %d: made %v, status %s at %v (now %v)", a.Date, a.StartMin, a.CreatedAt, a.Status, a.StatusAt, diaryNow)
		}
		byPatient[a.PatientID]++
		switch {
		case d.Before(today):
			past++
			switch a.Status {
			case schedule.StatusDNA:
				dna++
			case schedule.StatusSeen:
				seen++
				if a.Arrived.IsZero() || a.Arrived.After(a.StatusAt) {
					t.Fatalf("seen without arriving first: %+v", a)
				}
			case schedule.StatusCancelledPatient, schedule.StatusCancelledClinic:
				cancelled++
				if a.CancelReason == "" {
					t.Fatalf("cancelled without a reason: %+v", a)
				}
			default:
				t.Fatalf("a past appointment still %s", a.Status)
			}
		case d == today:
			statusToday[a.Status]++
			switch {
			case a.EndMin <= nowMin && a.Status.Occupies() && a.Status != schedule.StatusSeen:
				t.Fatalf("finished at %s but %s", schedule.Clock(a.EndMin), a.Status)
			case a.StartMin > nowMin && (a.Status == schedule.StatusSeen || a.Status == schedule.StatusInProgress):
				t.Fatalf("starts at %s but already %s", schedule.Clock(a.StartMin), a.Status)
			}
			if a.Status == schedule.StatusInProgress {
				inProgress[a.ClinicianID]++
			}
		default:
			if a.Status != schedule.StatusBooked && a.Status != schedule.StatusCancelledPatient && a.Status != schedule.StatusCancelledClinic {
				t.Fatalf("a future appointment is %s", a.Status)
			}
		}
		if !a.Status.Occupies() {
			continue
		}
		span := schedule.Span{Start: schedule.Clock(a.StartMin), End: schedule.Clock(a.EndMin)}
		if !opening.Covers(d.Weekday(), span) || !hours[a.ClinicianID].Covers(d.Weekday(), span) {
			t.Fatalf("%s %s is outside the hours", a.Date, span)
		}
		for _, k := range []key{{"c" + a.ClinicianID, a.Date}, {"r" + a.RoomID, a.Date}, {"p" + a.PatientID, a.Date}} {
			if k.who == "r" {
				continue
			}
			for _, other := range busy[k] {
				if other.Overlaps(span) || k.who[0] == 'p' {
					t.Fatalf("%s on %s: %s clashes with %s", k.who, a.Date, span, other)
				}
			}
			busy[k] = append(busy[k], span)
		}
	}
	perPatient := float64(len(all)) / float64(len(patients))
	t.Logf("%d appointments (%.1f a patient), past: %d seen, %d DNA, %d cancelled; today: %v", len(all), perPatient, seen, dna, cancelled, statusToday)
	if perPatient < 8.5 || perPatient > 12 {
		t.Errorf("%.1f appointments a patient, want about ten", perPatient)
	}
	if r := float64(dna) / float64(past); r < 0.05 || r > 0.08 {
		t.Errorf("DNA rate %.3f, want 5–8%%", r)
	}
	if r := float64(cancelled) / float64(past); r < 0.04 || r > 0.12 {
		t.Errorf("cancelled %.3f, want some", r)
	}
	if r := float64(seen) / float64(past); r < 0.8 {
		t.Errorf("seen %.3f, want most", r)
	}
	for c, n := range inProgress {
		if n > 1 {
			t.Errorf("clinician %s has %d patients in progress at once", c, n)
		}
	}
	if statusToday[schedule.StatusSeen] == 0 || statusToday[schedule.StatusBooked] == 0 || len(inProgress) == 0 {
		t.Errorf("at 10:40 today should be part seen, part under way, part to come: %v", statusToday)
	}

	// The waiting list: about twenty, every priority, and an urgent
	// patient who fits the slot a cancellation freed today.
	waiting := g.Waiting()
	if len(waiting) < 15 || len(waiting) > 20 {
		t.Fatalf("%d waiting, want about twenty", len(waiting))
	}
	priorities := map[string]int{}
	var list []schedule.Waiting
	for i, w := range waiting {
		priorities[w.Priority]++
		pr, err := schedule.ParsePriority(w.Priority)
		if err != nil {
			t.Fatal(err)
		}
		part, _ := schedule.ParsePartOfDay(w.PartOfDay)
		list = append(list, schedule.Waiting{ID: fmt.Sprint(i), PatientID: w.PatientID, ClinicianID: w.ClinicianID,
			Minutes: w.Minutes, Priority: pr, Added: w.Added, Part: part})
	}
	if priorities["urgent"] == 0 || priorities["soon"] == 0 || priorities["routine"] == 0 {
		t.Errorf("priorities %v, want each", priorities)
	}
	offered := false
	for _, a := range all {
		if a.Date != today || a.Status != schedule.StatusCancelledPatient || a.StartMin < nowMin {
			continue
		}
		freed := schedule.Appt{ClinicianID: a.ClinicianID, Date: today, Start: schedule.Clock(a.StartMin), End: schedule.Clock(a.EndMin)}
		fits := schedule.Offer(freed, list, func(id string) bool { return len(busy[key{"p" + id, a.Date}]) > 0 })
		if len(fits) > 0 && fits[0].Priority.String() == "urgent" {
			offered = true
		}
	}
	if !offered {
		t.Error("no urgent waiting patient fits a slot freed later today")
	}
}

// Every weekday of the week has the team at work, most of them busy.
func TestAFullDayIsBusyForEveryone(t *testing.T) {
	today := ukcal.DateOf(diaryNow)
	g := NewDiary(DiaryOptions{Seed: 3, Now: diaryNow, Years: 0, WeeksAhead: 1, Patients: diaryPatients(1500, 3), FullDays: []ukcal.Date{today}})
	for {
		d, appts, ok := g.NextDay()
		if !ok {
			t.Fatal("today was not in the diary")
		}
		if d != today {
			continue
		}
		minutes := map[string]int{}
		for _, a := range appts {
			if a.Status.Occupies() {
				minutes[a.ClinicianID] += a.EndMin - a.StartMin
			}
		}
		for _, c := range g.Setup().Clinicians {
			worked := 0
			for _, s := range scheduleHours(c.Hours).On(d.Weekday()) {
				worked += s.Minutes()
			}
			if worked > 0 && float64(minutes[c.ID]) < 0.6*float64(worked) {
				t.Errorf("%s is booked %d of %d minutes on a full day", c.Name, minutes[c.ID], worked)
			}
		}
		return
	}
}

func TestTheSameSeedGivesTheSameDiary(t *testing.T) {
	patients := diaryPatients(300, 11)
	describe := func() []string {
		g := NewDiary(DiaryOptions{Seed: 11, Now: diaryNow, Years: 1, Patients: patients})
		names := map[string]string{}
		for _, c := range g.Setup().Clinicians {
			names[c.ID] = c.Name
		}
		for _, r := range g.Setup().Rooms {
			names[r.ID] = r.Name
		}
		for _, ty := range g.Setup().Types {
			names[ty.ID] = ty.Name
		}
		var out []string
		for _, a := range wholeDiary(g) {
			out = append(out, fmt.Sprintf("%s %d-%d %s %s %s %s %s %v %v %s", a.Date, a.StartMin, a.EndMin, names[a.ClinicianID],
				names[a.RoomID], names[a.TypeID], a.PatientID, a.Status, a.CreatedAt, a.StatusAt, a.CancelReason))
		}
		for _, w := range g.Waiting() {
			out = append(out, fmt.Sprintf("%s %s %s %s %d", w.PatientID, w.Priority, w.Added, names[w.ClinicianID], w.Minutes))
		}
		return out
	}
	a, b := describe(), describe()
	if len(a) != len(b) || len(a) < 1000 {
		t.Fatalf("%d and %d lines", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("line %d differs:\n%s\n%s", i, a[i], b[i])
		}
	}
}

// A clinic far too big for ten clinicians gets a bigger team, so that its
// days are not overfull.
func TestABigListGetsABiggerTeam(t *testing.T) {
	g := NewDiary(DiaryOptions{Seed: 1, Now: diaryNow, Years: 1, Patients: diaryPatients(20000, 1)})
	n := len(g.Setup().Clinicians)
	if n <= 10 {
		t.Fatalf("%d clinicians for 200,000 appointments a year", n)
	}
	if f := g.fill(); f > 0.85 {
		t.Fatalf("days %.2f full", f)
	}
	seen := map[string]bool{}
	for _, c := range g.Setup().Clinicians {
		if seen[c.Colour] || seen[c.Name] {
			t.Fatalf("%s %s is not distinct", c.Name, c.Colour)
		}
		seen[c.Colour], seen[c.Name] = true, true
	}
}

// A short diary asked for a number a day holds about that many on its
// past days, whatever the list size: the bench's reference clinic must be
// as busy as the clinic it is compared with.
func TestPerDaySetsHowFullThePastIs(t *testing.T) {
	today := ukcal.DateOf(diaryNow)
	for _, want := range []float64{60, 150} {
		g := NewDiary(DiaryOptions{Seed: 5, Now: diaryNow, From: today.AddDays(-35), WeeksAhead: 2,
			Patients: diaryPatients(1000, 5), PerDay: want})
		days, total := 0, 0
		for {
			d, appts, ok := g.NextDay()
			if !ok {
				break
			}
			if d.Before(today) {
				days++
				total += len(appts)
			}
		}
		got := float64(total) / float64(days)
		if got < 0.85*want || got > 1.15*want {
			t.Errorf("asked for %.0f a day, the past days hold %.1f on average", want, got)
		}
	}
}
