package app

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"clinicdesk/app/ical"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patientcsv"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// Export formats for appointments.
const (
	FormatCSV = "csv"
	FormatICS = "ics"
)

// AppointmentExport says what to export. Zero dates mean no limit.
type AppointmentExport struct {
	Format      string // FormatCSV or FormatICS
	ClinicianID string // "" for every clinician
	From, To    ukcal.Date
}

// AppointmentCSVHeader is the CSV export's header row.
var AppointmentCSVHeader = []string{"Appointment ID", "Date", "Start", "End", "Clinician", "Room", "Type",
	"Patient", "Date of birth", "NHS number", "Status", "Status changed", "Cancellation reason", "Override reason", "Notes"}

// ExportAppointments writes appointments in date and time order, cancelled
// ones included (marked so), and returns how many.
//
// CSV is RFC 4180 with a byte-order mark and CRLF, every cell made safe
// for a spreadsheet as the patient export does (patientcsv.Neutralise).
// iCalendar (RFC 5545) is a clinician's diary for their own calendar
// program: UID is the appointment id + "@clinicdesk", times in UTC, and
// the summary carries the type and the patient's name, because a diary
// without names is no use to the clinician. The file is patient data and
// the export is audited as such: one "appointment.export" row with the
// count, in the same transaction as the read.
func (c *Clinic) ExportAppointments(w io.Writer, x AppointmentExport) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermExportAppointments)
	if err != nil {
		return 0, err
	}
	format := strings.ToLower(x.Format)
	if format == "" {
		format = FormatCSV
	}
	if format != FormatCSV && format != FormatICS {
		return 0, fmt.Errorf("appointments are exported as csv or ics, not %q", x.Format)
	}
	f := data.DiaryFilter{From: ukcal.NewDate(1, time.January, 1), To: ukcal.NewDate(9999, time.December, 31), ClinicianID: x.ClinicianID, WithCancelled: true}
	if !x.From.IsZero() {
		f.From = x.From
	}
	if !x.To.IsZero() {
		f.To = x.To
	}
	if f.To.Before(f.From) {
		return 0, errors.New("the export's last day is before its first")
	}
	n := 0
	exportID := uuid.Must(uuid.NewV7()).String()
	err = c.writeAs(s, func(tx *writeTx) error {
		calName := "ClinicDesk appointments"
		if x.ClinicianID != "" {
			cl, err := tx.Clinician(x.ClinicianID)
			if err != nil {
				return notFound(err, "that clinician is not set up in this clinic")
			}
			calName = cl.Name + " — appointments"
		}
		entries, err := tx.Diary(f)
		if err != nil {
			return err
		}
		if format == FormatICS {
			err = c.writeICS(tx.Tx, w, calName, entries)
		} else {
			err = writeAppointmentsCSV(w, entries)
		}
		if err != nil {
			return fmt.Errorf("the export could not be written: %w", err)
		}
		n = len(entries)
		detail := fmt.Sprintf("%d appointments to %s", n, strings.ToUpper(format))
		if x.ClinicianID != "" {
			detail += ", clinician " + x.ClinicianID
		}
		detail += ", " + f.From.String() + " to " + f.To.String()
		return tx.audit(auditEvent{Action: "appointment.export", Entity: "export", ID: exportID, Detail: detail})
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// AppointmentCells is one appointment as the CSV export writes it, in
// AppointmentCSVHeader order, before neutralising.
func AppointmentCells(e schedule.DiaryEntry) []string {
	nhsNumber := ""
	if e.NHSNumber != "" {
		nhsNumber = nhs.FormatNHSNumber(e.NHSNumber)
	}
	changed := ukcal.WallDateTime(e.StatusAt)
	return []string{e.ID, e.Date.Short(), schedule.Clock(e.StartMin).String(), schedule.Clock(e.EndMin).String(),
		e.ClinicianName, e.RoomName, e.TypeName, e.PatientName, e.PatientDOB.Short(), nhsNumber,
		e.Status.Label(), changed, e.CancelReason, e.OverrideReason, e.Notes}
}

func writeAppointmentsCSV(w io.Writer, entries []schedule.DiaryEntry) error {
	// A byte-order mark, or Excel on Windows shows "Zoë" as "ZoÃ«".
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(AppointmentCSVHeader); err != nil {
		return err
	}
	for _, e := range entries {
		cells := AppointmentCells(e)
		for i := range cells {
			cells[i] = patientcsv.Neutralise(cells[i])
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// icsStatus maps an appointment's status to the event's.
func icsStatus(s schedule.Status) string {
	if s.Cancelled() {
		return ical.StatusCancelled
	}
	return ical.StatusConfirmed
}

func (c *Clinic) writeICS(tx *data.Tx, w io.Writer, calName string, entries []schedule.DiaryEntry) error {
	stamp := c.clock().UTC()
	events := make([]ical.Event, 0, len(entries))
	for _, e := range entries {
		revisions, err := tx.Revisions(e.ID)
		if err != nil {
			return err
		}
		desc := []string{"Clinician: " + e.ClinicianName, "Status: " + e.Status.Label()}
		if e.CancelReason != "" {
			desc = append(desc, "Reason: "+e.CancelReason)
		}
		if e.Notes != "" {
			desc = append(desc, "Notes: "+e.Notes)
		}
		events = append(events, ical.Event{
			UID:   e.ID + "@clinicdesk",
			Start: schedule.At(e.Date, schedule.Clock(e.StartMin)), End: schedule.At(e.Date, schedule.Clock(e.EndMin)),
			Summary: e.TypeName + " — " + e.PatientName, Description: strings.Join(desc, "\n"), Location: e.RoomName,
			Status: icsStatus(e.Status), Stamp: stamp, Sequence: revisions,
		})
	}
	return ical.Write(w, "-//ClinicDesk//ClinicDesk "+Version+"//EN", calName, events)
}
