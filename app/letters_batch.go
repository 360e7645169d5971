package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
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
	entries, err := store.Diary(data.DiaryFilter{From: day.String(), To: day.String()})
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
	templates := map[string]LetterTemplate{}
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

// printedSlip is what the correspondence log keeps of a slip.
type printedSlip struct {
	Slip    letters.Slip
	Printed time.Time
}

// slipFor is the appointment card for one diary entry.
func slipFor(clinic data.ClinicDetails, e data.DiaryEntry) letters.Slip {
	d, _ := ukcal.ParseDate(e.Date)
	location := e.RoomName
	if lines := addressLines(clinic.Address); len(lines) > 0 {
		location = strings.Join(append(nonEmpty(e.RoomName), lines[0]), ", ")
	}
	phone := printablePhone(clinic.Phone)
	howTo := "To cancel or change this appointment, please call us as soon as you can."
	if phone != "" {
		howTo = "To cancel or change, please call " + phone + " as soon as you can."
	}
	return letters.Slip{ClinicName: clinic.Name, ClinicPhone: phone, Patient: e.PatientName, Date: d, StartMin: e.StartMin,
		Clinician: e.ClinicianName, Location: location, HowToCancel: howTo}
}

func nonEmpty(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []string{s}
}

// SlipResult is an appointment slip, or a sheet of them, made and logged.
type SlipResult struct {
	PDF      []byte
	Slips    int
	Warnings []string
	FileName string
}

// AppointmentSlip makes the card-size slip for one appointment.
func (c *Clinic) AppointmentSlip(appointmentID string) (SlipResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return SlipResult{}, err
	}
	a, err := c.store.Appointment(appointmentID)
	if err != nil {
		return SlipResult{}, notFound(err, "that appointment is not in the diary")
	}
	entries, err := c.store.Diary(data.DiaryFilter{From: a.Date, To: a.Date, PatientID: a.PatientID, WithCancelled: true})
	if err != nil {
		return SlipResult{}, err
	}
	for _, e := range entries {
		if e.ID == appointmentID {
			return c.slipsLocked(s, []data.DiaryEntry{e}, false)
		}
	}
	return SlipResult{}, errors.New("that appointment is not in the diary")
}

// DaySlips makes the slips for every appointment booked on day, ten to an
// A4 sheet with cut marks.
func (c *Clinic) DaySlips(day ukcal.Date) (SlipResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return SlipResult{}, err
	}
	entries, err := c.store.Diary(data.DiaryFilter{From: day.String(), To: day.String()})
	if err != nil {
		return SlipResult{}, err
	}
	var booked []data.DiaryEntry
	for _, e := range entries {
		if e.Status == schedule.StatusBooked || e.Status == schedule.StatusArrived {
			booked = append(booked, e)
		}
	}
	if len(booked) == 0 {
		return SlipResult{}, fmt.Errorf("no appointments are booked on %s", day.LongWithDay())
	}
	res, err := c.slipsLocked(s, booked, true)
	res.FileName = "Appointment slips " + day.String() + ".pdf"
	return res, err
}

// slipsLocked draws slips (one card, or sheets of ten) and logs one slip
// per patient with the SHA-256 of the PDF made. Caller holds c.mu.
func (c *Clinic) slipsLocked(s *Session, entries []data.DiaryEntry, sheet bool) (SlipResult, error) {
	clinic, err := c.store.Clinic()
	if err != nil {
		return SlipResult{}, err
	}
	now := c.clock()
	slips := make([]letters.Slip, len(entries))
	for i, e := range entries {
		slips[i] = slipFor(clinic, e)
	}
	var buf bytes.Buffer
	var ws letters.Warnings
	if sheet {
		ws, err = letters.RenderSlipSheet(&buf, slips, now)
	} else {
		ws, err = letters.RenderSlip(&buf, slips[0], now)
	}
	if err != nil {
		return SlipResult{}, err
	}
	sum := sha256Hex(buf.Bytes())
	recs := make([]data.LetterRecord, len(entries))
	for i, e := range entries {
		content, err := jsonString(printedSlip{Slip: slips[i], Printed: now})
		if err != nil {
			return SlipResult{}, err
		}
		recs[i] = data.LetterRecord{ID: newID(), PatientID: e.PatientID, Kind: data.LetterKindSlip, Template: "slip",
			Title: "Appointment slip", AppointmentID: e.ID, Content: content, SHA256: sum, CreatedBy: s.User.Username, CreatedAt: now.UTC()}
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		for _, r := range recs {
			if err := logLetter(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return SlipResult{}, err
	}
	res := SlipResult{PDF: buf.Bytes(), Slips: len(entries), Warnings: ws.Messages(), FileName: "Appointment slip " + entries[0].Date + ".pdf"}
	return res, nil
}

// DayLists makes one day list per clinician with appointments on day, in
// the day view's column order, as one PDF. Every patient on a list has the
// print recorded in their audit trail.
func (c *Clinic) DayLists(day ukcal.Date) (SlipResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return SlipResult{}, err
	}
	clinic, err := c.store.Clinic()
	if err != nil {
		return SlipResult{}, err
	}
	entries, err := c.store.Diary(data.DiaryFilter{From: day.String(), To: day.String(), WithCancelled: true})
	if err != nil {
		return SlipResult{}, err
	}
	clinicians, err := c.store.Clinicians(false)
	if err != nil {
		return SlipResult{}, err
	}
	now := c.clock().In(ukcal.London())
	var lists []letters.DayList
	var listed []data.DiaryEntry
	for _, cl := range clinicians {
		list := letters.DayList{ClinicName: clinic.Name, Clinician: cl.Name, Date: day, Printed: now}
		for _, e := range entries {
			if e.ClinicianID == cl.ID {
				list.Rows = append(list.Rows, dayListRow(e, now, c.childUnderAge()))
				listed = append(listed, e)
			}
		}
		if len(list.Rows) > 0 {
			lists = append(lists, list)
		}
	}
	if len(lists) == 0 {
		return SlipResult{}, fmt.Errorf("no one has appointments on %s", day.LongWithDay())
	}
	var buf bytes.Buffer
	ws, err := letters.RenderDayLists(&buf, lists)
	if err != nil {
		return SlipResult{}, err
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		for _, e := range listed {
			if err := tx.audit(auditEvent{Action: "daylist.print", Entity: "appointment", ID: e.ID, Patient: e.PatientID, Detail: day.String()}); err != nil {
				return err
			}
		}
		return nil
	})
	return SlipResult{PDF: buf.Bytes(), Slips: len(lists), Warnings: ws.Messages(), FileName: "Day lists " + day.String() + ".pdf"}, err
}

// dayListRow is one appointment as the printed day list shows it at now.
// A status that cannot be true yet (an older file's DNA on a day still to
// come) prints as booked: the list must never say a patient missed an
// appointment that has not happened.
func dayListRow(e data.DiaryEntry, now time.Time, childUnder int) letters.DayListRow {
	asOf := e
	asOf.Status = e.Appointment.StatusAsOf(now)
	row := letters.DayListRow{StartMin: e.StartMin, EndMin: e.EndMin, Patient: e.PatientName, Type: e.TypeName,
		Status: EntryStatusLabel(asOf, childUnder), Inactive: e.Status.Cancelled()}
	row.DOB, _ = ukcal.ParseDate(e.PatientDOB)
	for _, a := range e.Alerts {
		text := patients.Label(patients.AlertKinds, a.Kind)
		if a.Text != "" {
			text += ": " + a.Text
		}
		row.Alerts = append(row.Alerts, text)
	}
	for _, need := range e.AISNeeds {
		row.Alerts = append(row.Alerts, patients.Label(patients.AISNeeds, need))
	}
	return row
}
