package app

import (
	"errors"
	"strings"

	"clinicdesk/app/complaints"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// complaintContext is what working out a complaint's deadlines needs.
type complaintContext struct {
	region ukcal.Region
	today  ukcal.Date
}

type settingsReader interface {
	CalendarSettings() (schedule.CalendarSettings, error)
}

func (c *Clinic) complaintContext(r settingsReader) (complaintContext, error) {
	cs, err := r.CalendarSettings()
	if err != nil {
		return complaintContext{}, err
	}
	region, err := ukcal.ParseRegion(cs.Region)
	if err != nil {
		return complaintContext{}, err
	}
	return complaintContext{region: region, today: ukcal.Today(c.clock())}, nil
}

// transitionsOf are the moves in a complaint's history: all of it but the
// complaint being logged.
func transitionsOf(h []complaints.Transition) []complaints.Transition {
	out := make([]complaints.Transition, 0, len(h))
	for _, t := range h {
		if t.From != "" {
			out = append(out, t)
		}
	}
	return out
}

// record turns a stored complaint into what the screens show. history may
// be nil when the complaint is open (nothing to retain yet).
func (cc complaintContext) record(c complaints.Complaint, history []complaints.Transition) ComplaintRecord {
	rec := ComplaintRecord{Complaint: c}
	rec.Due = c.DueDates()
	rec.Next, rec.HasNext = rec.Due.Next(rec.Status)
	if rec.HasNext {
		rec.NextText = complaints.Describe(rec.Next.Due, cc.today, rec.Rules.Region())
		rec.Overdue = rec.Next.Overdue(cc.today)
	}
	rec.DelayLetterOwed = rec.Due.DelayLetterOwed(rec.Status, cc.today, !rec.DelayLetterSent.IsZero())
	if history != nil {
		moves := transitionsOf(history)
		rec.ClosedOn = complaints.ClosedOn(moves)
		rec.RetainUntil = complaints.RetainUntil(rec.ClosedOn)
		rec.ResolvedNextDay = rec.Channel == complaints.Oral &&
			complaints.ResolvedNextDay(rec.Received, complaints.ResolvedOn(moves), rec.Rules.Region())
	}
	return rec
}

// names fills in the patient's and the owner's names for records.
func (c *Clinic) complaintNames(recs []ComplaintRecord) error {
	users := map[string]string{}
	patientNames := map[string]string{}
	for i := range recs {
		r := &recs[i]
		if r.OwnerID != "" {
			name, ok := users[r.OwnerID]
			if !ok {
				u, err := c.store.UserByID(r.OwnerID)
				if err != nil && !errors.Is(err, data.ErrNotFound) {
					return err
				}
				name = u.FullName
				users[r.OwnerID] = name
			}
			r.OwnerName = name
		}
		if r.PatientID != "" {
			name, ok := patientNames[r.PatientID]
			if !ok {
				p, err := c.store.Patient(r.PatientID)
				if err != nil && !errors.Is(err, data.ErrNotFound) {
					return err
				}
				name = strings.TrimSpace(p.Forenames + " " + p.Surname)
				patientNames[r.PatientID] = name
			}
			r.PatientName = name
		}
	}
	return nil
}
