package complaints

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

// year2025 is a hand-built register for the return of 1 April 2025 to
// 31 March 2026; the comment on each says where it must be counted.
var year2025 = []Record{
	// Brought forward from March, upheld in May. Aged 74 on receipt.
	{Ref: "BF-MARCH", Channel: Written, Received: date("2025-03-20"), Resolved: date("2025-05-10"), Outcome: Upheld,
		Complainant: ComplainantPatient, PatientDOB: date("1950-06-01"), Subjects: []SubjectArea{SubjectClinical}, StaffGroups: []StaffGroup{StaffGP}},
	// Brought forward and still open: carried forward too. Aged 15.
	{Ref: "BF-OPEN", Channel: Email, Received: date("2025-02-10"),
		Complainant: ComplainantOnBehalf, PatientDOB: date("2010-01-01"), Subjects: []SubjectArea{SubjectAppointments}, StaffGroups: []StaffGroup{StaffAdministration}},
	// Closed on 31 March 2025, before the year: not counted at all.
	{Ref: "OLD-CLOSED", Channel: Written, Received: date("2024-12-01"), Resolved: date("2025-03-31"), Outcome: NotUpheld,
		Complainant: ComplainantPatient, Subjects: []SubjectArea{SubjectOther}, StaffGroups: []StaffGroup{StaffOther}},
	// Oral, Thursday to Friday: resolved next day, excluded.
	{Ref: "ORAL-NEXT-DAY", Channel: Oral, Received: date("2025-06-12"), Resolved: date("2025-06-13"), Outcome: Upheld,
		Complainant: ComplainantPatient, Subjects: []SubjectArea{SubjectAppointments}, StaffGroups: []StaffGroup{StaffAdministration}},
	// Oral received Monday 31 March 2025, resolved Tuesday: excluded, and not brought forward.
	{Ref: "ORAL-31-MARCH", Channel: Oral, Received: date("2025-03-31"), Resolved: date("2025-04-01"), Outcome: Upheld,
		Complainant: ComplainantPatient, Subjects: []SubjectArea{SubjectAppointments}, StaffGroups: []StaffGroup{StaffAdministration}},
	// Oral but investigated over six weeks: counted. Two subjects, two staff groups. Aged 45.
	{Ref: "ORAL-INVESTIGATED", Channel: Oral, Received: date("2025-07-01"), Resolved: date("2025-08-15"), Outcome: PartiallyUpheld,
		Complainant: ComplainantPatient, PatientDOB: date("1980-05-05"),
		Subjects: []SubjectArea{SubjectCommunications, SubjectStaffAttitude, SubjectCommunications}, StaffGroups: []StaffGroup{StaffGP, StaffAdministration}},
	// Received on the last day of the year, open: new and carried forward. 86 that day.
	{Ref: "RECEIVED-31-MARCH", Channel: Written, Received: date("2026-03-31"),
		Complainant: ComplainantPatient, PatientDOB: date("1940-03-31"), Subjects: []SubjectArea{SubjectPrescribing}, StaffGroups: []StaffGroup{StaffGP}},
	// Closed on 1 April 2026, the first day of the next year: carried forward. Aged 64.
	{Ref: "CLOSED-1-APRIL", Channel: Email, Received: date("2025-11-03"), Resolved: date("2026-04-01"), Outcome: Upheld,
		Complainant: ComplainantOnBehalf, PatientDOB: date("1961-04-01"), Subjects: []SubjectArea{SubjectWaitingTimes}, StaffGroups: []StaffGroup{StaffNursing}},
	// From someone who is neither the patient nor acting for them: not counted.
	{Ref: "NO-DOB", Channel: Written, Received: date("2025-09-09"), Resolved: date("2025-10-20"), Outcome: NotUpheld,
		Complainant: ComplainantOther, Subjects: []SubjectArea{SubjectFacilities}, StaffGroups: []StaffGroup{StaffOther}},
	// The first and last days: received 1 April 2025, resolved 31 March 2026.
	// Nothing categorised (warned, counted under Other). 17 until the next day.
	{Ref: "EDGES", Channel: Written, Received: date("2025-04-01"), Resolved: date("2026-03-31"), Outcome: PartiallyUpheld,
		Complainant: ComplainantPatient, PatientDOB: date("2007-04-02")},
	// Resolved without an outcome: warned, counted as still open.
	{Ref: "NO-OUTCOME", Channel: Written, Received: date("2025-10-01"), Resolved: date("2025-10-30"),
		Complainant: ComplainantPatient, PatientDOB: date("1990-01-01"), Subjects: []SubjectArea{SubjectClinical}, StaffGroups: []StaffGroup{StaffNursing}},
	// The next year's: not counted.
	{Ref: "NEXT-YEAR", Channel: Written, Received: date("2026-04-02"),
		Complainant: ComplainantPatient, Subjects: []SubjectArea{SubjectOther}, StaffGroups: []StaffGroup{StaffOther}},
}

func TestReturnSummary(t *testing.T) {
	rep := Return(2025, year2025, ukcal.EnglandAndWales)
	if rep.From != date("2025-04-01") || rep.To != date("2026-03-31") || rep.Period() != "2025-26" {
		t.Errorf("period %s to %s (%s)", rep.From, rep.To, rep.Period())
	}
	want := map[Measure]int{
		MeasureBroughtForward:  2, // BF-MARCH, BF-OPEN
		MeasureNew:             5, // ORAL-INVESTIGATED, RECEIVED-31-MARCH, CLOSED-1-APRIL, EDGES, NO-OUTCOME
		MeasureUpheld:          1, // BF-MARCH
		MeasurePartiallyUpheld: 2, // ORAL-INVESTIGATED, EDGES
		MeasureNotUpheld:       0, // (NO-DOB is not from the patient or for them)
		MeasureCarriedForward:  4, // BF-OPEN, RECEIVED-31-MARCH, CLOSED-1-APRIL, NO-OUTCOME
	}
	for m, n := range want {
		if got := rep.Count(m); got != n {
			t.Errorf("%s: %d, want %d", m.Label(), got, n)
		}
	}
	if rep.Resolved() != 3 {
		t.Errorf("resolved %d, want 3", rep.Resolved())
	}
	if rep.NotFromPatient != 1 || rep.NotNHSEngland != 0 {
		t.Errorf("not from the patient %d, not NHS in England %d; want 1 and 0", rep.NotFromPatient, rep.NotNHSEngland)
	}
	if rep.Excluded != 1 {
		t.Errorf("excluded %d, want 1 (ORAL-NEXT-DAY; ORAL-31-MARCH was received the year before)", rep.Excluded)
	}
	wantWarnings := []string{
		"EDGES has no subject area: counted under Other",
		"EDGES has no staff group: counted under Other",
		"NO-OUTCOME is resolved but has no outcome: counted as still open",
	}
	if !slices.Equal(rep.Warnings, wantWarnings) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(rep.Warnings, "\n"), strings.Join(wantWarnings, "\n"))
	}
}

func TestReturnBreakdowns(t *testing.T) {
	rep := Return(2025, year2025, ukcal.EnglandAndWales)
	cases := []struct {
		m        Measure
		b        Breakdown
		category string
		want     int
	}{
		{MeasureNew, BySubject, "communications", 1}, // listed twice on one complaint, counted once
		{MeasureNew, BySubject, "staff_attitude", 1},
		{MeasureNew, BySubject, "clinical", 1},
		{MeasureNew, BySubject, "prescribing", 1},
		{MeasureNew, BySubject, "other", 1}, // EDGES
		{MeasureNew, BySubject, "appointments", 0},
		{MeasureNew, BySubject, "facilities", 0}, // NO-DOB's, not counted
		{MeasureNew, ByStaffGroup, "gp", 2},
		{MeasureNew, ByStaffGroup, "practice_admin", 1},
		{MeasureNew, ByStaffGroup, "nursing", 2},
		{MeasureNew, ByStaffGroup, "other", 1},  // EDGES
		{MeasureNew, ByAgeBand, "0_17", 1},      // EDGES, 17 on 1 April 2025
		{MeasureNew, ByAgeBand, "18_64", 3},     // ORAL-INVESTIGATED, CLOSED-1-APRIL (64), NO-OUTCOME
		{MeasureNew, ByAgeBand, "65_74", 0},     //
		{MeasureNew, ByAgeBand, "75_plus", 1},   // RECEIVED-31-MARCH, 86 that day
		{MeasureNew, ByAgeBand, "not_known", 0}, // NO-DOB is not counted
		{MeasureNew, ByComplainant, "patient", 4},
		{MeasureNew, ByComplainant, "on_behalf", 1},
		{MeasureNew, ByComplainant, "other", 0},
		// The breakdowns are of new complaints only.
		{MeasureBroughtForward, BySubject, "clinical", 0},
		{MeasureBroughtForward, ByAgeBand, "65_74", 0},
		{MeasureUpheld, ByStaffGroup, "gp", 0},
		{MeasurePartiallyUpheld, BySubject, "communications", 0},
		{MeasureCarriedForward, ByAgeBand, "18_64", 0},
		{MeasureCarriedForward, ByComplainant, "on_behalf", 0},
	}
	for _, c := range cases {
		if got := rep.CountBy(c.m, c.b, c.category); got != c.want {
			t.Errorf("%s by %s, %s: %d, want %d", c.m, c.b, c.category, got, c.want)
		}
	}
	// Age and complainant give each new complaint one category, so they
	// add up to the new complaints; subject and staff group may count a
	// complaint more than once, never less.
	for _, b := range []Breakdown{ByAgeBand, ByComplainant} {
		sum := 0
		for _, c := range rep.categories(b) {
			sum += rep.CountBy(MeasureNew, b, c[0])
		}
		if sum != rep.Count(MeasureNew) {
			t.Errorf("new by %s adds up to %d, not %d", b, sum, rep.Count(MeasureNew))
		}
	}
	for _, b := range []Breakdown{BySubject, ByStaffGroup} {
		sum := 0
		for _, c := range rep.categories(b) {
			sum += rep.CountBy(MeasureNew, b, c[0])
		}
		if sum < rep.Count(MeasureNew) {
			t.Errorf("new by %s adds up to %d, fewer than %d", b, sum, rep.Count(MeasureNew))
		}
	}
}

func TestReturnCountsOralExclusionInEnglandsWorkingDays(t *testing.T) {
	// Oral on Friday 1 August 2031, resolved Tuesday 5 August: Monday 4 is
	// a bank holiday in Scotland only. An NHS complaint in England counts
	// England's working days, even in a clinic keeping Scotland's holidays.
	rec := Record{Ref: "ORAL", Channel: Oral, Received: date("2031-08-01"), Resolved: date("2031-08-05"), Outcome: Upheld,
		Complainant: ComplainantPatient, Subjects: []SubjectArea{SubjectAppointments}, StaffGroups: []StaffGroup{StaffAdministration}}
	for _, r := range []ukcal.Region{ukcal.EnglandAndWales, ukcal.Scotland} {
		rep := Return(2031, []Record{rec}, r)
		if rep.Count(MeasureNew) != 1 || rep.Count(MeasureUpheld) != 1 || rep.Excluded != 0 {
			t.Errorf("clinic in %s: new %d upheld %d excluded %d, want 1 1 0", r.Name(), rep.Count(MeasureNew), rep.Count(MeasureUpheld), rep.Excluded)
		}
	}
	// Resolved on Monday 4 August instead: the next working day in England.
	rec.Resolved = date("2031-08-04")
	if rep := Return(2031, []Record{rec}, ukcal.Scotland); rep.Excluded != 1 || rep.Count(MeasureNew) != 0 {
		t.Errorf("resolved the next working day: excluded %d new %d, want 1 0", rep.Excluded, rep.Count(MeasureNew))
	}
}

func TestReturnRowsAndCSV(t *testing.T) {
	rep := Return(2025, year2025, ukcal.EnglandAndWales)
	rows := rep.Rows()
	// A total for each measure; the breakdowns for new complaints only,
	// the GP form's five staff groups, and who complained: the patient or
	// someone for them.
	breakdowns := len(SubjectAreas()) + 5 + len(AgeBands()) + 2
	if len(rows) != len(Measures())+breakdowns {
		t.Fatalf("%d rows, want %d", len(rows), len(Measures())+breakdowns)
	}
	if first := rows[0]; first != (Row{MeasureBroughtForward, ByTotal, "all", "All complaints", 2}) {
		t.Errorf("first row %+v", first)
	}
	if last := rows[len(rows)-1]; last.Measure != MeasureCarriedForward || last.Breakdown != ByTotal {
		t.Errorf("last row %+v", last)
	}

	var buf bytes.Buffer
	if err := rep.CSV(&buf); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	if !strings.HasPrefix(text, "practice_code,form,period,measure,measure_label,breakdown,breakdown_label,category,category_label,count\r\n") {
		t.Errorf("header: %q", text[:min(len(text), 100)])
	}
	if strings.Count(text, "\r\n") != len(rows)+1 || strings.Count(text, "\n") != len(rows)+1 {
		t.Errorf("line ends are not all CRLF")
	}
	for _, line := range []string{
		"2025-26,new,New,total,Total,all,All complaints,5\r\n",
		"2025-26,new,New,age_band,Age of patient,not_known,Not known,0\r\n",
		`2025-26,new,New,subject_area,Subject area,privacy_dignity,"Privacy, dignity and wellbeing",0` + "\r\n",
		`2025-26,new,New,staff_group,Staff group,nursing,"Nursing, midwifery and health visiting",2` + "\r\n",
		"2025-26,carried_forward,Carried forward,total,Total,all,All complaints,4\r\n",
	} {
		if !strings.Contains(text, line) {
			t.Errorf("CSV lacks %q", line)
		}
	}
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not read back: %v", err)
	}
	for i, row := range rows {
		if rec := records[i+1]; rec[0] != "" || rec[1] != "gp" || rec[3] != string(row.Measure) || rec[7] != row.Category || rec[8] != row.CategoryLabel {
			t.Errorf("CSV row %d %v, Rows has %+v", i+1, rec, row)
		}
	}
}

func TestReturnOfAnEmptyRegister(t *testing.T) {
	rep := Return(2030, nil, ukcal.EnglandAndWales)
	for _, row := range rep.Rows() {
		if row.Count != 0 {
			t.Errorf("empty register: %+v", row)
		}
	}
	if rep.Period() != "2030-31" || len(rep.Warnings) != 0 {
		t.Errorf("period %s, warnings %v", rep.Period(), rep.Warnings)
	}
	rep = Return(2099, []Record{{Ref: "X"}}, ukcal.EnglandAndWales)
	if rep.Period() != "2099-00" || len(rep.Warnings) != 1 {
		t.Errorf("period %s, warnings %v", rep.Period(), rep.Warnings)
	}
}

func TestAgeBandOn(t *testing.T) {
	on := date("2026-11-23")
	cases := []struct {
		dob  string
		want AgeBand
	}{
		{"2026-11-23", Age0to17},
		{"2008-11-24", Age0to17}, // 18 tomorrow
		{"2008-11-23", Age18to64},
		{"1961-11-24", Age18to64},
		{"1961-11-23", Age65to74},
		{"1951-11-24", Age65to74},
		{"1951-11-23", Age75AndOver},
		{"1920-02-29", Age75AndOver},
		{"2026-11-24", AgeNotKnown}, // born after receipt: a typing error
		{"", AgeNotKnown},
	}
	for _, c := range cases {
		var dob ukcal.Date
		if c.dob != "" {
			dob = date(c.dob)
		}
		if got := AgeBandOn(dob, on); got != c.want {
			t.Errorf("born %q: %s, want %s", c.dob, got, c.want)
		}
	}
	// Born on 29 February: 18 on 1 March in a common year.
	if AgeBandOn(date("2008-02-29"), date("2026-02-28")) != Age0to17 || AgeBandOn(date("2008-02-29"), date("2026-03-01")) != Age18to64 {
		t.Error("29 February birthday counted wrongly")
	}
}

func TestReturnWarnsOfUnknownCategories(t *testing.T) {
	rec := Record{Ref: "C-7", Channel: Written, Received: date("2030-05-01"), Complainant: ComplainantPatient,
		Subjects: []SubjectArea{"parking_fines", SubjectFacilities}, StaffGroups: []StaffGroup{"locum"}}
	rep := Return(2030, []Record{rec}, ukcal.EnglandAndWales)
	want := []string{
		`C-7 has a subject area ClinicDesk does not know ("parking_fines"): ignored`,
		`C-7 has a staff group ClinicDesk does not know ("locum"): ignored`,
		"C-7 has no staff group: counted under Other",
	}
	if !slices.Equal(rep.Warnings, want) {
		t.Errorf("warnings %q, want %q", rep.Warnings, want)
	}
	if rep.CountBy(MeasureNew, BySubject, "facilities") != 1 || rep.CountBy(MeasureNew, ByStaffGroup, "other") != 1 {
		t.Error("known categories not counted")
	}
}
