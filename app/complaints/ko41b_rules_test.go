package complaints

import (
	"slices"
	"testing"

	"clinicdesk/app/ukcal"
)

// The return counts NHS complaints in England only; the rest received in
// the year are counted apart, so the manager can see why the totals differ
// from the register.
func TestReturnCountsNHSComplaintsInEnglandOnly(t *testing.T) {
	base := Record{Channel: Written, Received: date("2030-05-01"), Complainant: ComplainantPatient,
		Subjects: []SubjectArea{SubjectClinical}, StaffGroups: []StaffGroup{StaffDentist}}
	with := func(ref string, r Rules) Record { rec := base; rec.Ref, rec.Rules = ref, r; return rec }
	recs := []Record{
		with("ENGLAND-NHS", EnglandNHS),
		with("OLD-RECORD", Rules{}), // before rule sets: England NHS
		with("WALES-NHS", Rules{Wales, NHSFunded}),
		with("SCOTLAND-NHS", Rules{Scotland, NHSFunded}),
		with("NI-NHS", Rules{NorthernIreland, NHSFunded}),
		with("ENGLAND-PRIVATE", Rules{England, Private}),
	}
	last := with("WALES-LAST-YEAR", Rules{Wales, NHSFunded})
	last.Received = date("2030-03-01")
	recs = append(recs, last)
	rep := ReturnFor(ReturnOptions{Year: 2030, Variant: DentalReturn, ODSCode: "V12345"}, recs, ukcal.EnglandAndWales)
	if rep.Count(MeasureNew) != 2 || rep.NotNHSEngland != 4 {
		t.Errorf("new %d, not NHS in England %d; want 2 and 4", rep.Count(MeasureNew), rep.NotNHSEngland)
	}
	if rep.Variant != DentalReturn || rep.ODSCode != "V12345" {
		t.Errorf("variant %q, code %q", rep.Variant, rep.ODSCode)
	}
	if rep.CountBy(MeasureNew, ByStaffGroup, string(StaffDentist)) != 2 {
		t.Errorf("dentist: %d, want 2", rep.CountBy(MeasureNew, ByStaffGroup, string(StaffDentist)))
	}
}

// The dental form has its professional areas; a GP staff group on a dental
// return (or the reverse) is counted under Other, with a warning.
func TestReturnVariantsHaveTheirOwnStaffGroups(t *testing.T) {
	rec := Record{Ref: "C-1", Channel: Written, Received: date("2030-05-01"), Complainant: ComplainantOnBehalf,
		Subjects: []SubjectArea{SubjectClinical}, StaffGroups: []StaffGroup{StaffGP, StaffDentalCare}}
	dental := ReturnFor(ReturnOptions{Year: 2030, Variant: DentalReturn}, []Record{rec}, ukcal.EnglandAndWales)
	if dental.CountBy(MeasureNew, ByStaffGroup, "other") != 1 || dental.CountBy(MeasureNew, ByStaffGroup, "dental_care") != 1 {
		t.Errorf("dental: other %d, dental care %d", dental.CountBy(MeasureNew, ByStaffGroup, "other"), dental.CountBy(MeasureNew, ByStaffGroup, "dental_care"))
	}
	if want := "C-1 names GP, which is not on the dental practice form: counted under Other"; !slices.Contains(dental.Warnings, want) {
		t.Errorf("warnings %q", dental.Warnings)
	}
	var groups []string
	for _, row := range dental.Rows() {
		if row.Breakdown == ByStaffGroup {
			groups = append(groups, row.CategoryLabel)
		}
	}
	if !slices.Equal(groups, []string{"Dentist", "Dental care professionals", "Practice management/administration", "Other"}) {
		t.Errorf("dental staff rows %q", groups)
	}
	if DentalReturn.StaffHeading() != "Professional area" || GPReturn.StaffHeading() != "Staff group" {
		t.Error("staff headings")
	}
	gp := ReturnFor(ReturnOptions{Year: 2030}, []Record{rec}, ukcal.EnglandAndWales)
	if gp.Variant != GPReturn || gp.CountBy(MeasureNew, ByStaffGroup, "gp") != 1 || gp.CountBy(MeasureNew, ByStaffGroup, "other") != 1 {
		t.Errorf("GP form: %q gp %d other %d", gp.Variant, gp.CountBy(MeasureNew, ByStaffGroup, "gp"), gp.CountBy(MeasureNew, ByStaffGroup, "other"))
	}
}

func TestParseODSCode(t *testing.T) {
	for in, want := range map[string]string{"a81001": "A81001", " A81 001 ": "A81001", "": "", "123456/0001": "123456/0001"} {
		if got, err := ParseODSCode(in); err != nil || got != want {
			t.Errorf("ParseODSCode(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"A8", "A81001!", "Å81001", "=HYPERLINK(1)", "A810011234567890123456"} {
		if _, err := ParseODSCode(bad); err == nil {
			t.Errorf("ParseODSCode(%q) passed", bad)
		}
	}
	if v, err := ParseReturnVariant("Dental"); err != nil || v != DentalReturn {
		t.Errorf("ParseReturnVariant(Dental) = %q, %v", v, err)
	}
}
