package letters

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

func TestKO41bPDFPrintsEveryFigureOfTheReturn(t *testing.T) {
	needPoppler(t)
	day := ukcal.MustParseDate
	rep := complaints.ReturnFor(complaints.ReturnOptions{Year: 2025, Variant: complaints.DentalReturn, ODSCode: "V12345"}, []complaints.Record{
		{Ref: "C-2025-001", Channel: complaints.Written, Received: day("2025-02-10"), Complainant: complaints.ComplainantPatient,
			PatientDOB: day("1984-02-29"), Subjects: []complaints.SubjectArea{complaints.SubjectClinical},
			StaffGroups: []complaints.StaffGroup{complaints.StaffGP}, Resolved: day("2025-05-12"), Outcome: complaints.Upheld},
		{Ref: "C-2025-002", Channel: complaints.Email, Received: day("2025-06-02"), Complainant: complaints.ComplainantOnBehalf,
			Subjects: []complaints.SubjectArea{complaints.SubjectPrivacyDignity}, StaffGroups: []complaints.StaffGroup{complaints.StaffDentalCare}},
		// Not counted: from someone neither the patient nor acting for them, and private care.
		{Ref: "C-2025-004", Channel: complaints.Email, Received: day("2025-06-03"), Complainant: complaints.ComplainantOther,
			Subjects: []complaints.SubjectArea{complaints.SubjectClinical}, StaffGroups: []complaints.StaffGroup{complaints.StaffDentist}},
		{Ref: "C-2025-005", Channel: complaints.Email, Received: day("2025-06-04"), Complainant: complaints.ComplainantPatient,
			Rules:    complaints.Rules{Nation: complaints.England, Funding: complaints.Private},
			Subjects: []complaints.SubjectArea{complaints.SubjectClinical}, StaffGroups: []complaints.StaffGroup{complaints.StaffDentist}},
		{Ref: "C-2025-003", Channel: complaints.Oral, Received: day("2025-10-06"), Complainant: complaints.ComplainantPatient,
			Resolved: day("2025-10-07"), Outcome: complaints.NotUpheld},
	}, "")
	var buf bytes.Buffer
	printed := time.Date(2026, 11, 23, 9, 30, 0, 0, ukcal.London())
	if err := RenderKO41b(&buf, KO41b{ClinicName: "Clinig Iechyd Siân", Report: rep, Printed: printed}); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, writePDF(t, "ko41b.pdf", buf.Bytes()))
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Clinig Iechyd Siân", "Complaints return KO41(b) 2025-26",
		"Complaints from 1 April 2025 to 31 March 2026", "Produced 23/11/2026 at 09:30",
		"Brought forward 1 + new 1 − resolved 1 = carried forward 1.",
		"left out of the return: 1.",
		"Dental practice form. Practice code: V12345",
		"1 about private care or under the procedure of Wales, Scotland or Northern Ireland; 1 from someone neither the patient nor acting for them",
		"Subject area", "Professional area", "Age of patient", "Status of complainant",
		"breakdowns below are of new complaints only",
		"Carried forward 1 1 1 0 0 1",
		"Privacy, dignity and wellbeing 1 Other 0",
		"Professional area New Dentist 0 Dental care professionals 1",
		"18–64 0 65–74 0 75 and over 0 Not known 1",
		"Patient 0 Someone on the patient's behalf 1",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF does not say %q:\n%s", want, flat)
		}
	}
	if regexp.MustCompile(`C-2025-00\d`).MatchString(text) {
		t.Errorf("a complaint's reference is printed although nothing needs checking: %v", rep.Warnings)
	}
	var again bytes.Buffer
	if err := RenderKO41b(&again, KO41b{ClinicName: "Clinig Iechyd Siân", Report: rep, Printed: printed}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("the same return rendered twice differs")
	}
}
