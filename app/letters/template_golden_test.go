package letters

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"clinicdesk/app/complaints"
	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"
)

// Run `go test ./app/letters/ -run TestDefaultTemplatesGolden -update` to
// rewrite the goldens after changing a default template, then read the diff.
// The flag is registered only if no other test in the package has done so.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func updatingGoldens() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// goldenFields is one fixed letter's worth of fields, with names that any
// lost accent or byte would show.
func goldenFields() Fields {
	return Fields{
		Today: ukcal.NewDate(2026, 11, 23),
		Patient: &PatientFields{
			Title: "Ms", Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien",
			DOB:          ukcal.NewDate(1979, 2, 28),
			NHSNumber:    nhs.TestNHSNumber(41),
			AddressLine1: "Flat 3, Tŷ Gwyn", AddressLine2: "14 Heol y Bont", Town: "Cardiff", Postcode: "CF10 1AB",
			GPName: "Dr Siân Ŵyn", GPPractice: "Canton Health Centre",
			Carer: CarerFields{Title: "Mr", Forenames: "Tomasz", Surname: "Łukasiewicz-O'Brien", Relationship: "Father"},
		},
		Appointment: &AppointmentFields{
			Date: ukcal.NewDate(2026, 11, 30), StartMinute: 8*60 + 45, Minutes: 30,
			Type: "New patient assessment", Clinician: "Ахмед Петров", Room: "Room 3",
			PreviousDate: ukcal.NewDate(2026, 11, 27), PreviousStartMinute: 16*60 + 15,
			CancelReason: "the clinic has to close for urgent repairs",
		},
		Clinician: &ClinicianFields{Name: "Ахмед Петров", Role: "Podiatrist"},
		Clinic: &ClinicFields{
			Name:         "Canton Foot Clinic",
			AddressLines: []string{"2 Cowbridge Road East", "Cardiff", "CF11 9AB"},
			Phone:        "029 2018 0123",
			Email:        "desk@cantonfoot.example",
		},
		Complaint: &ComplaintFields{
			Reference: "C-2026-031",
			Received:  ukcal.NewDate(2026, 11, 19), AcknowledgeBy: ukcal.NewDate(2026, 11, 24),
			ResponseDue:      ukcal.NewDate(2027, 1, 29),
			Summary:          "your mother's appointment was cancelled twice at short notice",
			ComplainantTitle: "Mr", ComplainantForenames: "Tomasz", ComplainantSurname: "Łukasiewicz-O'Brien",
			OnBehalfOf:    "Zoë Łukasiewicz-O'Brien",
			Handler:       "Gareth Jones, Clinic Manager",
			DelayReason:   "we are waiting for the repair company's report",
			Investigation: "I looked at the booking records and spoke to the two members of staff who cancelled the appointments.",
			Conclusions:   "Both cancellations were because the clinic had to close. We did not offer a new time quickly enough.\n\nI partly uphold your complaint.",
			Actions:       "- We now offer a new appointment in the same phone call as a cancellation.\n- We have apologised to your mother.",
			Outcome:       "partially upheld",
			// A clinic in Cardiff: NHS complaints go to the Welsh ombudsman.
			Ombudsman: walesReviewer.Final, OmbudsmanDelay: walesReviewer.Delay, Advocacy: walesReviewer.Advocacy,
		},
		DNA: &DNAFields{Missed: []MissedAppointment{
			{Date: ukcal.NewDate(2026, 10, 19), StartMinute: 9 * 60},
			{Date: ukcal.NewDate(2026, 11, 16), StartMinute: 13*60 + 30},
			{Date: ukcal.NewDate(2026, 11, 30), StartMinute: 8*60 + 45},
		}},
		SAR: &SARFields{Received: ukcal.NewDate(2026, 11, 6), Due: ukcal.NewDate(2026, 12, 7)},
		Referral: &ReferralFields{
			Date: ukcal.NewDate(2026, 10, 26), Urgency: "a suspected cancer referral",
			Reason:            "a lump in the left breast, found by the patient on 20 October; no family history",
			Documents:         "the two-week-wait referral form and the patient's medication list",
			PartyName:         "Breast Diagnostic Unit",
			PartyOrganisation: "St Bartholomew’s Hospital",
			PartyAddress:      []string{"West Smithfield", "London", "EC1A 7BE"},
			ReplyDueBy:        ukcal.NewDate(2026, 11, 9),
			LastChased:        ukcal.NewDate(2026, 11, 16),
		},
		Letter: &LetterFields{Subject: "Your new insoles", Body: "Your new insoles are ready.\n\nYou can collect them from reception on any weekday."},
	}
}

var walesReviewer, _ = complaints.Rules{Nation: complaints.Wales, Funding: complaints.NHSFunded}.Reviewer(complaints.NoAdjudicator)

// goldenText is how a rendered letter is kept on disk: the subject, then
// the paragraphs separated by blank lines.
func goldenText(r Rendered) string {
	return "Subject: " + r.Subject + "\n\n" + strings.Join(r.Paragraphs, "\n\n") + "\n"
}

func TestDefaultTemplatesGolden(t *testing.T) {
	defaults, err := DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range defaults {
		t.Run(d.Name, func(t *testing.T) {
			tp, err := ParseTemplate(d.Name, d.Subject, d.Body)
			if err != nil {
				t.Fatal(err)
			}
			r, err := tp.Render(goldenFields())
			if err != nil {
				t.Fatal(err)
			}
			got := goldenText(r)
			path := filepath.Join("testdata", "templates", d.Name+".golden")
			if updatingGoldens() {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s (run with -update if the change is meant):\n%s", d.Name, path, got)
			}
		})
	}
}

func TestDefaultTemplatesAreComplete(t *testing.T) {
	spec := []string{"appointment_confirmation", "appointment_reminder", "appointment_cancelled", "appointment_moved",
		"dna_first", "dna_second", "gp_letter",
		// Not named in SPEC §3: for a child who was not brought (SPEC §2.5).
		"wnb_first", "wnb_gp",
		"complaint_ack", "complaint_delay", "complaint_final", "sar_cover",
		// SPEC §2.6 asks for them by what they do: the acknowledgement to
		// the referrer, the referral letter out and its chase.
		"referral_ack", "referral_out", "referral_chase",
		"general"}
	if got := DefaultTemplateNames(); !reflect.DeepEqual(got, spec) {
		t.Fatalf("DefaultTemplateNames = %q, want SPEC §3's %q", got, spec)
	}
	files, err := defaultTemplateFiles.ReadDir("templates")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(spec) {
		t.Errorf("%d template files for %d names", len(files), len(spec))
	}
	if _, err := LookupDefaultTemplate("nonsense"); err == nil {
		t.Error("LookupDefaultTemplate(nonsense): want an error")
	}
	defaults, err := DefaultTemplates()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, fi := range FieldCatalogue() {
		known[fi.Name] = true
	}
	for name := range tmplObjects {
		known[name] = true
	}
	for _, d := range defaults {
		if errs := Validate(d.Subject, d.Body); errs != nil {
			t.Errorf("%s: %v", d.Name, errs)
			continue
		}
		tp, _ := ParseTemplate(d.Name, d.Subject, d.Body)
		for _, u := range tp.Uses() {
			if !known[u] {
				t.Errorf("%s uses %s, which is not in the field catalogue", d.Name, u)
			}
		}
		if d.Title == "" {
			t.Errorf("%s has no title", d.Name)
		}
	}
}

// TestDefaultTemplatesNeed pins down which parts of Fields each default
// letter needs, which is what the app layer must fill; and that each
// renders with just those.
func TestDefaultTemplatesNeed(t *testing.T) {
	needs := map[string]struct {
		to    string
		parts []string
	}{
		"appointment_confirmation": {ToPatient, []string{"appointment", "clinic", "patient"}},
		"appointment_reminder":     {ToPatient, []string{"appointment", "clinic", "patient"}},
		"appointment_cancelled":    {ToPatient, []string{"appointment", "clinic", "patient"}},
		"appointment_moved":        {ToPatient, []string{"appointment", "clinic", "patient"}},
		"dna_first":                {ToPatient, []string{"appointment", "clinic", "patient"}},
		"dna_second":               {ToPatient, []string{"appointment", "clinic", "dna", "patient"}},
		"gp_letter":                {ToGP, []string{"clinic", "dna", "patient"}},
		"wnb_first":                {ToParent, []string{"appointment", "clinic", "patient"}},
		"wnb_gp":                   {ToGP, []string{"clinic", "dna", "patient"}},
		"complaint_ack":            {ToComplainant, []string{"clinic", "complaint"}},
		"complaint_delay":          {ToComplainant, []string{"clinic", "complaint"}},
		"complaint_final":          {ToComplainant, []string{"clinic", "complaint"}},
		"sar_cover":                {ToPatient, []string{"clinic", "sar"}},
		"referral_ack":             {ToReferrer, []string{"appointment", "clinic", "patient", "referral"}},
		"referral_out":             {ToService, []string{"clinic", "patient", "referral"}},
		"referral_chase":           {ToService, []string{"clinic", "patient", "referral"}},
		"general":                  {ToPatient, []string{"clinic", "letter"}},
	}
	all := goldenFields()
	for _, name := range DefaultTemplateNames() {
		d, err := LookupDefaultTemplate(name)
		if err != nil {
			t.Fatal(err)
		}
		want := needs[name]
		if d.AddressedTo != want.to {
			t.Errorf("%s is addressed to %q, want %q", name, d.AddressedTo, want.to)
		}
		tp, err := ParseTemplate(name, d.Subject, d.Body)
		if err != nil {
			t.Fatal(err)
		}
		parts := map[string]bool{}
		for _, u := range tp.Uses() {
			obj, _, _ := strings.Cut(u, ".")
			parts[obj] = true
		}
		var got []string
		for p := range parts {
			got = append(got, p)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, want.parts) {
			t.Errorf("%s needs %q, want %q", name, got, want.parts)
		}
		// Only the parts it needs: everything else absent.
		var f Fields
		for _, p := range want.parts {
			switch p {
			case "appointment":
				f.Appointment = all.Appointment
			case "clinic":
				f.Clinic = all.Clinic
			case "complaint":
				f.Complaint = all.Complaint
			case "dna":
				f.DNA = all.DNA
			case "patient":
				f.Patient = all.Patient
			case "sar":
				f.SAR = all.SAR
			case "letter":
				f.Letter = all.Letter
			case "referral":
				f.Referral = all.Referral
			}
		}
		if _, err := tp.Render(f); err != nil {
			t.Errorf("%s with only %q: %v", name, want.parts, err)
		}
		if _, err := f.Salutation(d.AddressedTo); d.AddressedTo == ToPatient && f.Patient == nil && err == nil {
			t.Errorf("%s: a patient letter without a patient should have no salutation", name)
		}
	}
}

// TestDefaultTemplatesSayWhatTheyMust checks the content the rules ask
// for, in the rendered words.
func TestDefaultTemplatesSayWhatTheyMust(t *testing.T) {
	must := map[string][]string{
		"appointment_confirmation": {"Monday 30 November 2026", "08:45", "Ахмед Петров", "Room 3", "029 2018 0123", "large print"},
		"appointment_reminder":     {"Monday 30 November 2026", "08:45", "Room 3", "029 2018 0123"},
		"appointment_cancelled":    {"Monday 30 November 2026", "has been cancelled", "reason for the cancellation:\n> The clinic has to close for urgent repairs.", "029 2018 0123"},
		"appointment_moved":        {"Friday 27 November 2026 at 16:15", "Monday 30 November 2026", "08:45"},
		"dna_first":                {"did not come", "To book a new appointment", "029 2018 0123", "discharge", "your care with us would end."},
		"dna_second":               {"3 appointments", "- Monday 19 October 2026 at 09:00", "discharge", "your care with us would end.", "let your GP know", "029 2018 0123"},
		"gp_letter":                {"Zoë Łukasiewicz-O'Brien", "28 February 1979", nhs.FormatNHSNumber(nhs.TestNHSNumber(41)), "3 appointments", "discharged"},
		"complaint_ack":            {"19 November 2026", "understood your complaint:\n> Your mother's appointment was cancelled twice at short notice.", "how we will look into your complaint", "when you can expect our full response", "Friday 29 January 2027", "C-2026-031", "on behalf of Zoë Łukasiewicz-O'Brien", "will not affect", "Llais"},
		"complaint_delay":          {"later than we told you", "This is the reason for the delay:\n> We are waiting for the repair company's report.", "Friday 29 January 2027", "Public Services Ombudsman for Wales", "www.ombudsman.wales"},
		"complaint_final":          {"How we looked into your complaint", "What we found", "I partly uphold your complaint.", "Our decision is that your complaint is partially upheld.", "What we have done", "Public Services Ombudsman for Wales", "0300\u00a0790\u00a00203", "www.ombudsman.wales"},
		"sar_cover":                {"6 November 2026", "enclosed", "Information Commissioner", "0303 123 1113"},
		"general":                  {"Your new insoles are ready.", "029 2018 0123"},
	}
	for name, phrases := range must {
		d, err := LookupDefaultTemplate(name)
		if err != nil {
			t.Fatal(err)
		}
		tp, err := ParseTemplate(name, d.Subject, d.Body)
		if err != nil {
			t.Fatal(err)
		}
		r, err := tp.Render(goldenFields())
		if err != nil {
			t.Fatal(err)
		}
		text := r.Subject + "\n" + strings.Join(r.Paragraphs, "\n")
		for _, p := range phrases {
			if !strings.Contains(text, p) {
				t.Errorf("%s does not say %q", name, p)
			}
		}
		// Dates in words and times on the 24-hour clock only.
		if bad := notUKStyle.FindString(text); bad != "" {
			t.Errorf("%s contains %q", name, bad)
		}
	}
	// The GP letter greets the GP by the GP's name.
	d, _ := LookupDefaultTemplate("gp_letter")
	if got, _ := goldenFields().Salutation(d.AddressedTo); got != "Dear Dr Ŵyn" {
		t.Errorf("GP letter salutation = %q, want Dear Dr Ŵyn", got)
	}
}

// notUKStyle finds numeric dates and 12-hour times.
var notUKStyle = regexp.MustCompile(`\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\b\d{1,2}(:\d\d)?\s?(am|pm|a\.m\.|p\.m\.)`)

func TestParseDefaultTemplateFileErrors(t *testing.T) {
	for _, src := range []string{
		"Title: X\nTo: patient\nSubject: S\nBody with no blank line",
		"Title: X\nTo: solicitor\nSubject: S\n\nBody",
		"Title: X\nFrom: me\nSubject: S\n\nBody",
		"To: patient\nSubject: S\n\nBody",
		"Title X\nTo: patient\nSubject: S\n\nBody",
	} {
		if _, err := parseDefaultTemplate(src); err == nil {
			t.Errorf("parseDefaultTemplate(%q): want an error", src)
		}
	}
}
