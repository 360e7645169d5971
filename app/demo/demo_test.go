package demo

import (
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/tasks"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

func TestTheDemoClinicHasPatientsToWorkWith(t *testing.T) {
	start := time.Now()
	d, err := CreateAt(t.TempDir(), testclock.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Clinic.Close()
	t.Logf("demo clinic made in %v", time.Since(start)) // reported, never asserted
	c := d.Clinic

	n, err := c.CountPatients("")
	if err != nil {
		t.Fatal(err)
	}
	if n != Patients+len(handWritten)+1 { // and Ruby Shaw, the child not brought
		t.Fatalf("%d patients, want %d", n, Patients+len(handWritten)+1)
	}

	var all []patients.Patient
	after := ""
	for {
		page, err := c.ListPatients(patients.PatientFilter{After: after, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		all = append(all, page...)
		last := page[len(page)-1]
		after = last.ID
	}
	var ais, alerts, nonLatin int
	for _, p := range all {
		if p.NHSNumber != "" && !nhs.IsTestNHSNumber(p.NHSNumber) {
			t.Fatalf("%s %s: NHS number %s is not a test number", p.Forenames, p.Surname, p.NHSNumber)
		}
		for _, ph := range []string{p.Phones.Mobile, p.Phones.Home, p.Phones.Work, p.NextOfKin.Phone} {
			if ph != "" && !nhs.IsDramaNumber(ph) {
				t.Fatalf("%s %s: %s is not a drama number", p.Forenames, p.Surname, ph)
			}
		}
		if p.Email != "" && !strings.Contains(p.Email, "@example.") {
			t.Fatalf("%s %s: %s is not at an example domain", p.Forenames, p.Surname, p.Email)
		}
		if (p.GP.Name != "" || p.GP.Practice != "") && len(p.GP.Address) == 0 {
			t.Fatalf("%s %s: a GP with no practice address, so no letter to the GP can be written", p.Forenames, p.Surname)
		}
		if len(p.AIS.Needs) > 0 {
			ais++
		}
		if len(p.Alerts) > 0 {
			alerts++
		}
		if strings.ContainsFunc(p.PreferredName, func(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }) {
			nonLatin++
		}
	}
	if ais < 5 || alerts < 3 {
		t.Fatalf("%d patients with communication needs and %d with alerts: the demo should show both", ais, alerts)
	}
	if nonLatin == 0 {
		t.Error("no name in Chinese characters among the demo patients")
	}

	// The deliberate duplicates: each is flagged against its twin, so the
	// merge can be tried.
	for _, q := range []string{"John Smith 14/03/1958", "Łukasz Wiśniewski 02/11/1987"} {
		found, err := c.SearchPatients(q, false, 10)
		if err != nil || len(found) == 0 {
			t.Fatalf("search %q: %v %v", q, found, err)
		}
		first, err := c.Patient(found[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		dups, err := c.PossibleDuplicates(first)
		if err != nil {
			t.Fatal(err)
		}
		if len(dups) == 0 {
			t.Fatalf("%s %s has no likely duplicate", found[0].Forenames, found[0].Surname)
		}
	}
	// Accent-free typing finds the accented record too.
	if found, _ := c.SearchPatients("wisniewsk", false, 10); len(found) < 2 {
		t.Fatalf("searching wisniewsk found %d records, want both Łukasz Wiśniewski's", len(found))
	}

	today := testclock.Today()
	tasks, err := c.Tasks(tasks.Filter{OpenOnly: true, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var dueToday, overdue int
	for _, k := range tasks {
		switch due := k.Due; {
		case due == today:
			dueToday++
		case due.Before(today):
			overdue++
		}
	}
	if dueToday < 2 || overdue < 1 {
		t.Fatalf("%d tasks due today and %d overdue; want some of each", dueToday, overdue)
	}

	found, _ := c.SearchPatients("Margaret Ó Briain 30/06/1938", false, 5)
	if len(found) != 1 {
		t.Fatalf("Ó Briain: %d found", len(found))
	}
	timeline, err := c.Timeline(found[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var notes int
	for _, e := range timeline {
		if strings.Contains(strings.ToLower(e.Kind), "note") || strings.Contains(strings.ToLower(e.Kind), "call") {
			notes++
		}
	}
	if notes < 2 {
		t.Fatalf("Mrs Ó Briain's timeline has %d notes and calls: %+v", notes, timeline)
	}

	// A five-year-old with her mother as parent or carer, not brought to
	// an appointment last week: the prompt waits on Today.
	prompts, err := c.SafeguardingPrompts()
	if err != nil || len(prompts) != 1 || prompts[0].PatientName != "Ruby Shaw" {
		t.Fatalf("safeguarding prompts: %+v %v", prompts, err)
	}
	ruby, err := c.Patient(prompts[0].PatientID)
	if err != nil || ruby.ParentCarer.Surname != "Shaw" || ruby.ParentCarer.Relationship != "Mother" || ruby.ParentCarer.Phone == "" {
		t.Fatalf("Ruby's parent or carer: %+v %v", ruby.ParentCarer, err)
	}
	if ukcal.AgeOn(ruby.DOB, ukcal.Today(testclock.Now())) != 5 {
		t.Fatalf("Ruby is not five: born %s", ruby.DOB)
	}
	if step, err := c.DNALetterFor(prompts[0].AppointmentID); err != nil || step != "wnb_first" {
		t.Fatalf("Ruby's letter: %q %v", step, err)
	}
}

// The calendar screen opens on a believable day: every clinician at work
// today is busy, with a few gaps; a patient's cancellation this morning
// freed a slot the urgent waiting-list patient fits; the week shows the
// training day.
func TestTheDemoDayIsFull(t *testing.T) {
	d, err := CreateAt(t.TempDir(), testclock.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Clinic.Close()
	c := d.Clinic
	today := testclock.Today()
	cs, err := c.CalendarSettings()
	if err != nil {
		t.Fatal(err)
	}
	clinicians, err := c.Clinicians(false)
	if err != nil {
		t.Fatal(err)
	}
	if len(clinicians) != 10 {
		t.Fatalf("%d clinicians, want ten", len(clinicians))
	}
	linked := false
	for _, cl := range clinicians {
		linked = linked || (cl.Name == "Priya Raman" && cl.UserID != "")
	}
	if !linked {
		t.Error("Priya Raman, the physiotherapist, is not linked to her login")
	}

	training := today
	for {
		week, err := c.WeekView(clinicians[0].ID, training)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, n := range week.Notices {
			found = found || n.Closure == "Staff training day"
		}
		if found {
			break
		}
		if training = training.AddDays(7); training.After(today.AddDays(14)) {
			t.Fatal("no staff training day shown in the next two weeks")
		}
	}

	if !ukcal.Region(cs.Region).IsWorkingDay(today) {
		t.Logf("today (%s) is not a working day: the full day is not made", today)
		return
	}
	v, err := c.DayView(today)
	if err != nil {
		t.Fatal(err)
	}
	var gaps int
	var freed []schedule.DiaryEntry
	for _, col := range v.Columns {
		worked, booked := 0, 0
		for _, h := range col.Hours {
			worked += h.Minutes()
		}
		for _, a := range col.Appointments {
			if a.Status.Cancelled() {
				if a.Status == schedule.StatusCancelledPatient {
					freed = append(freed, a)
				}
				continue
			}
			booked += a.EndMin - a.StartMin
		}
		if worked == 0 {
			continue
		}
		if float64(booked) < 0.6*float64(worked) {
			t.Errorf("%s is booked %d of %d minutes today", col.Clinician.Name, booked, worked)
		}
		if booked < worked {
			gaps++
		}
	}
	if gaps == 0 {
		t.Error("not a single gap in the day")
	}
	offered := false
	for _, a := range freed {
		offers, err := c.OffersFor(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(offers) > 0 && offers[0].Priority == "urgent" {
			offered = true
		}
	}
	if !offered {
		t.Errorf("no urgent waiting-list patient is offered any of today's %d cancelled slots", len(freed))
	}
}

func TestTheDemoHasAComplaintsRegisterWithSomethingOverdue(t *testing.T) {
	d, err := CreateAt(t.TempDir(), testclock.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Clinic.Close()
	c := d.Clinic
	all, err := c.ListComplaints(app.ComplaintQuery{List: app.ComplaintsAll, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	open, err := c.ListComplaints(app.ComplaintQuery{List: app.ComplaintsOpen, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	overdue, err := c.OverdueComplaints()
	if err != nil {
		t.Fatal(err)
	}
	// Two years of a few a month, most closed, some still open, a couple late.
	if len(all) < 30 || len(open) == 0 || len(open) >= len(all) || len(overdue) == 0 {
		t.Fatalf("complaints: %d in all, %d open, %d overdue", len(all), len(open), len(overdue))
	}
}
