package letters

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

// sarLondon stands in for Europe/London in November (GMT), so these tests
// need no time-zone database.
var sarLondon = time.FixedZone("GMT", 0)

func sarAt(day, hour, minute int) time.Time {
	return time.Date(2026, 11, day, hour, minute, 0, 0, sarLondon)
}

func sampleSAR() SARData {
	return SARData{
		Clinic: SARClinic{
			Name:    "Clinig Iechyd Siân",
			Address: "1 Heol y Frenhines\nCaerdydd\nCF10 1AA",
			Phone:   "029 2018 0123",
			Email:   "desk@clinig.example",
		},
		Patient:    "Zoë Łukasiewicz-O'Brien",
		DOB:        ukcal.NewDate(1980, 3, 12),
		NHSNumber:  "999 000 0018",
		Received:   ukcal.NewDate(2026, 11, 23),
		Produced:   sarAt(24, 14, 5),
		ProducedBy: "Ахмед Іванов",
		Details: []SARFieldGroup{
			{Title: "About you", Fields: []SARField{
				{"Title", "Ms"}, {"Forenames", "Zoë"}, {"Surname", "Łukasiewicz-O'Brien"},
				{"Preferred name", ""}, {"Date of birth", "12 March 1980"},
			}},
			{Title: "How to contact you", Fields: []SARField{
				{"Address", "Flat 2, 14 Ffordd y Parc\nCaerdydd\nCF24 3AA"}, {"Mobile phone", "07700 900123"},
			}},
		},
		Communication: []SARField{{"Preferred language", "Polish"}, {"Interpreter needed", "Yes"},
			{"Communication needs", "Large print; BSL interpreter"}, {"Needs last reviewed", "1 October 2026"}},
		Alerts: []SARField{{"Do not see alone", "Prefers a chaperone"}},
		Appointments: []SARAppointment{
			{Date: ukcal.NewDate(2026, 11, 24), Time: "10:15–10:45", What: "Review with Dr Asha Patel, Room 2",
				Status: "Cancelled by the clinic", History: []SAREvent{
					{At: sarAt(20, 9, 31), By: "Ахмед Іванов", What: "Booked"},
					{At: sarAt(23, 8, 5), By: "Ann Manager", What: "Cancelled by the clinic: clinician off sick"},
				}},
		},
		Referrals: []SARReferral{
			{Date: ukcal.NewDate(2026, 11, 2), What: "Referral to us from Dr A Khan, Harbour Medical Practice (your GP): routine, for knee pain",
				Status: "Open", Events: []SARPathwayEvent{
					{On: ukcal.NewDate(2026, 11, 2), What: "Referral received", By: "Ахмед Іванов"},
					{On: ukcal.NewDate(2026, 11, 20), What: "First appointment booked", By: "Ахмед Іванов", Note: "Booked by phone."},
				}},
		},
		Notes: []SARNote{
			{At: sarAt(20, 9, 30), Title: "Phone call from you", By: "Ахмед Іванов",
				Text: "Asked to move her appointment; Ахмед offered Tuesday."},
		},
		FollowUps: []SARFollowUp{
			{Title: "Send large-print letter", Note: "18 point, on cream paper", Due: ukcal.NewDate(2026, 11, 27), Owner: "Ann Manager",
				Added: sarAt(20, 9, 35), AddedBy: "Ахмед Іванов"},
			{Title: "Book interpreter", Due: ukcal.NewDate(2026, 11, 21), Owner: "Ann Manager",
				Added: sarAt(20, 9, 36), AddedBy: "Ann Manager", Done: sarAt(21, 16, 0), DoneBy: "Ann Manager"},
		},
		History: []SAREvent{{At: sarAt(2, 8, 0), By: "Ann Manager", What: "Record created"}},
		Access: []SAREvent{
			{At: sarAt(2, 8, 0), By: "Ann Manager (practice manager)", What: "Created your record"},
			{At: sarAt(20, 9, 29), By: "Ахмед Іванов (receptionist)", What: "Looked at your record"},
		},
	}
}

// longSAR has enough notes and access entries to run over several pages.
func longSAR() SARData {
	s := sampleSAR()
	for i := 0; i < 40; i++ {
		s.Notes = append(s.Notes, SARNote{At: sarAt(1+i%28, 10, i), Title: "Note", By: "Ann Manager",
			Text: fmt.Sprintf("Note %d: Zoë rang about her appointment and asked for a large-print letter. "+
				"We agreed to post it second class.", i+1)})
	}
	for i := 0; i < 150; i++ {
		s.Access = append(s.Access, SAREvent{At: sarAt(1+i%28, 11, i%60), By: "Ахмед Іванов (receptionist)",
			What: "Looked at your record"})
	}
	return s
}

func renderSAR(t *testing.T, s SARData) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := SubjectAccessPDF(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSubjectAccessPDFText(t *testing.T) {
	needPoppler(t)
	path := writePDF(t, "sar.pdf", renderSAR(t, sampleSAR()))
	raw := pdfText(t, path)
	text := squash(raw)
	for _, want := range []string{
		"PRIVATE AND CONFIDENTIAL",
		"Clinig Iechyd Siân",
		"A copy of your record",
		"prepared in answer to your request under UK data protection law",
		"Zoë Łukasiewicz-O'Brien",
		"Ахмед Іванов",
		"12 March 1980",
		"999 000 0018",
		"Request received 23 November 2026",
		"Copy prepared 24 November 2026 by Ахмед Іванов",
		"ico.org.uk", "0303 123 1113",
		"call us on 029 2018 0123, email desk@clinig.example or write to us at 1 Heol y Frenhines, Caerdydd, CF10 1AA.",
		"Your appointments (1 appointment)",
		"Notes and phone calls (1 entry)",
		"Follow-ups (2 follow-ups)",
		"Referrals to us and from us (1 referral)",
		"– 20 November 2026: First appointment booked. Booked by phone. Recorded by Ахмед Іванов.",
		"Send large-print letter 18 point, on cream paper",
		"1. Your personal details",
		"2. Communication needs and alerts",
		"3. Your appointments",
		"4. Referrals",
		"5. Notes and phone calls",
		"6. Follow-ups",
		"7. History of your record",
		"8. Who has looked at or changed your record",
		"Appointment and what happened", "Status now",
		"24 November 2026", "10:15–10:45", "Review with Dr Asha Patel, Room 2", "Cancelled by the clinic",
		"– 20 November 2026 at 09:31: Booked. Recorded by Ахмед Іванов.",
		"– 23 November 2026 at 08:05: Cancelled by the clinic: clinician off sick. Recorded by Ann Manager.",
		"Preferred name Not recorded",
		"Do not see alone Prefers a chaperone",
		"Friday 20 November 2026 at 09:30, by Ахмед Іванов",
		"Asked to move her appointment; Ахмед offered Tuesday.",
		"27 November 2026",
		"Still open",
		"Done 21 November 2026 by Ann Manager",
		"20 November 2026 09:29 Ахмед Іванов (receptionist) Looked at your record",
		"Page 1 of",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("SAR text lacks %q:\n%s", want, raw)
		}
	}
	checkInsideMargins(t, path)
}

func TestSubjectAccessPDFLongRecordIsNumbered(t *testing.T) {
	needPoppler(t)
	path := writePDF(t, "sar-long.pdf", renderSAR(t, longSAR()))
	pages := pageCount(t, path)
	if pages < 4 {
		t.Fatalf("long record fits on %d pages; make it longer", pages)
	}
	text := squash(pdfText(t, path))
	for p := 1; p <= pages; p++ {
		if want := fmt.Sprintf("Page %d of %d", p, pages); !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	// The access table's heading row is repeated on every page it runs onto.
	if n := strings.Count(text, "Date Time Staff member What they did"); n < 2 {
		t.Errorf("access table heading printed %d times, want it on each page", n)
	}
	if n := strings.Count(text, "Looked at your record"); n != 151 {
		t.Errorf("%d access rows printed, want 151", n)
	}
	checkInsideMargins(t, path)
}

func TestSubjectAccessPDFFontsEmbedded(t *testing.T) {
	needPoppler(t)
	path := writePDF(t, "sar-fonts.pdf", renderSAR(t, sampleSAR()))
	fs := fonts(t, path)
	if len(fs) < 2 {
		t.Fatalf("want regular and bold fonts, pdffonts lists %v", fs)
	}
	for _, f := range fs {
		if f.embedded != "yes" {
			t.Errorf("font %q is not embedded", f.name)
		}
		if !strings.Contains(strings.ToLower(f.name), "dejavu") {
			t.Errorf("unexpected font %q", f.name)
		}
	}
}

func TestSubjectAccessPDFIsDeterministic(t *testing.T) {
	first := renderSAR(t, longSAR())
	for i := 0; i < 3; i++ {
		if !bytes.Equal(first, renderSAR(t, longSAR())) {
			t.Fatalf("run %d: same inputs gave different PDF bytes", i+2)
		}
	}
	later := longSAR()
	later.Produced = later.Produced.Add(time.Minute)
	if bytes.Equal(first, renderSAR(t, later)) {
		t.Error("a different production time gave identical bytes")
	}
}

func TestSubjectAccessPDFEmptyRecord(t *testing.T) {
	needPoppler(t)
	s := sampleSAR()
	s.Details, s.Communication, s.Alerts, s.Appointments, s.Notes, s.FollowUps, s.History, s.Access = nil, nil, nil, nil, nil, nil, nil, nil
	s.Referrals = nil
	s.DOB, s.NHSNumber = ukcal.Date{}, ""
	s.RequestedBy = "Smith & Co Solicitors, on Zoë’s behalf"
	text := squash(pdfText(t, writePDF(t, "sar-empty.pdf", renderSAR(t, s))))
	for _, want := range []string{
		"Requested by Smith & Co Solicitors, on Zoë’s behalf",
		"prepared in answer to a request made on your behalf",
		"There are no alerts on your record.",
		"There are no appointments on your record.",
		"Your appointments (none)",
		"There are no notes or phone calls on your record.",
		"There are no follow-ups on your record.",
		"There are no referrals on your record.",
		"Notes and phone calls (none)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Date of birth") || strings.Contains(text, "NHS number") {
		t.Errorf("cover shows a date of birth or NHS number that was not given:\n%s", text)
	}
}

func TestSubjectAccessPDFRejectsMissingFields(t *testing.T) {
	for name, blank := range map[string]func(*SARData){
		"clinic name":    func(s *SARData) { s.Clinic.Name = "" },
		"patient's name": func(s *SARData) { s.Patient = " " },
		"request was":    func(s *SARData) { s.Received = ukcal.Date{} },
		"copy was made":  func(s *SARData) { s.Produced = time.Time{} },
	} {
		s := sampleSAR()
		blank(&s)
		var buf bytes.Buffer
		err := SubjectAccessPDF(&buf, s)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("blank %s: err = %v", name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("blank %s: wrote %d bytes", name, buf.Len())
		}
	}
}
