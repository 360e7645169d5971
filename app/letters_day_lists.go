package app

import (
	"bytes"
	"fmt"
	"time"

	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

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
	entries, err := c.store.Diary(data.DiaryFilter{From: day, To: day, WithCancelled: true})
	if err != nil {
		return SlipResult{}, err
	}
	clinicians, err := c.store.Clinicians(false)
	if err != nil {
		return SlipResult{}, err
	}
	now := c.clock().In(ukcal.London())
	var lists []letters.DayList
	var listed []schedule.DiaryEntry
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
func dayListRow(e schedule.DiaryEntry, now time.Time, childUnder int) letters.DayListRow {
	asOf := e
	asOf.Status = e.Appointment.StatusAsOf(now)
	row := letters.DayListRow{StartMin: e.StartMin, EndMin: e.EndMin, Patient: e.PatientName, Type: e.TypeName,
		Status: EntryStatusLabel(asOf, childUnder), Inactive: e.Status.Cancelled(), DOB: e.PatientDOB}
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
