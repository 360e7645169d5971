package app

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/letters"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/data"
)

// defaultLetterTemplate is the built-in version of a template, as stored.
func defaultLetterTemplate(name string, now time.Time) (letters.ClinicTemplate, error) {
	d, err := letters.LookupDefaultTemplate(name)
	if err != nil {
		return letters.ClinicTemplate{}, err
	}
	return letters.ClinicTemplate{Name: d.Name, Title: d.Title, AddressedTo: d.AddressedTo, Subject: d.Subject, Body: d.Body, UpdatedAt: now}, nil
}

// ensureTemplatesLocked copies in any default template the clinic file
// does not hold yet (a new clinic, or a template added by an update), and
// brings any a manager has never edited up to this version's wording (a
// default corrected by an update), never touching one a manager has
// edited. Caller holds c.mu.
func (c *Clinic) ensureTemplatesLocked() error {
	stored, err := c.store.LetterTemplates()
	if err != nil {
		return err
	}
	have := map[string]letters.ClinicTemplate{}
	for _, t := range stored {
		have[t.Name] = t
	}
	var missing, stale []letters.ClinicTemplate
	now := c.clock().UTC()
	for _, name := range letters.DefaultTemplateNames() {
		d, err := defaultLetterTemplate(name, now)
		if err != nil {
			return err
		}
		t, ok := have[name]
		switch {
		case !ok:
			missing = append(missing, d)
		case !t.Edited && (t.Title != d.Title || t.AddressedTo != d.AddressedTo || t.Subject != d.Subject || t.Body != d.Body):
			stale = append(stale, d)
		}
	}
	if len(missing) == 0 && len(stale) == 0 {
		return nil
	}
	return c.store.Write(func(tx *data.Tx) error {
		for _, t := range missing {
			if _, err := tx.AddLetterTemplate(t); err != nil {
				return err
			}
		}
		for _, t := range stale {
			if _, err := tx.RefreshLetterTemplate(t); err != nil {
				return err
			}
		}
		return nil
	})
}

// LetterTemplates lists the clinic's letter templates in the order of
// SPEC §3 (any others after, by name).
func (c *Clinic) LetterTemplates() ([]letters.ClinicTemplate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermPrintLetters); err != nil {
		return nil, err
	}
	if err := c.ensureTemplatesLocked(); err != nil {
		return nil, err
	}
	stored, err := c.store.LetterTemplates()
	if err != nil {
		return nil, err
	}
	order := map[string]int{}
	for i, name := range letters.DefaultTemplateNames() {
		order[name] = i + 1
	}
	rank := func(t letters.ClinicTemplate) int {
		if n, ok := order[t.Name]; ok {
			return n
		}
		return len(order) + 1
	}
	out := append([]letters.ClinicTemplate(nil), stored...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && rank(out[j]) < rank(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

// LetterTemplateNamed reads one template.
func (c *Clinic) LetterTemplateNamed(name string) (letters.ClinicTemplate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermPrintLetters); err != nil {
		return letters.ClinicTemplate{}, err
	}
	return c.templateLocked(name)
}

func (c *Clinic) templateLocked(name string) (letters.ClinicTemplate, error) {
	if err := c.ensureTemplatesLocked(); err != nil {
		return letters.ClinicTemplate{}, err
	}
	t, err := c.store.LetterTemplate(name)
	if errors.Is(err, data.ErrNotFound) {
		return t, fmt.Errorf("there is no letter template called %q (the templates are %s)", name, strings.Join(letters.DefaultTemplateNames(), ", "))
	}
	return t, err
}

// SaveLetterTemplate saves a manager's edit of a template's title,
// subject and body. A template with a mistake is refused, saving nothing,
// with letters.TemplateErrors naming each line.
func (c *Clinic) SaveLetterTemplate(name, title, subject, body string) (letters.ClinicTemplate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditTemplates)
	if err != nil {
		return letters.ClinicTemplate{}, err
	}
	t, err := c.templateLocked(name)
	if err != nil {
		return letters.ClinicTemplate{}, err
	}
	title, subject = cleanText(title), cleanText(subject)
	body = strings.ReplaceAll(body, "\r\n", "\n")
	if title == "" {
		return letters.ClinicTemplate{}, errors.New("the template needs a title")
	}
	if errs := letters.Validate(subject, body); len(errs) > 0 {
		return letters.ClinicTemplate{}, errs
	}
	t.Title, t.Subject, t.Body = title, subject, body
	t.Edited, t.UpdatedAt, t.UpdatedBy = true, c.clock().UTC(), s.User.Username
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SaveLetterTemplate(t); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "letter_template.update", Entity: "letter_template", ID: name})
	})
	return t, err
}

// ResetLetterTemplate puts the built-in wording of a template back.
func (c *Clinic) ResetLetterTemplate(name string) (letters.ClinicTemplate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditTemplates)
	if err != nil {
		return letters.ClinicTemplate{}, err
	}
	t, err := defaultLetterTemplate(name, c.clock().UTC())
	if err != nil {
		return letters.ClinicTemplate{}, err
	}
	t.UpdatedBy = s.User.Username
	err = c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SaveLetterTemplate(t); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "letter_template.reset", Entity: "letter_template", ID: name})
	})
	return t, err
}

// LetterPreview is a template filled in for the editor, not sent and not
// logged.
type LetterPreview struct {
	Subject    string
	Salutation string
	Paragraphs []string
	PDF        []byte
	Warnings   []string
}

// ExampleChild is the patientID that previews a template for the made-up
// five-year-old, whose letters go to her parent or carer.
const ExampleChild = "example:child"

// PreviewLetterTemplate fills in a template as edited (not yet saved) for
// a chosen patient, or for the example patient when patientID is "" (the
// example child when it is ExampleChild).
// A mistake in the template comes back as letters.TemplateErrors.
func (c *Clinic) PreviewLetterTemplate(addressedTo, subject, body, patientID string) (LetterPreview, error) {
	return c.PreviewNamedLetterTemplate("preview", addressedTo, subject, body, patientID)
}

// PreviewNamedLetterTemplate is PreviewLetterTemplate for the template
// called name, which decides who some letters go to (the cover of a copy
// of records goes to the patient, whatever their age).
func (c *Clinic) PreviewNamedLetterTemplate(name, addressedTo, subject, body, patientID string) (LetterPreview, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return LetterPreview{}, err
	}
	if errs := letters.Validate(subject, body); len(errs) > 0 {
		return LetterPreview{}, errs
	}
	window, err := readLetterWindow(c.store)
	if err != nil {
		return LetterPreview{}, err
	}
	tmpl := letters.ClinicTemplate{Name: name, Title: "Preview", AddressedTo: addressedTo, Subject: subject, Body: body}
	var l letters.Letter
	var warnings []string
	if patientID == "" || patientID == ExampleChild {
		l, err = exampleLetterFor(tmpl, window, s, patientID == ExampleChild)
	} else {
		var src letterSource
		src, err = readLetterSource(c.store, patientID, "", c.today())
		if err == nil {
			l, err = buildLetter(src, tmpl, window, s)
			warnings = src.letterWarnings(tmpl)
		}
	}
	if err != nil {
		return LetterPreview{}, err
	}
	var buf bytes.Buffer
	ws, err := letters.RenderLetter(&buf, l)
	if err != nil {
		return LetterPreview{}, err
	}
	if patientID != "" && patientID != ExampleChild {
		// A preview shows the patient's details on screen: a view, audited.
		err = c.writeAs(s, func(tx *writeTx) error {
			return tx.audit(auditEvent{Action: "patient.view", Entity: "patient", ID: patientID, Patient: patientID, Detail: "letter preview"})
		})
		if err != nil {
			return LetterPreview{}, err
		}
	}
	return LetterPreview{Subject: l.Subject, Salutation: l.Salutation, Paragraphs: l.Paragraphs, PDF: buf.Bytes(),
		Warnings: append(warnings, ws.Messages()...)}, nil
}

// exampleLetter fills a template with letters.ExampleFields.
func exampleLetter(tmpl letters.ClinicTemplate, window letters.Window, s *Session) (letters.Letter, error) {
	return exampleLetterFor(tmpl, window, s, false)
}

// exampleLetterFor fills a template with letters.ExampleFields, or with
// letters.ExampleChildFields when child is set, addressed as a letter to
// that patient would be.
func exampleLetterFor(tmpl letters.ClinicTemplate, window letters.Window, s *Session, child bool) (letters.Letter, error) {
	parsed, err := letters.ParseTemplate(tmpl.Name, tmpl.Subject, tmpl.Body)
	if err != nil {
		return letters.Letter{}, err
	}
	f, addressee := letters.ExampleFields(), tmpl.AddressedTo
	if child {
		f = letters.ExampleChildFields()
		if addressee == letters.ToPatient && !lettersToTheRequester[tmpl.Name] {
			addressee = letters.ToParent
		}
	}
	f.Patient.Child = child || addressee == letters.ToParent
	merged, err := parsed.Render(f)
	if err != nil {
		return letters.Letter{}, err
	}
	salutation, err := f.Salutation(addressee)
	if err != nil {
		return letters.Letter{}, err
	}
	p := f.Patient
	to := letters.Recipient{Name: strings.Join(strings.Fields(p.Title+" "+p.Forenames+" "+p.Surname), " "),
		Address: postalAddress(patients.Address{Line1: p.AddressLine1, Line2: p.AddressLine2, Town: p.Town, County: p.County, Postcode: p.Postcode})}
	refs := []string{"NHS number: " + nhs.FormatNHSNumber(p.NHSNumber)}
	if addressee == letters.ToParent {
		to.Name = joinNonEmptyWords(p.Carer.Title, p.Carer.Forenames, p.Carer.Surname)
		refs = append([]string{"Child: " + joinNonEmptyWords(p.Forenames, p.Surname), "Born: " + p.DOB.Long()}, refs...)
	}
	if addressee == letters.ToGP {
		if to, err = gpRecipient(patients.GP{Name: p.GPName, Practice: p.GPPractice, Address: p.GPAddress}); err != nil {
			return letters.Letter{}, err
		}
	}
	return letters.Letter{
		Clinic:     letters.Letterhead{Name: f.Clinic.Name, Address: f.Clinic.AddressLines, Phone: f.Clinic.Phone, Email: f.Clinic.Email},
		Recipient:  to,
		Date:       f.Today,
		References: refs,
		Subject:    merged.Subject, Salutation: salutation + ",", Paragraphs: merged.Paragraphs,
		SignOff: signOff(salutation), Signatory: letters.Signatory{Name: s.User.FullName, Role: s.Role.Label()},
		Window: window,
	}, nil
}
