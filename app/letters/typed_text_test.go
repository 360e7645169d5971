package letters

import (
	"strings"
	"testing"
)

// The worst a receptionist can type, as it prints set off in a letter.
func TestTypedReasonStandsOnItsOwn(t *testing.T) {
	long := strings.Repeat("The clinic's boiler failed and the engineer cannot come until next week ", 8)
	tests := []struct{ name, typed, want string }{
		{"empty", "", ""},
		{"only spaces", "   \t  \n  ", ""},
		{"only stops", " .. ", ""},
		{"one word", "Unwell", "Unwell."},
		{"lower-case start", "clinician unwell", "Clinician unwell."},
		{"two stops", "We are waiting… on leave..", "We are waiting… on leave."},
		{"two stops inside", "unwell.. back next week... maybe", "Unwell. back next week... maybe."},
		{"three stops", "on leave...", "On leave."},
		{"ellipsis", "on leave…", "On leave."},
		{"spaced stop", "on leave .", "On leave."},
		{"exclaim and ask", "really!?", "Really!?"},
		{"shouting", "closed!!!", "Closed!"},
		{"question", "can you come earlier?", "Can you come earlier?"},
		{"leading because", "because the physiotherapist is unwell", "The physiotherapist is unwell."},
		{"leading Because of", "Because of staff illness.", "Staff illness."},
		{"this is because", "This is because, the room flooded", "The room flooded."},
		{"because inside a word", "becausemaybe", "Becausemaybe."},
		{"because alone", "because", "Because."},
		{"several lines", "  the room flooded\n\n\n  we are sorry  ", "The room flooded.\nWe are sorry."},
		{"a line broken mid-sentence", "the room\nflooded", "The room\nflooded."},
		{"quotes inside", `she said "not today"`, `She said "not today".`},
		{"stop inside quote", `she said "not today."`, `She said "not today."`},
		{"opening quote", `"unwell"`, `"Unwell".`},
		{"bracket", "(see letter)", "(See letter)."},
		{"brand", "iPhone booking failed", "iPhone booking failed."},
		{"number first", "3 clinicians off sick", "3 clinicians off sick."},
		{"Welsh and Polish", "ŵyr Siân yn sâl; Łukasz też", "Ŵyr Siân yn sâl; Łukasz też."},
		{"emoji", "unwell 🤒", "Unwell 🤒."},
		{"tabs and runs of spaces", "the\tclinic   is   closed", "The clinic is closed."},
		{"very long", long, strings.TrimSpace(long) + "."},
	}
	for _, tt := range tests {
		if got := tidyReason(tt.typed); got != tt.want {
			t.Errorf("%s: tidyReason(%q) = %q, want %q", tt.name, tt.typed, got, tt.want)
		}
	}
	// A summary keeps a leading "because": it is not a reason.
	if got := tidyPassage("because the phones were down I could not book"); got != "Because the phones were down I could not book." {
		t.Errorf("tidyPassage = %q", got)
	}
}

// Whatever is typed, the sentence before the reason is the template's own
// and the reason stands on lines of its own, set off; blank text leaves the
// whole passage out.
func TestTypedTextIsSetOffInTheLetter(t *testing.T) {
	d, _ := LookupDefaultTemplate("appointment_cancelled")
	tp, err := ParseTemplate(d.Name, d.Subject, d.Body)
	if err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{"Unwell", "because we are waiting… on leave..", "the room flooded\n\nsorry!?", " ", ".", "🤒", "> quoted\n- a dash"} {
		f := goldenFields()
		f.Appointment.CancelReason = typed
		r, err := tp.Render(f)
		if err != nil {
			t.Fatalf("%q: %v", typed, err)
		}
		text := strings.Join(r.Paragraphs, "\n\n")
		for _, bad := range []string{"because Unwell", "..", "because we", "This is because"} {
			if strings.Contains(text, bad) {
				t.Errorf("%q prints %q:\n%s", typed, bad, text)
			}
		}
		var lead, quoted []string
		for _, p := range r.Paragraphs {
			if strings.Contains(p, "reason for the cancellation") {
				for _, l := range strings.Split(p, "\n") {
					if q, ok := setOffText(l); ok {
						quoted = append(quoted, q)
					} else {
						lead = append(lead, l)
					}
				}
			}
		}
		if tidyReason(typed) == "" {
			if len(lead)+len(quoted) > 0 {
				t.Errorf("%q says nothing, yet the letter gives a reason:\n%s", typed, text)
			}
			continue
		}
		if want := strings.Split(tidyReason(typed), "\n"); strings.Join(quoted, "\n") != strings.Join(want, "\n") || len(lead) != 1 || !strings.HasSuffix(lead[0], ":") {
			t.Errorf("%q: lead %q, set off %q, want set off %q", typed, lead, quoted, want)
		}
	}
}

// The editor refuses typed text inside a sentence or the subject, and
// accepts it set off; a template saved before the rule still prints, its
// text as typed.
func TestTypedTextMustBeSetOffInTheEditor(t *testing.T) {
	for _, body := range []string{
		"This is because {{appointment.cancel_reason}}.\n",
		"> {{appointment.cancel_reason}} and more\n",
		"Reason: > {{complaint.delay_reason}}\n",
		"{{complaint.summary}}\n",
	} {
		errs := Validate("Subject", body)
		if len(errs) != 1 || !strings.Contains(errs[0].Message, "typed by staff") || !strings.Contains(errs[0].Message, `"> "`) {
			t.Errorf("%q: %v", body, errs)
		}
	}
	if errs := Validate("About {{complaint.summary}}", "Text.\n"); len(errs) != 1 || !errs[0].InSubject {
		t.Errorf("typed text in the subject: %v", errs)
	}
	for _, body := range []string{
		"We were told:\n> {{appointment.cancel_reason}}\n",
		"We were told:\n\n   >    {{complaint.summary}}   \n",
		"{{#if complaint.delay_reason}}\n> {{complaint.delay_reason}}\n{{/if}}\n",
	} {
		if errs := Validate("Subject", body); errs != nil {
			t.Errorf("%q: %v", body, errs)
		}
	}
	old, err := ParseTemplate("old", "S", "This is because {{appointment.cancel_reason}}.\n")
	if err != nil {
		t.Fatal(err)
	}
	r, err := old.Render(goldenFields())
	if err != nil || r.Paragraphs[0] != "This is because the clinic has to close for urgent repairs." {
		t.Errorf("an old template: %q, %v", r.Paragraphs, err)
	}
}

// "Your GP would need to refer you again" only for a patient the record
// says their GP referred.
func TestGPReferralSentenceOnlyWhenRecorded(t *testing.T) {
	for _, name := range []string{"dna_first", "dna_second"} {
		d, _ := LookupDefaultTemplate(name)
		tp, err := ParseTemplate(name, d.Subject, d.Body)
		if err != nil {
			t.Fatal(err)
		}
		for _, referred := range []bool{false, true} {
			f := goldenFields()
			f.Patient.GPReferral = referred
			r, err := tp.Render(f)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(r.Paragraphs, "\n")
			if got := strings.Contains(text, "your GP would need to refer you again"); got != referred {
				t.Errorf("%s, GP referral %v: says the GP would refer again: %v\n%s", name, referred, got, text)
			}
			if !strings.Contains(text, "This means your care with us would end") {
				t.Errorf("%s lost the sentence:\n%s", name, text)
			}
		}
	}
}

// The final response says the decision, and will not print without one.
func TestFinalResponseStatesTheOutcome(t *testing.T) {
	d, _ := LookupDefaultTemplate("complaint_final")
	tp, err := ParseTemplate(d.Name, d.Subject, d.Body)
	if err != nil {
		t.Fatal(err)
	}
	for _, outcome := range []string{"upheld", "partially upheld", "not upheld"} {
		f := goldenFields()
		f.Complaint.Outcome = outcome
		r, err := tp.Render(f)
		if err != nil {
			t.Fatal(err)
		}
		if want := "Our decision is that your complaint is " + outcome + "."; !strings.Contains(strings.Join(r.Paragraphs, "\n"), want) {
			t.Errorf("no %q in %q", want, r.Paragraphs)
		}
	}
	f := goldenFields()
	f.Complaint.Outcome = ""
	if _, err := tp.Render(f); err == nil || !strings.Contains(err.Error(), "no outcome yet") {
		t.Errorf("rendered with no outcome: %v", err)
	}
}

// In the PDF the reason typed by staff stands indented under the sentence
// that introduces it, each of its lines, and the greeting is the title and
// surname, whatever the reason holds.
func TestSetOffPassagePrintsIndentedUnderItsLeadIn(t *testing.T) {
	needPoppler(t)
	d, _ := LookupDefaultTemplate("appointment_cancelled")
	tp, err := ParseTemplate(d.Name, d.Subject, d.Body)
	if err != nil {
		t.Fatal(err)
	}
	f := goldenFields()
	f.Patient.Forenames, f.Patient.Surname = "Siân Małgorzata", "Llywelyn-Wójcik"
	f.Appointment.CancelReason = "because Zażółć gęślą jaźń..\n\nsorry 🙏!?"
	r, err := tp.Render(f)
	if err != nil {
		t.Fatal(err)
	}
	sal, _ := f.Salutation(ToPatient)
	l := sampleLetter()
	l.Salutation, l.Paragraphs = sal+",", r.Paragraphs
	pdf, _ := renderLetter(t, l)
	path := writePDF(t, "set-off.pdf", pdf)
	text := squash(pdfText(t, path))
	if !strings.Contains(text, "Dear Ms Llywelyn-Wójcik, We are writing") {
		t.Errorf("greeting:\n%s", text)
	}
	if !strings.Contains(text, "We have noted this reason for the cancellation: Zażółć gęślą jaźń. Sorry") || strings.Contains(text, "because") {
		t.Errorf("the reason:\n%s", text)
	}
	x := map[string]float64{}
	for _, w := range wordBoxes(t, path) {
		if _, seen := x[w.word]; !seen {
			x[w.word] = w.xMin
		}
	}
	lead, first, second := x["We"], x["Zażółć"], x["Sorry"]
	if lead == 0 || first == 0 || second == 0 {
		t.Fatalf("words not found: %v", x)
	}
	if first < lead+5*mmToPt || second != first {
		t.Errorf("the reason is not set off: the lead-in starts at %.1f pt, its lines at %.1f and %.1f", lead, first, second)
	}
}

// The final response's findings, typed as paragraphs, start with a capital
// and end with one stop; lists and line breaks are kept as typed.
func TestFindingsParagraphsAreTidied(t *testing.T) {
	for in, want := range map[string]string{
		"the phones were short-staffed..":           "The phones were short-staffed.",
		"we spoke to reception\n\ni uphold it":      "We spoke to reception.\n\nI uphold it.",
		"- we now answer from 8am\n- we apologised": "- we now answer from 8am\n- we apologised",
		"We changed two things:\n- rota\n- phones":  "We changed two things:\n- rota\n- phones",
		"  ":                      "  ",
		"Dear me!? we were wrong": "Dear me!? we were wrong.",
		"line one\nline two\n\n- a\n- b\n\nlast para..": "Line one\nline two.\n\n- a\n- b\n\nLast para.",
	} {
		if got := tidyProse(in); got != want {
			t.Errorf("tidyProse(%q) = %q, want %q", in, got, want)
		}
	}
}
