package app

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/letters"
	"clinicdesk/app/practice"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// printedSlip is what the correspondence log keeps of a slip.
type printedSlip struct {
	Slip    letters.Slip
	Printed time.Time
}

// slipFor is the appointment card for one diary entry.
func slipFor(clinic practice.Details, e schedule.DiaryEntry) letters.Slip {
	location := e.RoomName
	if lines := addressLines(clinic.Address); len(lines) > 0 {
		location = strings.Join(append(nonEmpty(e.RoomName), lines[0]), ", ")
	}
	phone := printablePhone(clinic.Phone)
	howTo := "To cancel or change this appointment, please call us as soon as you can."
	if phone != "" {
		howTo = "To cancel or change, please call " + phone + " as soon as you can."
	}
	return letters.Slip{ClinicName: clinic.Name, ClinicPhone: phone, Patient: e.PatientName, Date: e.Date, StartMin: e.StartMin,
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
			return c.slipsLocked(s, []schedule.DiaryEntry{e}, false)
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
	entries, err := c.store.Diary(data.DiaryFilter{From: day, To: day})
	if err != nil {
		return SlipResult{}, err
	}
	var booked []schedule.DiaryEntry
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
func (c *Clinic) slipsLocked(s *Session, entries []schedule.DiaryEntry, sheet bool) (SlipResult, error) {
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
	res := SlipResult{PDF: buf.Bytes(), Slips: len(entries), Warnings: ws.Messages(), FileName: "Appointment slip " + entries[0].Date.String() + ".pdf"}
	return res, nil
}
