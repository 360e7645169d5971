package letters

import (
	"strings"
	"testing"
)

// The second DNA letter, sent when only one missed appointment is on
// record (the manager's choice, or older ones outside the window), does
// not claim an earlier letter nor list one date as "these appointments".
func TestSecondDNALetterReadsRightWithOneMissedAppointment(t *testing.T) {
	d, err := LookupDefaultTemplate("dna_second")
	if err != nil {
		t.Fatal(err)
	}
	tp, err := ParseTemplate(d.Name, d.Subject, d.Body)
	if err != nil {
		t.Fatal(err)
	}
	one := ExampleFields()
	one.DNA = &DNAFields{Missed: one.DNA.Missed[:1]}
	r, err := tp.Render(one)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(r.Paragraphs, "\n")
	for _, wrong := range []string{"We wrote to you the last time", "these appointments"} {
		if strings.Contains(text, wrong) {
			t.Errorf("with one missed appointment the letter says %q:\n%s", wrong, text)
		}
	}
	r, err = tp.Render(ExampleFields())
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(r.Paragraphs, "\n"); !strings.Contains(text, "We wrote to you the last time") || !strings.Contains(text, "these appointments") {
		t.Errorf("with two missed appointments the letter lost its history:\n%s", text)
	}
}
