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

func dateOrZero(s string) ukcal.Date {
	d, err := ukcal.ParseDate(s)
	if err != nil {
		return ukcal.Date{}
	}
	return d
}

func dateString(d ukcal.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func responsePeriodOf(c data.Complaint) complaints.ResponsePeriod {
	if c.ResponseUntil != "" {
		return complaints.AgreedDate(dateOrZero(c.ResponseUntil))
	}
	return complaints.AgreedWorkingDays(c.ResponseDays)
}

// rulesOf is the stored complaint's rule set.
func rulesOf(c data.Complaint) complaints.Rules {
	return complaints.Rules{Nation: complaints.Nation(c.Nation), Funding: complaints.Funding(c.Funding)}
}

// dueDatesOf works out the stored complaint's deadlines under its rule
// set, in its nation's working days.
func dueDatesOf(c data.Complaint) complaints.DueDates {
	return complaints.DeadlinesUnder(rulesOf(c), dateOrZero(c.Received), dateOrZero(c.EventsDate), dateOrZero(c.AwareDate),
		dateOrZero(c.Stage2From), responsePeriodOf(c))
}

// nextDue is the stored deadline the due-date index is kept on.
func nextDue(c data.Complaint) string {
	if dl, ok := dueDatesOf(c).Next(complaints.Status(c.Status)); ok {
		return dl.Due.String()
	}
	return ""
}

func transitionsOf(h []data.ComplaintTransition) []complaints.Transition {
	out := make([]complaints.Transition, 0, len(h))
	for _, t := range h {
		if t.From == "" {
			continue // the complaint being logged is not a move
		}
		out = append(out, complaints.Transition{From: complaints.Status(t.From), To: complaints.Status(t.To), At: t.At,
			By: t.By, Outcome: complaints.Outcome(t.Outcome), SignedOffBy: t.SignedOffBy})
	}
	return out
}

// record turns a stored complaint into what the screens show. history may
// be nil when the complaint is open (nothing to retain yet).
func (cc complaintContext) record(c data.Complaint, history []data.ComplaintTransition) ComplaintRecord {
	rec := ComplaintRecord{
		ID: c.ID, Reference: c.Reference,
		ComplaintDetails: ComplaintDetails{
			ComplainantName: c.ComplainantName, ComplainantAddress: c.ComplainantAddress,
			ComplainantPhone: c.ComplainantPhone, ComplainantEmail: c.ComplainantEmail,
			Complainant: complaints.ComplainantStatus(c.ComplainantStatus), Consent: Consent(c.Consent),
			ConsentDate: dateOrZero(c.ConsentDate), ConsentNote: c.ConsentNote,
			PatientID: c.PatientID, AppointmentIDs: c.AppointmentIDs,
			Channel: complaints.Channel(c.Channel), Received: dateOrZero(c.Received),
			Events: dateOrZero(c.EventsDate), Aware: dateOrZero(c.AwareDate),
			Description: c.Description, DesiredOutcome: c.DesiredOutcome, OwnerID: c.OwnerID,
			ResponsePeriod: responsePeriodOf(c), DelayLetterSent: dateOrZero(c.DelayLetterSent), Learning: c.Learning,
			Rules: rulesOf(c), Stage2: dateOrZero(c.Stage2From),
		},
		Status: complaints.Status(c.Status), StatusAt: c.StatusAt, StatusBy: c.StatusBy,
		Outcome: complaints.Outcome(c.Outcome), SignedOffBy: c.SignedOffBy, Acknowledged: dateOrZero(c.Acknowledged),
		CreatedAt: c.CreatedAt, CreatedBy: c.CreatedBy,
	}
	for _, s := range c.Subjects {
		rec.Subjects = append(rec.Subjects, complaints.SubjectArea(s))
	}
	for _, g := range c.StaffGroups {
		rec.StaffGroups = append(rec.StaffGroups, complaints.StaffGroup(g))
	}
	rec.Due = dueDatesOf(c)
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
