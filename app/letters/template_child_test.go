package letters

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

// childGoldenFields are goldenFields for a five-year-old, Oliver James,
// whose letters go to his father.
func childGoldenFields() Fields {
	f := goldenFields()
	p := *f.Patient
	p.Title, p.Forenames, p.DOB, p.Child = "", "Oliver James", ukcal.NewDate(2021, 3, 14), true
	f.Patient = &p
	return f
}

// Every letter the desk sends to a patient reads, for a child, as a
// letter to the parent about the child: "Oliver's appointment", "please
// bring Oliver", never "your appointment". Kept as goldens beside the
// adults' for reading.
func TestDefaultLettersForAChildSpeakOfTheChild(t *testing.T) {
	wants := map[string][]string{
		"appointment_confirmation": {"Subject: Oliver's appointment on Monday 30 November 2026",
			"This letter confirms Oliver's appointment with us.", "Please bring Oliver a few minutes early",
			"If Oliver cannot come, please call us on 029 2018 0123", "book Oliver a new one."},
		"appointment_reminder": {"Subject: Reminder: Oliver's appointment on Monday 30 November 2026",
			"This is a reminder of Oliver's appointment with us.", "Please bring Oliver a few minutes early", "If Oliver cannot come"},
		"appointment_cancelled": {"Subject: Oliver's appointment on Monday 30 November 2026 has been cancelled",
			"that Oliver's appointment on Monday 30 November 2026 at 08:45", "If you would like a new appointment for Oliver,"},
		"appointment_moved": {"Subject: Oliver's appointment has moved to Monday 30 November 2026",
			"Oliver's appointment on Friday 27 November 2026 at 16:15 has been moved. The new appointment is:"},
		"wnb_first": {"Oliver was not brought to it", "To book a new appointment for Oliver,"},
		"general":   {"Your new insoles are ready."}, // typed for this letter, by someone who knows who reads it
	}
	for name, want := range wants {
		t.Run(name, func(t *testing.T) {
			d, err := LookupDefaultTemplate(name)
			if err != nil {
				t.Fatal(err)
			}
			tp, err := ParseTemplate(name, d.Subject, d.Body)
			if err != nil {
				t.Fatal(err)
			}
			r, err := tp.Render(childGoldenFields())
			if err != nil {
				t.Fatal(err)
			}
			got := goldenText(r)
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q:\n%s", w, got)
				}
			}
			if name != "general" {
				for _, never := range []string{"your appointment", "Your appointment", "you cannot come", "book you", "Oliver James"} {
					if strings.Contains(got, never) && !(name == "wnb_first" && never == "Oliver James") {
						t.Errorf("says %q:\n%s", never, got)
					}
				}
			}
			path := filepath.Join("testdata", "templates", "child", name+".golden")
			if updatingGoldens() {
				os.MkdirAll(filepath.Dir(path), 0o755)
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if golden, err := os.ReadFile(path); err != nil || string(golden) != got {
				t.Errorf("differs from %s (run with -update if the change is meant): %v\n%s", path, err, got)
			}
		})
	}
	// The adult's letter is unchanged by the child's wording.
	d, _ := LookupDefaultTemplate("appointment_confirmation")
	tp, _ := ParseTemplate(d.Name, d.Subject, d.Body)
	r, err := tp.Render(goldenFields())
	if err != nil || r.Subject != "Your appointment on Monday 30 November 2026" || !strings.Contains(goldenText(r), "If you cannot come") ||
		strings.Contains(goldenText(r), "Zoë's") {
		t.Errorf("the adult's letter: %v\n%s", err, goldenText(r))
	}
}

func TestChildSalutationAndFirstName(t *testing.T) {
	f := childGoldenFields()
	if got, _ := f.Salutation(ToParent); got != "Dear Mr Łukasiewicz-O'Brien" {
		t.Errorf("to the father: %q", got)
	}
	f.Patient.Carer = CarerFields{}
	if got, err := f.Salutation(ToParent); got != "Dear Parent or Carer" || err != nil {
		t.Errorf("no parent or carer recorded: %q %v", got, err)
	}
	if got := NoCarerName("  Ruby   Shaw "); got != "To the parent or carer of Ruby Shaw" {
		t.Errorf("NoCarerName: %q", got)
	}
	for _, c := range []struct{ forenames, knownAs, want string }{
		{"Ruby", "", "Ruby"}, {"Oliver James", "", "Oliver"}, {"Alfred George", "Alfie", "Alfie"}, {"", "", ""}} {
		if got := FirstName(c.forenames, c.knownAs); got != c.want {
			t.Errorf("FirstName(%q, %q) = %q, want %q", c.forenames, c.knownAs, got, c.want)
		}
	}
	ex := ExampleChildFields()
	if !ex.Patient.Child || ex.Patient.Forenames != "Ruby" || ex.Patient.Carer.Surname == "" {
		t.Errorf("the example child: %+v", ex.Patient)
	}
}
