package app

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/patients"
	"clinicdesk/app/reports"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// put writes an appointment straight into the diary, as it stands after
// the day: the booking rules are not what these tests are about, and most
// of these days are long past on the test clock.
func (d *diary) put(t *testing.T, p patients.Patient, cl schedule.Clinician, day, start string, minutes int, status schedule.Status, statusAt string) {
	t.Helper()
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if statusAt != "" {
		var err error
		if at, err = time.Parse(time.RFC3339, statusAt); err != nil {
			t.Fatal(err)
		}
	}
	startMin := int(schedule.MustParseClock(start))
	a := schedule.Appointment{ID: uuid.Must(uuid.NewV7()).String(), PatientID: p.ID, TypeID: d.followUp.ID,
		Slot:   schedule.Slot{ClinicianID: cl.ID, Date: ukcal.MustParseDate(day), StartMin: startMin, EndMin: startMin + minutes},
		Status: status, StatusAt: at, StatusBy: "test", CreatedAt: at, CreatedBy: "test"}
	if err := d.c.store.Write(func(tx *data.Tx) error { return tx.InsertAppointment(a) }); err != nil {
		t.Fatal(err)
	}
}

// clinicianAt adds a clinician working 09:00–12:30 and 13:30–17:00 (420
// minutes) Monday to Friday, added to the diary on the day given.
func (d *diary) clinicianAt(t *testing.T, name, added string) schedule.Clinician {
	t.Helper()
	keep := d.c.now
	defer func() { d.c.now = keep }()
	day := ukcal.MustParseDate(added)
	d.c.now = func() time.Time { return time.Date(day.Year(), day.Month(), day.Day(), 9, 0, 0, 0, ukcal.London()) }
	cl, err := d.c.SaveClinician(schedule.Clinician{Name: name, Active: true, Hours: workingWeek()})
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

func runReport(t *testing.T, c *Clinic, kind reports.Kind, from, to string, by reports.Grouping) reports.Report {
	t.Helper()
	rep, err := c.Report(kind, reports.Range{From: ukcal.MustParseDate(from), To: ukcal.MustParseDate(to), By: by})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// values checks a series to one decimal place; NaN for Missing.
func checkValues(t *testing.T, what string, got []float64, want ...float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values %v, want %v", what, len(got), got, want)
	}
	for i := range want {
		if math.IsNaN(want[i]) != math.IsNaN(got[i]) || (!math.IsNaN(want[i]) && math.Abs(got[i]-want[i]) > 0.05) {
			t.Errorf("%s[%d] = %.2f, want %.2f", what, i, got[i], want[i])
		}
	}
}

func checkRows(t *testing.T, what string, got [][]string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows %q, want %d", what, len(got), got, len(want))
	}
	for i, w := range want {
		if g := strings.Join(got[i], " | "); g != w {
			t.Errorf("%s row %d:\n got %s\nwant %s", what, i, g, w)
		}
	}
}

func TestDNAReportByHandWithChildrenApart(t *testing.T) { // clock: Monday 23 November 2026
	d := newDiary(t)
	child, err := d.c.CreatePatient(patients.Patient{Forenames: "Alfie", Surname: "Jones", DOB: ukcal.MustParseDate("2015-05-01")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Week of Monday 2 November: 3 seen, John's DNA, the child's DNA, and
	// neither a cancellation nor a past appointment never marked is due.
	for _, day := range []string{"2026-11-02", "2026-11-03", "2026-11-04"} {
		d.put(t, d.john, d.evans, day, "09:00", 30, schedule.StatusSeen, "")
	}
	d.put(t, d.john, d.evans, "2026-11-05", "09:00", 30, schedule.StatusDNA, "")
	d.put(t, child, d.patel, "2026-11-05", "10:00", 30, schedule.StatusDNA, "")
	d.put(t, d.john, d.evans, "2026-11-06", "09:00", 30, schedule.StatusCancelledPatient, "")
	d.put(t, d.john, d.evans, "2026-11-06", "11:00", 30, schedule.StatusBooked, "")
	// Week of 9 November: 4 seen, none missed: a real 0%.
	for _, day := range []string{"2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12"} {
		d.put(t, d.zoe, d.patel, day, "09:00", 30, schedule.StatusSeen, "")
	}
	// The 14 days before (19 October – 1 November): 9 seen, 1 DNA.
	for i := 0; i < 9; i++ {
		d.put(t, d.zoe, d.evans, "2026-10-2"+string(rune('0'+i%8)), "14:00", 30, schedule.StatusSeen, "")
	}
	d.put(t, d.zoe, d.evans, "2026-10-29", "15:00", 30, schedule.StatusDNA, "")

	rep := runReport(t, d.c, reports.DNA, "2026-11-02", "2026-11-15", reports.ByWeek)
	f := rep.Figures[0]
	if strings.Join(f.Categories, ",") != "w/c 2 Nov,w/c 9 Nov" || f.Chart != reports.StackedBar || f.Unit != reports.Percent {
		t.Fatalf("figure: %+v", f)
	}
	// Week 1: due 3 + 2 = 5; adult DNA 1/5 = 20%, not brought 1/5 = 20%.
	// Week 2: due 4, none missed: 0%.
	checkValues(t, "did not attend", f.Series[0].Values, 20, 0)
	checkValues(t, "was not brought", f.Series[1].Values, 20, 0)
	checkRows(t, "DNA table", f.Table.Rows,
		"w/c 2 Nov | 5 | 1 | 1 | 40.0",
		"w/c 9 Nov | 4 | 0 | 0 | 0.0",
		"Whole range | 9 | 1 | 1 | 22.2") // 2 of 9 = 22.2%
	// Before: 1 of 10 = 10.0%.
	if want := "The DNA rate rose from 10.0% to 22.2%. Of the 2 appointments missed, 1 was a child not brought."; f.Summary != want {
		t.Errorf("summary:\n got %s\nwant %s", f.Summary, want)
	}
	if !strings.Contains(f.Definition, "arrived, in progress, seen or did not attend") {
		t.Errorf("the definition does not say what is due: %s", f.Definition)
	}

	// One clinician: Ms Patel's week 1 is the child's DNA alone: 1 of 1.
	rep, err = d.c.Report(reports.DNA, reports.Range{From: ukcal.MustParseDate("2026-11-02"), To: ukcal.MustParseDate("2026-11-15"), By: reports.ByWeek, ClinicianID: d.patel.ID})
	if err != nil {
		t.Fatal(err)
	}
	checkValues(t, "Ms Patel not brought", rep.Figures[0].Series[1].Values, 100, 0)

	// No appointments: Missing, never 0%.
	empty := runReport(t, d.c, reports.DNA, "2025-01-01", "2025-02-28", reports.ByMonth)
	checkValues(t, "empty", empty.Figures[0].Series[0].Values, math.NaN(), math.NaN())
	if s := empty.Figures[0].Summary; s != "No appointments were due in these dates, so there is no figure to show." {
		t.Errorf("empty summary: %s", s)
	}
	checkRows(t, "empty table", empty.Figures[0].Table.Rows, "Jan 2025 | 0 | 0 | 0 | –", "Feb 2025 | 0 | 0 | 0 | –", "Whole range | 0 | 0 | 0 | –")

	// Each run is one audit row that names no patient.
	rows, _ := d.c.AuditLog(audit.Filter{Action: "report.run"})
	if len(rows) != 3 || rows[0].Patient != "" || !strings.Contains(rows[1].Detail, "clinician Ms Priya Patel") {
		t.Errorf("audit rows: %+v", rows)
	}
}

func TestUtilisationByHandAcrossAClosureABankHolidayAndTheClockChange(t *testing.T) {
	d := newDiary(t)
	early := d.clinicianAt(t, "Dr Early", "2026-01-05")
	late := d.clinicianAt(t, "Mr Late", "2026-04-01") // joined on Wednesday 1 April
	if _, err := d.c.AddClosure(ukcal.MustParseDate("2026-03-25"), ukcal.MustParseDate("2026-03-25"), "Training day"); err != nil {
		t.Fatal(err)
	}
	// Week of 23 March (the clocks go forward on Sunday 29th): Dr Early
	// 30 + 30 seen and a 60-minute DNA (it held the time); a cancelled 30
	// does not count. Booked 120.
	d.put(t, d.john, early, "2026-03-23", "09:00", 30, schedule.StatusSeen, "")
	d.put(t, d.john, early, "2026-03-24", "09:00", 30, schedule.StatusSeen, "")
	d.put(t, d.zoe, early, "2026-03-26", "10:00", 60, schedule.StatusDNA, "")
	d.put(t, d.zoe, early, "2026-03-27", "10:00", 30, schedule.StatusCancelledClinic, "")
	// Week of 30 March (Good Friday 3 April): Dr Early 45 still booked,
	// Mr Late 60 seen. Booked 105.
	d.put(t, d.john, early, "2026-03-30", "09:00", 45, schedule.StatusBooked, "")
	d.put(t, d.zoe, late, "2026-04-01", "14:00", 60, schedule.StatusSeen, "")
	// The 14 days before: Dr Early 60.
	d.put(t, d.zoe, early, "2026-03-10", "09:00", 60, schedule.StatusSeen, "")

	rep := runReport(t, d.c, reports.Utilisation, "2026-03-23", "2026-04-05", reports.ByWeek)
	overTime, byClinician := rep.Figures[0], rep.Figures[1]
	// Available, 420 minutes a working day (wall-clock, so the week of the
	// clock change is no shorter):
	//   week 1: Dr Early Mon, Tue, Thu, Fri (Wed closed) = 4 × 420 = 1680
	//   week 2: Dr Early Mon–Thu (Good Friday) = 1680; Mr Late Wed, Thu = 840
	// Utilisation: 120/1680 = 7.1%; 105/2520 = 4.2%; whole 225/4200 = 5.4%.
	checkValues(t, "over time", overTime.Series[0].Values, 100*120/1680.0, 100*105/2520.0)
	checkRows(t, "utilisation table", overTime.Table.Rows,
		"w/c 23 Mar | 120 | 1680 | 7.1", "w/c 30 Mar | 105 | 2520 | 4.2", "Whole range | 225 | 4200 | 5.4")
	// Before: Dr Early 10 working days × 420 = 4200; 60/4200 = 1.4%. Mr
	// Late had not joined. Dr Evans and Ms Patel were added in November
	// with no appointments: no hours to count, and not shown.
	if want := "Utilisation rose from 1.4% to 5.4%."; overTime.Summary != want {
		t.Errorf("summary %q, want %q", overTime.Summary, want)
	}
	// By clinician: Dr Early 165/3360 = 4.9%; Mr Late 60/840 = 7.1%.
	if strings.Join(byClinician.Categories, ",") != "Dr Early,Mr Late" {
		t.Fatalf("clinicians shown: %v", byClinician.Categories)
	}
	checkValues(t, "by clinician", byClinician.Series[0].Values, 100*165/3360.0, 100*60/840.0)
	if want := "Mr Late was the most booked, at 7.1% of their available time; Dr Early the least, at 4.9%."; byClinician.Summary != want {
		t.Errorf("by clinician summary %q", byClinician.Summary)
	}

	// The week of the October change (Sunday 25 October 2026) has its
	// five full days too: 5 × 420 = 2100 each, and nothing booked is 0%,
	// a real figure, not a missing one.
	oct := runReport(t, d.c, reports.Utilisation, "2026-10-19", "2026-10-25", reports.ByWeek)
	checkRows(t, "October", oct.Figures[1].Table.Rows, "Dr Early | 0 | 2100 | 0.0", "Mr Late | 0 | 2100 | 0.0")

	// Before anyone worked: nothing to measure.
	none := runReport(t, d.c, reports.Utilisation, "2025-06-01", "2025-06-30", reports.ByMonth)
	checkValues(t, "none", none.Figures[0].Series[0].Values, math.NaN())
}

func TestCancellationsByHandLateOnesApartAcrossTheClockChange(t *testing.T) {
	d := newDiary(t)
	// Monday 23 March 10:00 is 10:00 UTC (winter time): cancelled 23.5
	// hours before is late, 24.5 hours before is not.
	d.put(t, d.john, d.evans, "2026-03-23", "10:00", 30, schedule.StatusCancelledPatient, "2026-03-22T10:30:00Z")
	d.put(t, d.zoe, d.evans, "2026-03-23", "11:00", 30, schedule.StatusCancelledPatient, "2026-03-22T10:30:00Z") // 24.5 h
	d.put(t, d.zoe, d.patel, "2026-03-25", "14:00", 30, schedule.StatusCancelledClinic, "2026-03-20T09:00:00Z")
	// Monday 30 March 10:00 is 09:00 UTC (summer time): 09:30 UTC the day
	// before is 23.5 hours before, late; 08:30 UTC is 24.5 hours, not.
	d.put(t, d.john, d.evans, "2026-03-30", "10:00", 30, schedule.StatusCancelledPatient, "2026-03-29T09:30:00Z")
	d.put(t, d.zoe, d.evans, "2026-03-30", "10:00", 30, schedule.StatusCancelledPatient, "2026-03-29T08:30:00.25Z")
	d.put(t, d.zoe, d.evans, "2026-03-31", "10:00", 30, schedule.StatusSeen, "") // not a cancellation
	// The 14 days before: one by a patient, three by the clinic.
	d.put(t, d.zoe, d.evans, "2026-03-10", "10:00", 30, schedule.StatusCancelledPatient, "2026-03-01T09:00:00Z")
	for _, day := range []string{"2026-03-11", "2026-03-12", "2026-03-13"} {
		d.put(t, d.zoe, d.evans, day, "10:00", 30, schedule.StatusCancelledClinic, "2026-03-01T09:00:00Z")
	}

	f := runReport(t, d.c, reports.Cancellations, "2026-03-23", "2026-04-05", reports.ByWeek).Figures[0]
	checkRows(t, "cancellations", f.Table.Rows,
		"w/c 23 Mar | 2 | 1 | 1 | 0 | 3",
		"w/c 30 Mar | 2 | 1 | 0 | 0 | 2",
		"Whole range | 4 | 2 | 1 | 0 | 5")
	checkValues(t, "by the patient, late", f.Series[1].Values, 1, 1)
	want := "Cancellations by patients rose from 1 to 4. Cancellations by the clinic fell from 3 to 1. Of all these cancellations, 2 were late, under 24 hours before the start."
	if f.Summary != want {
		t.Errorf("summary:\n got %s\nwant %s", f.Summary, want)
	}
}

func TestReportsWhoMayRunThem(t *testing.T) {
	d := newDiary(t)
	d.put(t, d.john, d.evans, "2026-11-02", "09:00", 30, schedule.StatusDNA, "")
	d.put(t, d.john, d.patel, "2026-11-03", "09:00", 30, schedule.StatusSeen, "")
	r := reports.Range{From: ukcal.MustParseDate("2026-11-01"), To: ukcal.MustParseDate("2026-11-30"), By: reports.ByMonth}

	if _, err := d.c.Report("sales", r); err == nil || !strings.Contains(err.Error(), `"sales" is not a report: choose dna, cancellations`) {
		t.Errorf("unknown report: %v", err)
	}
	bad := r
	bad.From, bad.To = bad.To, bad.From
	if _, err := d.c.Report(reports.DNA, bad); err == nil || !strings.Contains(err.Error(), "before the first") {
		t.Errorf("backwards range: %v", err)
	}
	other := r
	other.ClinicianID = "nobody"
	if _, err := d.c.Report(reports.DNA, other); err == nil || !strings.Contains(err.Error(), "not in this clinic file") {
		t.Errorf("unknown clinician: %v", err)
	}
	if _, err := d.c.Report(reports.Letters, reports.Range{From: r.From, To: r.To, By: r.By, ClinicianID: d.evans.ID}); err == nil ||
		!strings.Contains(err.Error(), "whole clinic") {
		t.Errorf("letters for one clinician: %v", err)
	}

	// A clinician sees their own figures, asked or not, and no one else's.
	doc := addUser(t, d.c, "drevans", Clinician)
	d.evans.UserID = doc.ID
	if _, err := d.c.SaveClinician(d.evans); err != nil {
		t.Fatal(err)
	}
	addUser(t, d.c, "desk", Receptionist)
	signInAs(t, d.c, "drevans")
	rep, err := d.c.Report(reports.DNA, r)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Range.ClinicianID != d.evans.ID || rep.Who != "Dr Siân Evans" {
		t.Errorf("a clinician's report was not held to their own figures: %+v", rep.Range)
	}
	checkRows(t, "Dr Evans's own", rep.Figures[0].Table.Rows, "Nov 2026 | 1 | 1 | 0 | 100.0", "Whole range so far | 1 | 1 | 0 | 100.0")
	theirs := r
	theirs.ClinicianID = d.patel.ID
	if _, err := d.c.Report(reports.DNA, theirs); err == nil || !strings.Contains(err.Error(), "only their own figures") {
		t.Errorf("another clinician's figures: %v", err)
	}
	if _, err := d.c.Report(reports.Complaints, r); err == nil || !strings.Contains(err.Error(), "only a practice manager") {
		t.Errorf("complaints for a clinician: %v", err)
	}

	signInAs(t, d.c, "desk")
	var perm *PermissionError
	if _, err := d.c.Report(reports.DNA, r); !errors.As(err, &perm) || !strings.Contains(err.Error(), "a receptionist cannot see the reports") {
		t.Errorf("receptionist: %v", err)
	}
}

// A patient who turns 16 during the range was not brought before their
// birthday and did not attend after it; those born 29 February turn 16 on
// 1 March in a year without one, as ukcal.AgeOn counts.
func TestNotBroughtFollowsTheBirthdayInTheRange(t *testing.T) {
	d := newDiary(t)
	teen, err := d.c.CreatePatient(patients.Patient{Forenames: "Sam", Surname: "Birthday", DOB: ukcal.MustParseDate("2010-11-09")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	leap, err := d.c.CreatePatient(patients.Patient{Forenames: "Lee", Surname: "Leap", DOB: ukcal.MustParseDate("2008-02-29")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	d.put(t, teen, d.evans, "2026-11-06", "09:00", 30, schedule.StatusDNA, "") // 15: not brought
	d.put(t, teen, d.evans, "2026-11-09", "09:00", 30, schedule.StatusDNA, "") // 16 that day: did not attend
	d.put(t, leap, d.evans, "2024-02-28", "09:00", 30, schedule.StatusDNA, "") // 15
	d.put(t, leap, d.evans, "2024-02-29", "09:00", 30, schedule.StatusDNA, "") // 16 on the day (a leap year)
	nov := runReport(t, d.c, reports.DNA, "2026-11-01", "2026-11-30", reports.ByMonth).Figures[0]
	checkRows(t, "November", nov.Table.Rows, "Nov 2026 | 2 | 1 | 1 | 100.0", "Whole range so far | 2 | 1 | 1 | 100.0")
	feb := runReport(t, d.c, reports.DNA, "2024-02-01", "2024-02-29", reports.ByMonth).Figures[0]
	checkRows(t, "February 2024", feb.Table.Rows, "Feb 2024 | 2 | 1 | 1 | 100.0", "Whole range | 2 | 1 | 1 | 100.0")
}

// A clinician no longer working counts their hours up to their last
// appointment; the diary keeps no leaving date.
func TestUtilisationOfAClinicianWhoLeft(t *testing.T) {
	d := newDiary(t)
	gone := d.clinicianAt(t, "Dr Gone", "2026-01-05")
	d.put(t, d.john, gone, "2026-03-24", "09:00", 30, schedule.StatusSeen, "") // Tuesday, their last
	gone.Active = false
	if _, err := d.c.SaveClinician(gone); err != nil {
		t.Fatal(err)
	}
	rep, err := d.c.Report(reports.Utilisation, reports.Range{From: ukcal.MustParseDate("2026-03-23"), To: ukcal.MustParseDate("2026-03-29"),
		By: reports.ByWeek, ClinicianID: gone.ID})
	if err != nil {
		t.Fatal(err)
	}
	// Monday and Tuesday: 2 × 420 = 840 available; 30 booked = 3.6%.
	checkRows(t, "Dr Gone", rep.Figures[1].Table.Rows, "Dr Gone | 30 | 840 | 3.6")
	if rep.Figures[0].Series[0].Name != "Dr Gone" || rep.Who != "Dr Gone" {
		t.Errorf("the figure is not named for the clinician: %q, %q", rep.Figures[0].Series[0].Name, rep.Who)
	}
}
