package letters

import (
	"embed"
	"fmt"
	"strings"
)

// The default letter templates live one per file in templates/, so they
// read (and are reviewed) as letters rather than Go strings. Each file is
// a few "Key: value" header lines, a blank line, then the body:
//
//	Title: Appointment reminder
//	To: patient
//	Subject: Reminder: your appointment on {{appointment.date}}
//
//	This is a reminder of your appointment with us.
//
//go:embed templates/*.tmpl
var defaultTemplateFiles embed.FS

// defaultTemplateNames are the template names of SPEC §3, in the order a
// template list shows them.
var defaultTemplateNames = []string{
	"appointment_confirmation", "appointment_reminder", "appointment_cancelled", "appointment_moved",
	"dna_first", "dna_second", "gp_letter", "wnb_first", "wnb_gp",
	"complaint_ack", "complaint_delay", "complaint_final",
	"sar_cover", "referral_ack", "referral_out", "referral_chase", "general",
}

// DefaultTemplate is one of the letters ClinicDesk starts with. A body
// starts after the salutation and stops before the sign-off: the letter
// layout prints "Dear …" (Fields.Salutation(AddressedTo)) and "Yours
// sincerely" with the signatory.
type DefaultTemplate struct {
	Name        string // as in SPEC §3, "appointment_reminder"
	Title       string // for lists and the editor, "Appointment reminder"
	AddressedTo string // ToPatient, ToGP or ToComplainant
	Subject     string
	Body        string
}

// DefaultTemplateNames lists the template names of SPEC §3 in the order a
// template list shows them.
func DefaultTemplateNames() []string { return append([]string(nil), defaultTemplateNames...) }

// DefaultTemplates returns every default template in DefaultTemplateNames
// order. The embedded files are checked by the tests, so an error here
// means a broken build.
func DefaultTemplates() ([]DefaultTemplate, error) {
	out := make([]DefaultTemplate, 0, len(defaultTemplateNames))
	for _, name := range defaultTemplateNames {
		d, err := LookupDefaultTemplate(name)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// LookupDefaultTemplate returns the default template called name, such as
// "dna_first" (to restore a template the manager has edited).
func LookupDefaultTemplate(name string) (DefaultTemplate, error) {
	src, err := defaultTemplateFiles.ReadFile("templates/" + name + ".tmpl")
	if err != nil {
		return DefaultTemplate{}, fmt.Errorf("letters: there is no default template called %q", name)
	}
	d, err := parseDefaultTemplate(string(src))
	if err != nil {
		return DefaultTemplate{}, fmt.Errorf("letters: default template %s: %w", name, err)
	}
	d.Name = name
	return d, nil
}

// parseDefaultTemplate splits a template file into its headers and body.
func parseDefaultTemplate(src string) (DefaultTemplate, error) {
	head, body, ok := strings.Cut(strings.ReplaceAll(src, "\r\n", "\n"), "\n\n")
	if !ok {
		return DefaultTemplate{}, fmt.Errorf("no blank line after the headers")
	}
	var d DefaultTemplate
	for _, line := range strings.Split(head, "\n") {
		key, value, ok := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		switch {
		case !ok:
			return DefaultTemplate{}, fmt.Errorf("header line %q has no colon", line)
		case key == "Title":
			d.Title = value
		case key == "To":
			d.AddressedTo = value
		case key == "Subject":
			d.Subject = value
		default:
			return DefaultTemplate{}, fmt.Errorf("unknown header %q", key)
		}
	}
	switch d.AddressedTo {
	case ToPatient, ToGP, ToComplainant, ToParent, ToReferrer, ToService:
	default:
		//lint:ignore ST1005 "To:" is the header's name, written as the template writes it
		return DefaultTemplate{}, fmt.Errorf("To: must be %s, %s, %s, %s, %s or %s, not %q", ToPatient, ToGP, ToComplainant, ToParent, ToReferrer, ToService, d.AddressedTo)
	}
	if d.Title == "" || d.Subject == "" {
		return DefaultTemplate{}, fmt.Errorf("needs a Title and a Subject")
	}
	d.Body = strings.TrimRight(body, "\n") + "\n"
	return d, nil
}
