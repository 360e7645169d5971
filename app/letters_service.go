package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app/letters"
	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// LetterTemplate is a letter template as the editor and the template list
// show it.
type LetterTemplate = data.LetterTemplate

// defaultLetterTemplate is the built-in version of a template, as stored.
func defaultLetterTemplate(name string, now time.Time) (LetterTemplate, error) {
	d, err := letters.LookupDefaultTemplate(name)
	if err != nil {
		return LetterTemplate{}, err
	}
	return LetterTemplate{Name: d.Name, Title: d.Title, AddressedTo: d.AddressedTo, Subject: d.Subject, Body: d.Body, UpdatedAt: now}, nil
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
	have := map[string]LetterTemplate{}
	for _, t := range stored {
		have[t.Name] = t
	}
	var missing, stale []LetterTemplate
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
func (c *Clinic) LetterTemplates() ([]LetterTemplate, error) {
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
	rank := func(t LetterTemplate) int {
		if n, ok := order[t.Name]; ok {
			return n
		}
		return len(order) + 1
	}
	out := append([]LetterTemplate(nil), stored...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && rank(out[j]) < rank(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

// LetterTemplateNamed reads one template.
func (c *Clinic) LetterTemplateNamed(name string) (LetterTemplate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermPrintLetters); err != nil {
		return LetterTemplate{}, err
	}
	return c.templateLocked(name)
}

func (c *Clinic) templateLocked(name string) (LetterTemplate, error) {
	if err := c.ensureTemplatesLocked(); err != nil {
		return LetterTemplate{}, err
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
func (c *Clinic) SaveLetterTemplate(name, title, subject, body string) (LetterTemplate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditTemplates)
	if err != nil {
		return LetterTemplate{}, err
	}
	t, err := c.templateLocked(name)
	if err != nil {
		return LetterTemplate{}, err
	}
	title, subject = cleanText(title), cleanText(subject)
	body = strings.ReplaceAll(body, "\r\n", "\n")
	if title == "" {
		return LetterTemplate{}, errors.New("the template needs a title")
	}
	if errs := letters.Validate(subject, body); len(errs) > 0 {
		return LetterTemplate{}, errs
	}
	t.Title, t.Subject, t.Body = title, subject, body
	t.Edited, t.UpdatedAt, t.UpdatedBy = true, c.clock().UTC(), s.User.Username
	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		if err := tx.SaveLetterTemplate(t); err != nil {
			return err
		}
		return audit("letter_template.update", "letter_template", name, "", "")
	})
	return t, err
}

// ResetLetterTemplate puts the built-in wording of a template back.
func (c *Clinic) ResetLetterTemplate(name string) (LetterTemplate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditTemplates)
	if err != nil {
		return LetterTemplate{}, err
	}
	t, err := defaultLetterTemplate(name, c.clock().UTC())
	if err != nil {
		return LetterTemplate{}, err
	}
	t.UpdatedBy = s.User.Username
	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		if err := tx.SaveLetterTemplate(t); err != nil {
			return err
		}
		return audit("letter_template.reset", "letter_template", name, "", "")
	})
	return t, err
}

// LetterRequest is one letter to write.
type LetterRequest struct {
	Template      string // "appointment_reminder"
	PatientID     string
	AppointmentID string     // "" for a letter about no appointment
	Text          LetterText // the general letter's subject and text
}

// LetterResult is a letter made and logged.
type LetterResult struct {
	PDF []byte
	// Warnings must be shown before the letter is sent: characters the
	// font lacks, a format the patient needs that ClinicDesk cannot make.
	Warnings []string
	RecordID string // in the correspondence log
	SHA256   string // of PDF, hex
	FileName string // a suggested name for saving it
}

// printedLetter is what the correspondence log keeps of a letter, enough
// to make the same PDF again (the logo is read afresh).
type printedLetter struct {
	Letter   letters.Letter
	Warnings []string
}

// preparedLetter is a letter merged and laid out, not yet rendered.
type preparedLetter struct {
	record   data.LetterRecord
	letter   letters.Letter
	warnings []string
}

// RenderLetter writes one letter from its template and the records,
// logs it on the patient's correspondence timeline and audits it.
func (c *Clinic) RenderLetter(req LetterRequest) (LetterResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return LetterResult{}, err
	}
	tmpl, err := c.templateLocked(req.Template)
	if err != nil {
		return LetterResult{}, err
	}
	window, err := readLetterWindow(c.store)
	if err != nil {
		return LetterResult{}, err
	}
	p, err := c.prepareLetter(c.store, s, tmpl, window, req)
	if err != nil {
		return LetterResult{}, err
	}
	res, err := renderPrepared(&p)
	if err != nil {
		return LetterResult{}, err
	}
	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		return logLetter(tx, audit, p.record)
	})
	if err != nil {
		return LetterResult{}, err
	}
	return res, nil
}

// prepareLetter reads the records and merges the template: everything
// short of drawing the PDF, which may then happen off the lock.
func (c *Clinic) prepareLetter(store *data.Store, s *Session, tmpl LetterTemplate, window letters.Window, req LetterRequest) (preparedLetter, error) {
	if tmpl.AddressedTo == letters.ToComplainant {
		return preparedLetter{}, ErrComplaintLetterNeedsComplaint
	}
	if req.Template == "general" && (strings.TrimSpace(req.Text.Subject) == "" || strings.TrimSpace(req.Text.Body) == "") {
		return preparedLetter{}, errors.New("a general letter needs a subject and its text")
	}
	now := c.clock()
	src, err := readLetterSource(store, req.PatientID, req.AppointmentID, ukcal.Today(now))
	if err != nil {
		return preparedLetter{}, err
	}
	src.extra = LetterText{Subject: cleanText(req.Text.Subject), Body: typedText(req.Text.Body)}
	l, err := buildLetter(src, tmpl, window, s)
	if err != nil {
		return preparedLetter{}, err
	}
	return preparedLetter{
		record: data.LetterRecord{ID: uuid.Must(uuid.NewV7()).String(), PatientID: src.patient.ID, Kind: data.LetterKindLetter,
			Template: tmpl.Name, Title: tmpl.Title, AppointmentID: req.AppointmentID, CreatedBy: s.User.Username, CreatedAt: now.UTC()},
		letter:   l,
		warnings: aisWarnings(src.patient),
	}, nil
}

// typedText keeps typed text in one Unicode form with plain line endings.
func typedText(s string) string { return cleanText(strings.ReplaceAll(s, "\r\n", "\n")) }

// buildLetter merges the template with the records into a letter to draw.
func buildLetter(src letterSource, tmpl LetterTemplate, window letters.Window, s *Session) (letters.Letter, error) {
	parsed, err := letters.ParseTemplate(tmpl.Name, tmpl.Subject, tmpl.Body)
	if err != nil {
		return letters.Letter{}, fmt.Errorf("the %q template has a mistake (a manager can fix it in Settings → Letters): %w", tmpl.Title, err)
	}
	// Who it goes to first: "no address" is the first thing to fix.
	to, err := src.recipient(tmpl.AddressedTo)
	if err != nil {
		return letters.Letter{}, err
	}
	fields := src.fields()
	merged, err := parsed.Render(fields)
	if err != nil {
		return letters.Letter{}, fmt.Errorf("the %q letter cannot be written for this patient: %w", tmpl.Title, err)
	}
	salutation, err := fields.Salutation(tmpl.AddressedTo)
	if err != nil {
		return letters.Letter{}, err
	}
	return letters.Letter{
		Clinic:     letterhead(src.clinic),
		Recipient:  to,
		Date:       src.today,
		References: references(src.patient),
		Subject:    merged.Subject,
		Salutation: salutation + ",",
		Paragraphs: merged.Paragraphs,
		SignOff:    signOff(salutation),
		Signatory:  letters.Signatory{Name: s.User.FullName, Role: s.Role.Label()},
		Regarding:  regarding(src.patient),
		// A GP reads ordinary print; the patient's AIS needs are theirs.
		LargePrint: tmpl.AddressedTo == letters.ToPatient && wantsLargePrint(src.patient),
		Window:     window,
	}, nil
}

// signOff is "Yours faithfully" to someone not named, as UK letters go.
func signOff(salutation string) string {
	if salutation == "Dear Sir or Madam" {
		return "Yours faithfully"
	}
	return "Yours sincerely"
}

// renderPrepared draws the letter and fills in its log record.
func renderPrepared(p *preparedLetter) (LetterResult, error) {
	var buf bytes.Buffer
	ws, err := letters.RenderLetter(&buf, p.letter)
	if err != nil {
		return LetterResult{}, err
	}
	warnings := append(append([]string(nil), p.warnings...), ws.Messages()...)
	kept := p.letter
	kept.Clinic.Logo = nil
	content, err := json.Marshal(printedLetter{Letter: kept, Warnings: warnings})
	if err != nil {
		return LetterResult{}, err
	}
	sum := sha256.Sum256(buf.Bytes())
	p.record.Content, p.record.SHA256 = string(content), hex.EncodeToString(sum[:])
	return LetterResult{PDF: buf.Bytes(), Warnings: warnings, RecordID: p.record.ID, SHA256: p.record.SHA256,
		FileName: letterFileName(p.record)}, nil
}

// letterFileName suggests a name for saving: the template and the day,
// never the patient's name (file names show in lists and backups).
func letterFileName(r data.LetterRecord) string {
	return fmt.Sprintf("%s %s.pdf", strings.ReplaceAll(r.Title, "/", "-"), ukcal.Today(r.CreatedAt).String())
}

// logLetter writes the correspondence log row and its audit row.
func logLetter(tx *data.Tx, audit func(string, string, string, string, string) error, r data.LetterRecord) error {
	if err := tx.InsertLetterRecord(r); err != nil {
		return err
	}
	detail := "template=" + r.Template + " sha256=" + r.SHA256
	if r.AppointmentID != "" {
		detail += " appointment=" + r.AppointmentID
	}
	return audit(r.Kind+".generate", "letter", r.ID, r.PatientID, detail)
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func jsonString(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// LetterPreview is a template filled in for the editor, not sent and not
// logged.
type LetterPreview struct {
	Subject    string
	Salutation string
	Paragraphs []string
	PDF        []byte
	Warnings   []string
}

// PreviewLetterTemplate fills in a template as edited (not yet saved) for
// a chosen patient, or for the example patient when patientID is "".
// A mistake in the template comes back as letters.TemplateErrors.
func (c *Clinic) PreviewLetterTemplate(addressedTo, subject, body, patientID string) (LetterPreview, error) {
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
	tmpl := LetterTemplate{Name: "preview", Title: "Preview", AddressedTo: addressedTo, Subject: subject, Body: body}
	var l letters.Letter
	var warnings []string
	if patientID == "" {
		l, err = exampleLetter(tmpl, window, s)
	} else {
		var src letterSource
		src, err = readLetterSource(c.store, patientID, "", c.today())
		if err == nil {
			l, err = buildLetter(src, tmpl, window, s)
			warnings = aisWarnings(src.patient)
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
	if patientID != "" {
		// A preview shows the patient's details on screen: a view, audited.
		err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
			return audit("patient.view", "patient", patientID, patientID, "letter preview")
		})
		if err != nil {
			return LetterPreview{}, err
		}
	}
	return LetterPreview{Subject: l.Subject, Salutation: l.Salutation, Paragraphs: l.Paragraphs, PDF: buf.Bytes(),
		Warnings: append(warnings, ws.Messages()...)}, nil
}

// exampleLetter fills a template with letters.ExampleFields.
func exampleLetter(tmpl LetterTemplate, window letters.Window, s *Session) (letters.Letter, error) {
	parsed, err := letters.ParseTemplate(tmpl.Name, tmpl.Subject, tmpl.Body)
	if err != nil {
		return letters.Letter{}, err
	}
	f := letters.ExampleFields()
	merged, err := parsed.Render(f)
	if err != nil {
		return letters.Letter{}, err
	}
	salutation, err := f.Salutation(tmpl.AddressedTo)
	if err != nil {
		return letters.Letter{}, err
	}
	p := f.Patient
	to := letters.Recipient{Name: strings.Join(strings.Fields(p.Title+" "+p.Forenames+" "+p.Surname), " "),
		Address: []string{p.AddressLine1, p.AddressLine2, p.Town, p.Postcode}}
	if tmpl.AddressedTo == letters.ToGP {
		if to, err = gpRecipient(data.GP{Name: p.GPName, Practice: p.GPPractice, Address: p.GPAddress}); err != nil {
			return letters.Letter{}, err
		}
	}
	return letters.Letter{
		Clinic:     letters.Letterhead{Name: f.Clinic.Name, Address: f.Clinic.AddressLines, Phone: f.Clinic.Phone, Email: f.Clinic.Email},
		Recipient:  to,
		Date:       f.Today,
		References: []string{"NHS number: " + nhs.FormatNHSNumber(p.NHSNumber)},
		Subject:    merged.Subject, Salutation: salutation + ",", Paragraphs: merged.Paragraphs,
		SignOff: signOff(salutation), Signatory: letters.Signatory{Name: s.User.FullName, Role: s.Role.Label()},
		Window: window,
	}, nil
}

// LetterLogEntry is one letter or slip on a patient's correspondence log.
type LetterLogEntry struct {
	ID            string
	Kind          string // letter, slip
	Template      string
	Title         string
	AppointmentID string
	SHA256        string
	By            string
	At            time.Time // UTC
}

// PatientLetters lists a patient's letters and slips, newest first.
func (c *Clinic) PatientLetters(patientID string) ([]LetterLogEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	return patientLetters(c.store, patientID)
}

func patientLetters(store *data.Store, patientID string) ([]LetterLogEntry, error) {
	recs, err := store.LetterRecords(patientID)
	if err != nil {
		return nil, err
	}
	out := make([]LetterLogEntry, len(recs))
	for i, r := range recs {
		out[i] = LetterLogEntry{ID: r.ID, Kind: r.Kind, Template: r.Template, Title: r.Title, AppointmentID: r.AppointmentID,
			SHA256: r.SHA256, By: r.CreatedBy, At: r.CreatedAt}
	}
	return out, nil
}

// letterTimeline is the correspondence source of a patient's timeline.
// Caller holds c.mu.
func (c *Clinic) letterTimeline(patientID string) ([]TimelineEntry, error) {
	recs, err := patientLetters(c.store, patientID)
	if err != nil {
		return nil, err
	}
	out := make([]TimelineEntry, len(recs))
	for i, r := range recs {
		title := "Letter printed: " + r.Title
		if r.Kind == data.LetterKindSlip {
			title = "Appointment slip printed"
		}
		out[i] = TimelineEntry{At: r.At, Kind: "letter", Title: title, Detail: "SHA-256 " + r.SHA256[:min(16, len(r.SHA256))] + "…", By: r.By, LetterID: r.ID}
	}
	return out, nil
}

// Reprint is a logged letter or slip made again.
type Reprint struct {
	PDF      []byte
	Warnings []string
	// Identical is true when the PDF is byte for byte the one first made
	// (its SHA-256 matches the log); false when the clinic's logo has
	// changed since.
	Identical bool
	FileName  string
}

// PrintAgain makes a logged letter or slip again from what was printed,
// not from today's records, so the copy says what the original said.
func (c *Clinic) PrintAgain(recordID string) (Reprint, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return Reprint{}, err
	}
	r, err := c.store.LetterRecord(recordID)
	if err != nil {
		return Reprint{}, notFound(err, "that letter is not in the correspondence log")
	}
	var out Reprint
	var buf bytes.Buffer
	switch r.Kind {
	case data.LetterKindLetter:
		if out.Warnings, err = c.renderPrintedLetter(&buf, r.Content); err != nil {
			return Reprint{}, err
		}
	case data.LetterKindSlip:
		var ps printedSlip
		if err := json.Unmarshal([]byte(r.Content), &ps); err != nil {
			return Reprint{}, fmt.Errorf("the logged slip cannot be read: %w", err)
		}
		if _, err := letters.RenderSlip(&buf, ps.Slip, ps.Printed); err != nil {
			return Reprint{}, err
		}
	default:
		return Reprint{}, fmt.Errorf("a %q cannot be printed again", r.Kind)
	}
	sum := sha256.Sum256(buf.Bytes())
	out.PDF, out.Identical, out.FileName = buf.Bytes(), hex.EncodeToString(sum[:]) == r.SHA256, letterFileName(r)
	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		return audit(r.Kind+".reprint", "letter", r.ID, r.PatientID, "identical="+strconv.FormatBool(out.Identical))
	})
	return out, err
}

// renderPrintedLetter draws a kept letter (a printedLetter's JSON) again
// with today's logo, which the log leaves out, and gives back the
// warnings it was first printed with. Caller holds c.mu.
func (c *Clinic) renderPrintedLetter(w io.Writer, content string) ([]string, error) {
	var pl printedLetter
	if err := json.Unmarshal([]byte(content), &pl); err != nil {
		return nil, fmt.Errorf("the logged letter cannot be read: %w", err)
	}
	details, err := c.store.Clinic()
	if err != nil {
		return nil, err
	}
	pl.Letter.Clinic.Logo = details.Logo
	if _, err := letters.RenderLetter(w, pl.Letter); err != nil {
		return nil, err
	}
	return pl.Warnings, nil
}

// Settings of the envelope window, in millimetres (SPEC §2.5).
const (
	settingWindowLeft   = "letter.window_left_mm"
	settingWindowTop    = "letter.window_top_mm"
	settingWindowWidth  = "letter.window_width_mm"
	settingWindowHeight = "letter.window_height_mm"
)

// readLetterWindow is the clinic's envelope window, the DL default where
// a value was never set.
func readLetterWindow(store *data.Store) (letters.Window, error) {
	w := letters.DefaultWindow
	for _, s := range []struct {
		key  string
		into *float64
	}{{settingWindowLeft, &w.Left}, {settingWindowTop, &w.Top}, {settingWindowWidth, &w.Width}, {settingWindowHeight, &w.Height}} {
		v, ok, err := store.Setting(s.key)
		if err != nil {
			return w, err
		}
		if !ok {
			continue
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return w, fmt.Errorf("the envelope window setting %s is %q, not a number of millimetres", s.key, v)
		}
		*s.into = f
	}
	return w, nil
}

// LetterWindow is where the clinic's envelopes have their address window.
func (c *Clinic) LetterWindow() (letters.Window, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermPrintLetters); err != nil {
		return letters.Window{}, err
	}
	return readLetterWindow(c.store)
}

// SetLetterWindow changes the envelope window (managers). A window the
// letter layout cannot use is refused with the layout's own reason, found
// by laying out the example letter in it.
func (c *Clinic) SetLetterWindow(w letters.Window) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermEditClinic)
	if err != nil {
		return err
	}
	d, err := letters.LookupDefaultTemplate("appointment_reminder")
	if err != nil {
		return err
	}
	trial, err := exampleLetter(LetterTemplate{Name: d.Name, AddressedTo: d.AddressedTo, Subject: d.Subject, Body: d.Body}, w, s)
	if err != nil {
		return err
	}
	if _, err := letters.RenderLetter(&bytes.Buffer{}, trial); err != nil {
		return err
	}
	format := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	return c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		for key, v := range map[string]float64{settingWindowLeft: w.Left, settingWindowTop: w.Top, settingWindowWidth: w.Width, settingWindowHeight: w.Height} {
			if err := tx.SetSetting(key, format(v)); err != nil {
				return err
			}
		}
		return audit("settings.update", "settings", "letter.window", "",
			fmt.Sprintf("left=%s top=%s width=%s height=%s", format(w.Left), format(w.Top), format(w.Width), format(w.Height)))
	})
}

// DNALetterFor is the template the DNA policy calls for after a missed
// appointment (dna_first, dna_second or gp_letter), counting the DNAs in
// the clinic's window up to that appointment's day, as SetStatus does.
func (c *Clinic) DNALetterFor(appointmentID string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermPrintLetters); err != nil {
		return "", err
	}
	a, err := c.store.Appointment(appointmentID)
	if err != nil {
		return "", notFound(err, "that appointment is not in the diary")
	}
	if a.Status != data.StatusDNA {
		return "", errors.New("this appointment is not marked DNA: mark it first, then print the DNA letter")
	}
	var prompt DNAPrompt
	err = c.store.Write(func(tx *data.Tx) error {
		prompt, err = c.dnaPrompt(tx, a)
		return err
	})
	if err != nil {
		return "", err
	}
	if prompt.Step == "" {
		return "", errors.New("the DNA policy calls for no letter")
	}
	return string(prompt.Step), nil
}
