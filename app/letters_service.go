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
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

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
	err = c.writeAs(s, func(tx *writeTx) error {
		return logLetter(tx, p.record)
	})
	if err != nil {
		return LetterResult{}, err
	}
	return res, nil
}

// prepareLetter reads the records and merges the template: everything
// short of drawing the PDF, which may then happen off the lock.
func (c *Clinic) prepareLetter(store *data.Store, s *Session, tmpl letters.ClinicTemplate, window letters.Window, req LetterRequest) (preparedLetter, error) {
	switch tmpl.AddressedTo {
	case letters.ToComplainant:
		return preparedLetter{}, ErrComplaintLetterNeedsComplaint
	case letters.ToReferrer, letters.ToService:
		return preparedLetter{}, ErrReferralLetterNeedsReferral
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
		warnings: src.letterWarnings(tmpl),
	}, nil
}

// typedText keeps typed text in one Unicode form with plain line endings.
func typedText(s string) string { return cleanText(strings.ReplaceAll(s, "\r\n", "\n")) }

// buildLetter merges the template with the records into a letter to draw.
func buildLetter(src letterSource, tmpl letters.ClinicTemplate, window letters.Window, s *Session) (letters.Letter, error) {
	parsed, err := letters.ParseTemplate(tmpl.Name, tmpl.Subject, tmpl.Body)
	if err != nil {
		return letters.Letter{}, fmt.Errorf("the %q template has a mistake (a manager can fix it in Settings → Letters): %w", tmpl.Title, err)
	}
	if err := src.refuseDNALetterToChild(tmpl); err != nil {
		return letters.Letter{}, err
	}
	if err := src.refuseDischargeLetterForChild(tmpl); err != nil {
		return letters.Letter{}, err
	}
	// Who it goes to first: "no address" is the first thing to fix.
	addressee := src.addressee(tmpl)
	to, err := src.letterRecipient(tmpl, addressee)
	if err != nil {
		return letters.Letter{}, err
	}
	fields := src.fields()
	fields.Patient.Child = addressee == letters.ToParent || src.isChild()
	merged, err := parsed.Render(fields)
	if err != nil {
		return letters.Letter{}, fmt.Errorf("the %q letter cannot be written for this patient: %w", tmpl.Title, err)
	}
	salutation, err := fields.Salutation(addressee)
	if err != nil {
		return letters.Letter{}, err
	}
	return letters.Letter{
		Clinic:     letterhead(src.clinic),
		Recipient:  to,
		Date:       src.today,
		References: letterReferences(src.patient, addressee),
		Subject:    merged.Subject,
		Salutation: salutation + ",",
		Paragraphs: merged.Paragraphs,
		SignOff:    signOff(salutation),
		Signatory:  letters.Signatory{Name: s.User.FullName, Role: s.Role.Label()},
		Regarding:  regarding(src.patient),
		// A GP reads ordinary print. A young child's record asking for
		// large print most often means the parent or carer who reads the
		// letters, and large print harms no one, so their letters have it.
		LargePrint: addressee != letters.ToGP && wantsLargePrint(src.patient),
		Window:     window,
	}, nil
}

// signOff is "Yours faithfully" to someone not named, as UK letters go.
func signOff(salutation string) string {
	if salutation == "Dear Sir or Madam" || salutation == letters.NoCarerSalutation {
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
func logLetter(tx *writeTx, r data.LetterRecord) error {
	if err := tx.InsertLetterRecord(r); err != nil {
		return err
	}
	detail := "template=" + r.Template + " sha256=" + r.SHA256
	if r.AppointmentID != "" {
		detail += " appointment=" + r.AppointmentID
	}
	return tx.audit(auditEvent{Action: r.Kind + ".generate", Entity: "letter", ID: r.ID, Patient: r.PatientID, Detail: detail})
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
		out[i] = TimelineEntry{At: r.At, Kind: "letter", Title: title, Fingerprint: r.SHA256, By: r.By, LetterID: r.ID}
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
	err = c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: r.Kind + ".reprint", Entity: "letter", ID: r.ID, Patient: r.PatientID, Detail: "identical=" + strconv.FormatBool(out.Identical)})
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
	if a.Status != schedule.StatusDNA {
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
