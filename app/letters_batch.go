package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/letters"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// BatchResult is many letters made into one PDF for printing together.
type BatchResult struct {
	PDF     []byte
	Letters int
	// Skipped are the letters that could not be written, one line each
	// naming the patient and why ("no address").
	Skipped  []string
	Warnings []string // each naming its patient
	FileName string
}

// ReminderLetters writes the appointment reminder for every appointment
// still booked on day, in time order, into one PDF: each letter keeps its
// own "Page 1 of 2". It runs on the caller's goroutine (the GUI calls it
// from a worker), reports progress as letters are drawn, and stops,
// logging nothing, when ctx is cancelled.
func (c *Clinic) ReminderLetters(ctx context.Context, day ukcal.Date, progress func(done, total int)) (BatchResult, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermPrintLetters)
	c.mu.Unlock()
	if err != nil {
		return BatchResult{}, err
	}
	entries, err := store.Diary(data.DiaryFilter{From: day, To: day})
	if err != nil {
		return BatchResult{}, err
	}
	var reqs []LetterRequest
	for _, e := range entries {
		if e.Status == schedule.StatusBooked {
			reqs = append(reqs, LetterRequest{Template: "appointment_reminder", PatientID: e.PatientID, AppointmentID: e.ID})
		}
	}
	if len(reqs) == 0 {
		return BatchResult{}, fmt.Errorf("no appointments are booked on %s, so there are no reminders to print", day.LongWithDay())
	}
	res, err := c.LetterBatch(ctx, reqs, progress)
	res.FileName = "Appointment reminders " + day.String() + ".pdf"
	return res, err
}

// LetterBatch writes many letters into one PDF and logs each on its
// patient's timeline in one transaction once all are made. A letter that
// cannot be written (no address, say) is skipped and named in the result;
// the others are made.
func (c *Clinic) LetterBatch(ctx context.Context, reqs []LetterRequest, progress func(done, total int)) (BatchResult, error) {
	c.mu.Lock()
	store := c.store
	s, err := c.require(PermPrintLetters)
	var session Session
	if err == nil {
		session = *s
		err = c.ensureTemplatesLocked()
	}
	c.mu.Unlock()
	if err != nil {
		return BatchResult{}, err
	}
	window, err := readLetterWindow(store)
	if err != nil {
		return BatchResult{}, err
	}
	templates := map[string]letters.ClinicTemplate{}
	for _, req := range reqs {
		if _, ok := templates[req.Template]; !ok {
			tmpl, err := store.LetterTemplate(req.Template)
			if err != nil {
				return BatchResult{}, notFound(err, fmt.Sprintf("there is no letter template called %q", req.Template))
			}
			templates[req.Template] = tmpl
		}
	}
	var res BatchResult
	var prepared []preparedLetter
	reasons := map[string]bool{}
	for _, req := range reqs {
		if err := ctx.Err(); err != nil {
			return BatchResult{}, err
		}
		p, err := c.prepareLetter(store, &session, templates[req.Template], window, req)
		if err != nil {
			res.Skipped = append(res.Skipped, skippedLine(store, req, err))
			reasons[err.Error()] = true
			continue
		}
		prepared = append(prepared, p)
	}
	if len(prepared) == 0 {
		if len(reasons) == 1 && len(res.Skipped) > 1 {
			// One cause for all (a clinic detail missing, say): say it
			// once, not once a patient.
			for reason := range reasons {
				return res, fmt.Errorf("none of the %d letters could be written: %s", len(res.Skipped), reason)
			}
		}
		return res, errors.New("none of the letters could be written: " + strings.Join(res.Skipped, "; "))
	}
	pdf, prepared, err := renderBatch(ctx, store, prepared, progress, &res)
	if err != nil {
		return BatchResult{}, err
	}
	res.PDF = pdf
	res.Letters = len(prepared)
	res.FileName = "Letters " + prepared[0].letter.Date.String() + ".pdf"
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermPrintLetters); err != nil {
		return BatchResult{}, err // locked while the batch ran: log nothing, show nothing
	}
	err = c.writeAs(&session, func(tx *writeTx) error {
		for _, p := range prepared {
			if err := logLetter(tx, p.record); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return BatchResult{}, err
	}
	return res, nil
}

// logged fills in the letter's log record: the letter as printed (less
// the logo, read afresh to print again), its warnings, and the SHA-256 of
// the PDF it went out in.
func (p *preparedLetter) logged(warnings []string, pdfSHA256 string) error {
	kept := p.letter
	kept.Clinic.Logo = nil
	content, err := jsonString(printedLetter{Letter: kept, Warnings: warnings})
	if err != nil {
		return err
	}
	p.record.Content, p.record.SHA256 = content, pdfSHA256
	return nil
}

// skippedLine names the patient a letter could not be written for.
func skippedLine(store *data.Store, req LetterRequest, err error) string {
	name := "a patient"
	if p, perr := store.Patient(req.PatientID); perr == nil {
		name = strings.Join(strings.Fields(p.Forenames+" "+p.Surname), " ")
	}
	return name + ": " + err.Error()
}

// renderBatch draws the letters into one PDF and fills in their log
// records. A letter whose address does not fit its envelope window is left
// out and named in res.Skipped; RenderLetters checks every letter before
// drawing any, so trying the rest again costs only the checks. Warnings
// go into res, each naming its patient.
func renderBatch(ctx context.Context, store *data.Store, prepared []preparedLetter, progress func(done, total int),
	res *BatchResult) ([]byte, []preparedLetter, error) {
	for {
		ls := make([]letters.Letter, len(prepared))
		for i, p := range prepared {
			ls[i] = p.letter
		}
		var buf bytes.Buffer
		warnings, err := letters.RenderLetters(&buf, ls, func(done int) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil {
				progress(done, len(ls))
			}
			return nil
		})
		var bad *letters.LetterError
		if errors.As(err, &bad) {
			p := prepared[bad.Index]
			res.Skipped = append(res.Skipped, skippedLine(store, LetterRequest{PatientID: p.record.PatientID}, bad.Err))
			prepared = slices.Delete(prepared, bad.Index, bad.Index+1)
			if len(prepared) == 0 {
				return nil, nil, errors.New("none of the letters could be written: " + strings.Join(res.Skipped, "; "))
			}
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		// Each letter's log keeps the hash of the PDF it was printed in, as
		// a sheet of slips does: that is the file that was sent to print.
		sum := sha256Hex(buf.Bytes())
		for i := range prepared {
			p := &prepared[i]
			ws := append(append([]string(nil), p.warnings...), warnings[i].Messages()...)
			for _, w := range ws {
				res.Warnings = append(res.Warnings, p.letter.Recipient.Name+": "+w)
			}
			if err := p.logged(ws, sum); err != nil {
				return nil, nil, err
			}
		}
		return buf.Bytes(), prepared, nil
	}
}
