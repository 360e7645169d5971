package app

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/reports"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// clockAt sets the clinic's clock to a wall-clock time in London.
func clockAt(c *Clinic, day string, hour, minute int) {
	d := ukcal.MustParseDate(day)
	c.now = func() time.Time { return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, ukcal.London()) }
}

func TestNewPatientsByTheClinicsDay(t *testing.T) {
	d := newDiary(t) // Zoë and John were added on 23 November 2026
	add := func(name string) {
		t.Helper()
		if _, err := d.c.CreatePatient(patients.Patient{Forenames: name, Surname: "Test", DOB: ukcal.MustParseDate("1990-01-01")}, PatientOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	clockAt(d.c, "2026-02-10", 11, 0)
	add("Feb")
	clockAt(d.c, "2026-03-03", 9, 0)
	add("March one")
	add("March two")
	// 00:30 on 1 April in summer time is 23:30 UTC on 31 March: the
	// clinic's day is 1 April, so it counts in April.
	clockAt(d.c, "2026-04-01", 0, 30)
	add("April")

	f := runReport(t, d.c, reports.NewPatients, "2026-03-01", "2026-04-30", reports.ByMonth).Figures[0]
	// It is now 1 April: April is not over, so the figures are so far.
	checkRows(t, "new patients", f.Table.Rows, "Mar 2026 | 2", "Apr 2026 | 1", "Whole range so far | 3")
	// Before: January and February, one.
	if f.Summary != "So far (to today, Wednesday 1 April 2026), the number of new patients is 3, against 1 in the whole of the previous period." {
		t.Errorf("summary %q", f.Summary)
	}
}

func TestReferralsBySourceAndWaitingTimes(t *testing.T) {
	d := newDiary(t) // today is 23 November 2026
	add := func(received string, src pathways.Source) pathways.Referral {
		r := gpReferral(d.john.ID, received)
		r.Source = src
		if src == pathways.FromSelf {
			r.Party = pathways.Party{}
		}
		return addReferral(t, d.c, r)
	}
	event := func(r pathways.Referral, kind pathways.EventKind, on string) {
		t.Helper()
		if _, err := d.c.RecordReferralEvent(r.ID, kind, ukcal.MustParseDate(on), ""); err != nil {
			t.Fatalf("%s on %s: %v", kind, on, err)
		}
	}
	a := add("2026-06-01", pathways.FromGP)
	b := add("2026-07-06", pathways.FromGP)
	add("2026-07-20", pathways.FromSelf)
	add("2026-08-10", pathways.FromClinic)
	out := gpReferral(d.john.ID, "2026-08-11")
	out.Direction, out.Kind, out.Party = pathways.Out, pathways.Other, pathways.Party{Organisation: "St Elsewhere Hospital"}
	addReferral(t, d.c, out) // a referral out is not counted
	// A: 63 days (9.0 weeks) to the first appointment on 3 August, 140
	// days (20.0 weeks) to treatment on 19 October: not within 18 weeks.
	// B: 42 days (6.0 weeks) to 17 August, 84 days (12.0 weeks) to
	// treatment on 28 September.
	event(a, pathways.FirstAppointmentAttended, "2026-08-03")
	event(a, pathways.DecisionToTreat, "2026-08-03")
	event(a, pathways.FirstDefinitiveTreatment, "2026-10-19")
	event(b, pathways.FirstAppointmentAttended, "2026-08-17")
	event(b, pathways.DecisionToTreat, "2026-08-17")
	event(b, pathways.FirstDefinitiveTreatment, "2026-09-28")
	// C, in the three months before August: 91 days (13.0 weeks) to its
	// first appointment on 1 June.
	c := add("2026-03-02", pathways.FromGP)
	event(c, pathways.FirstAppointmentAttended, "2026-06-01")

	refs := runReport(t, d.c, reports.Referrals, "2026-07-01", "2026-08-31", reports.ByMonth).Figures[0]
	if strings.Join(refs.Table.Header, ",") != "Period,GP,Another clinic or hospital,Self-referral,Total" {
		t.Errorf("header %q", refs.Table.Header)
	}
	checkRows(t, "referrals", refs.Table.Rows, "Jul 2026 | 1 | 0 | 1 | 2", "Aug 2026 | 0 | 1 | 0 | 1", "Whole range | 1 | 1 | 1 | 3")
	// Before (May and June): A alone.
	if want := "Referrals in rose from 1 to 3."; !strings.HasPrefix(refs.Summary, want) {
		t.Errorf("summary %q", refs.Summary)
	}

	w := runReport(t, d.c, reports.Waiting, "2026-08-01", "2026-10-31", reports.ByMonth)
	average, within := w.Figures[0], w.Figures[1]
	// August: two first appointments, (63 + 42) / 2 / 7 = 7.5 weeks, both
	// within 18 weeks. September: B treated at 12.0 weeks; October: A at
	// 20.0. Treatment over the range: (84 + 140) / 2 / 7 = 16.0 weeks, one
	// of two within 18 weeks = 50%.
	checkValues(t, "to first appointment", average.Series[0].Values, 7.5, math.NaN(), math.NaN())
	checkValues(t, "to treatment", average.Series[1].Values, math.NaN(), 12, 20)
	checkValues(t, "treated within 18 weeks", within.Series[1].Values, math.NaN(), 100, 0)
	checkRows(t, "waits", average.Table.Rows,
		"Aug 2026 | 2 | 7.5 | 100.0 | 0 | – | –",
		"Sep 2026 | 0 | – | – | 1 | 12.0 | 100.0",
		"Oct 2026 | 0 | – | – | 1 | 20.0 | 0.0",
		"Whole range | 2 | 7.5 | 100.0 | 2 | 16.0 | 50.0")
	// Before: C's 13.0 weeks; no treatment, so nothing to compare with.
	if want := "The average wait to a first appointment fell from 13.0 weeks to 7.5 weeks. The average wait to treatment was 16.0 weeks; there is nothing in the previous period to compare it with."; average.Summary != want {
		t.Errorf("summary %q", average.Summary)
	}
}

func TestComplaintsAndLettersReports(t *testing.T) {
	d := newDiary(t)
	on := func(day string) time.Time {
		x := ukcal.MustParseDate(day)
		return time.Date(x.Year(), x.Month(), x.Day(), 10, 0, 0, 0, ukcal.London())
	}
	h := func(received string, subjects []complaints.SubjectArea, moves ...HistoricMove) HistoricComplaint {
		return HistoricComplaint{LoggedAt: on(received), LoggedBy: "amanager", Moves: moves, Details: complaints.Details{
			Complainant: complaints.ComplainantPatient, PatientID: d.john.ID, Channel: complaints.Written,
			Received: ukcal.MustParseDate(received), Subjects: subjects, StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration},
			Description: "About the wait"}}
	}
	closed := func(day string, o complaints.Outcome) []HistoricMove {
		return []HistoricMove{{To: complaints.Acknowledged, At: on(day), By: "amanager"}, {To: complaints.Investigating, At: on(day), By: "amanager"},
			{To: complaints.ResponseSent, At: on(day), By: "amanager", Outcome: o, SignedOffBy: "Ann Manager"}}
	}
	if _, err := d.c.AddComplaintHistory([]HistoricComplaint{
		h("2026-09-07", []complaints.SubjectArea{complaints.SubjectWaitingTimes, complaints.SubjectAppointments}, closed("2026-09-20", complaints.Upheld)...),
		h("2026-10-05", []complaints.SubjectArea{complaints.SubjectWaitingTimes}),
		h("2026-08-03", []complaints.SubjectArea{complaints.SubjectStaffAttitude}, closed("2026-08-20", complaints.NotUpheld)...),
	}); err != nil {
		t.Fatal(err)
	}
	years, err := d.c.ComplaintReturnYears()
	if err != nil || len(years) != 1 || years[0] != 2026 {
		t.Errorf("KO41(b) years %v %v", years, err)
	}

	rep := runReport(t, d.c, reports.Complaints, "2026-09-01", "2026-10-31", reports.ByMonth)
	checkRows(t, "received", rep.Figures[0].Table.Rows, "Sep 2026 | 1", "Oct 2026 | 1", "Whole range | 2")
	if rep.Figures[0].Summary != "Complaints received rose from 1 to 2." { // July–August: one
		t.Errorf("summary %q", rep.Figures[0].Summary)
	}
	subjects := map[string]string{}
	for _, row := range rep.Figures[1].Table.Rows {
		subjects[row[0]] = row[1] + "/" + row[2]
	}
	if subjects["Waiting times"] != "2/0" || subjects["Appointments"] != "1/0" || subjects["Staff attitude/behaviour/values"] != "0/1" {
		t.Errorf("subjects (these dates/before): %v", subjects)
	}
	if want := "The most common subject was Waiting times: 2 of 3 subjects recorded."; rep.Figures[1].Summary != want {
		t.Errorf("subject summary %q", rep.Figures[1].Summary)
	}
	if want := "Of the 2 complaints received, 1 upheld and 1 not decided."; rep.Figures[2].Summary != want {
		t.Errorf("outcome summary %q", rep.Figures[2].Summary)
	}

	// Letters: two reminders and a DNA letter in October, a slip (not a
	// letter), and one reminder at 00:30 on 1 November (GMT: the same day
	// in UTC) in the next month.
	log := func(template, kind string, when time.Time) {
		t.Helper()
		err := d.c.store.Write(func(tx *data.Tx) error {
			return tx.InsertLetterRecord(data.LetterRecord{ID: uuid.Must(uuid.NewV7()).String(), PatientID: d.john.ID, Kind: kind,
				Template: template, Title: template, Content: "{}", SHA256: "00", CreatedBy: "amanager", CreatedAt: when})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	log("appointment_reminder", data.LetterKindLetter, on("2026-10-05"))
	log("appointment_reminder", data.LetterKindLetter, on("2026-10-06"))
	log("dna_first", data.LetterKindLetter, on("2026-10-07"))
	log("slip", data.LetterKindSlip, on("2026-10-07"))
	log("appointment_reminder", data.LetterKindLetter, time.Date(2026, 11, 1, 0, 30, 0, 0, ukcal.London()))
	letters := runReport(t, d.c, reports.Letters, "2026-10-01", "2026-10-31", reports.ByMonth)
	checkRows(t, "letters", letters.Figures[0].Table.Rows, "Oct 2026 | 3", "Whole range | 3")
	byTemplate := letters.Figures[1]
	if strings.Join(byTemplate.Categories, ",") != "Appointment reminder,Missed appointment (first letter)" {
		t.Errorf("templates %v", byTemplate.Categories)
	}
	checkValues(t, "letters by template", byTemplate.Series[0].Values, 2, 1)
	checkValues(t, "letters by template before", byTemplate.Series[1].Values, 0, 0)
	if want := "The most sent was Appointment reminder: 2 of 3."; byTemplate.Summary != want {
		t.Errorf("letters summary %q", byTemplate.Summary)
	}

	// The CSV: the same numbers, safe in a spreadsheet.
	rep.Figures[1].Table.Rows[0][0] = "=HYPERLINK(\"http://example.com\")"
	var buf bytes.Buffer
	if err := WriteReportCSV(&buf, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `Complaints by subject,"'=HYPERLINK(""http://example.com"")",0,0`) || strings.Contains(buf.String(), ",=HYPERLINK") {
		t.Errorf("a formula went into the CSV as a formula:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), "Complaints received,Whole range,2,\r\n") {
		t.Errorf("the CSV's numbers:\n%s", buf.String())
	}
}
