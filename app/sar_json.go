package app

import (
	"strings"
	"time"

	"clinicdesk/app/patients"
	"clinicdesk/app/sar"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
)

func sarPausesJSON(ps []sar.Pause) []sarJSONPause {
	out := []sarJSONPause{}
	for _, p := range ps {
		out = append(out, sarJSONPause{From: p.From.String(), To: sarDateJSON(p.To), Reason: string(p.Reason)})
	}
	return out
}

// sarInstant is t in RFC 3339 UTC, or null when not set.
func sarInstant(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// sarDateJSON is the date as "YYYY-MM-DD", or null for no date.
func sarDateJSON(d ukcal.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func (g *sarGathered) jsonStaff(username string) sarJSONStaff {
	out := sarJSONStaff{Username: username, Name: username}
	if u, ok := g.staff[username]; ok {
		out.Name, out.Role = u.FullName, string(u.Role)
	}
	return out
}

func (g *sarGathered) jsonStaffPtr(username string) *sarJSONStaff {
	if username == "" {
		return nil
	}
	s := g.jsonStaff(username)
	return &s
}

func (g *sarGathered) json(req sar.Request, by users.User, region ukcal.Region, due, dueExt ukcal.Date) sarJSON {
	p := g.patient
	var address []string
	for _, line := range strings.Split(g.clinic.Address, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			address = append(address, line)
		}
	}
	out := sarJSON{
		Schema:        SARSchema,
		SchemaVersion: SARSchemaVersion,
		GeneratedAt:   *sarInstant(req.ProducedAt),
		GeneratedBy:   g.jsonStaff(by.Username),
		Software:      sarJSONSoftware{Name: "ClinicDesk", Version: Version},
		Clinic:        sarJSONClinic{Name: g.clinic.Name, Address: sarNonNil(address), Phone: g.clinic.Phone, Email: g.clinic.Email},
		Request: sarJSONRequest{ID: req.ID, Received: req.Received.String(), Due: due.String(), DueExtended: dueExt.String(),
			Region: region.String(), RequestedBy: req.RequestedBy, Scope: req.Scope, IdentityCheck: req.IdentityCheck,
			ExtensionSent: sarDateJSON(req.ExtensionSent), Pauses: sarPausesJSON(req.Pauses)},
		Patient: sarJSONPatient{
			ID: p.ID, Status: p.Status, Title: p.Title, Forenames: p.Forenames, Surname: p.Surname,
			PreferredName: p.PreferredName, DateOfBirth: sarDateJSON(p.DOB), GenderIdentity: p.GenderIdentity,
			NHSNumber: p.NHSNumber, UseKnownAs: p.UseKnownAs,
			Address: sarJSONAddress{Line1: p.Address.Line1, Line2: p.Address.Line2, Town: p.Address.Town,
				County: p.Address.County, Postcode: p.Address.Postcode},
			Phones:      sarJSONPhones{Mobile: p.Phones.Mobile, Home: p.Phones.Home, Work: p.Phones.Work},
			Email:       p.Email,
			GP:          sarJSONGP{Name: p.GP.Name, Practice: p.GP.Practice, Address: sarNonNil(p.GP.Address)},
			NextOfKin:   sarJSONNextOfKin{Name: p.NextOfKin.Name, Relationship: p.NextOfKin.Relationship, Phone: p.NextOfKin.Phone},
			Language:    p.Language,
			Interpreter: p.Interpreter,
			Consent:     sarJSONConsent{Letter: p.Consent.Letter, Phone: p.Consent.Phone, SMS: p.Consent.SMS, Email: p.Consent.Email},
			Alerts:      []sarJSONAlert{},
			Communication: sarJSONCommunication{Needs: []sarJSONCode{}, Notes: p.AIS.Notes,
				LastReviewed: sarDateJSON(p.AIS.Reviewed)},
			LastTreatment: sarDateJSON(p.LastTreatment),
			DateOfDeath:   sarDateJSON(p.DateOfDeath),
			MergedInto:    p.MergedInto,
			ArchivedAt:    sarInstant(p.ArchivedAt),
			CreatedAt:     sarInstant(p.CreatedAt),
			UpdatedAt:     sarInstant(p.UpdatedAt),
		},
		Appointments:          []sarJSONAppointment{},
		Referrals:             g.jsonReferrals(),
		Notes:                 []sarJSONNote{},
		FollowUps:             []sarJSONTask{},
		SubjectAccessRequests: []sarJSONEarlier{},
		Merges:                []sarJSONMerge{},
		Audit:                 []sarJSONAudit{},
	}
	if p.Sex != "" {
		out.Patient.Sex = &sarJSONCode{Code: p.Sex, Label: patients.Label(patients.Sexes, p.Sex)}
	}
	for _, a := range p.Alerts {
		out.Patient.Alerts = append(out.Patient.Alerts, sarJSONAlert{
			Kind: sarJSONCode{Code: a.Kind, Label: patients.Label(patients.AlertKinds, a.Kind)}, Text: a.Text})
	}
	for _, code := range p.AIS.Needs {
		out.Patient.Communication.Needs = append(out.Patient.Communication.Needs,
			sarJSONCode{Code: code, Label: patients.Label(patients.AISNeeds, code)})
	}
	for _, a := range g.appointments {
		ja := sarJSONAppointment{ID: a.ID, Date: a.Date.String(), Start: schedule.Clock(a.StartMin).String(), End: schedule.Clock(a.EndMin).String(),
			Clinician: a.ClinicianName, Type: a.TypeName, Room: a.RoomName, Status: sarJSONCode{Code: string(a.Status), Label: a.Status.Label()},
			CancelReason: a.CancelReason, OverrideReason: a.OverrideReason, SeriesID: a.SeriesID, Notes: a.Notes,
			BookedAt: sarInstant(a.CreatedAt), BookedBy: g.jsonStaff(a.CreatedBy), History: []sarJSONStatusChange{}}
		for _, h := range g.apptHistory[a.ID] {
			jh := sarJSONStatusChange{At: sarInstant(h.At), By: g.jsonStaff(h.By), Status: sarJSONCode{Code: string(h.Status), Label: h.Status.Label()},
				Reason: h.Reason}
			if m := h.MovedFrom; m != nil {
				jh.MovedFrom = &sarJSONSlot{Date: m.Date.String(), Start: schedule.Clock(m.StartMin).String(), End: schedule.Clock(m.EndMin).String(),
					Clinician: g.clinicians[m.ClinicianID]}
			}
			ja.History = append(ja.History, jh)
		}
		out.Appointments = append(out.Appointments, ja)
	}
	for _, n := range g.notes {
		out.Notes = append(out.Notes, sarJSONNote{ID: n.ID, Kind: n.Kind, Direction: n.Direction, Text: n.Body,
			CreatedAt: sarInstant(n.CreatedAt), CreatedBy: g.jsonStaff(n.CreatedBy)})
	}
	for _, k := range g.tasks {
		t := sarJSONTask{ID: k.ID, Title: k.Title, Note: k.Note, Due: sarDateJSON(k.Due), CreatedAt: sarInstant(k.CreatedAt),
			CreatedBy: g.jsonStaff(k.CreatedBy), DoneAt: sarInstant(k.DoneAt), DoneBy: g.jsonStaffPtr(k.DoneBy)}
		if u, ok := g.staffIDs[k.OwnerID]; ok {
			t.Owner = g.jsonStaffPtr(u.Username)
		}
		out.FollowUps = append(out.FollowUps, t)
	}
	for _, r := range g.requests {
		out.SubjectAccessRequests = append(out.SubjectAccessRequests, sarJSONEarlier{ID: r.ID, Received: r.Received.String(),
			Due: r.DueWithoutExtension(region, g.today).String(), DueExtended: r.DueExtended(region, g.today).String(),
			RequestedBy: r.RequestedBy, Scope: r.Scope, ExtensionSent: sarDateJSON(r.ExtensionSent), ProducedAt: sarInstant(r.ProducedAt),
			SHA256PDF: r.SHA256PDF, SHA256JSON: r.SHA256JSON, CreatedBy: g.jsonStaff(r.CreatedBy)})
	}
	for _, m := range g.merges {
		out.Merges = append(out.Merges, sarJSONMerge{ID: m.ID, SurvivorID: m.SurvivorID, MergedID: m.MergedID,
			MergedAt: sarInstant(m.MergedAt), MergedBy: g.jsonStaff(m.MergedBy),
			UndoneAt: sarInstant(m.UndoneAt), UndoneBy: g.jsonStaffPtr(m.UndoneBy)})
	}
	for _, e := range g.audit {
		out.Audit = append(out.Audit, sarJSONAudit{Seq: e.Seq, At: sarInstant(e.At), By: g.jsonStaff(e.Username),
			Action: e.Action, Description: sarAccessWords(e), Entity: e.Entity, EntityID: e.EntityID,
			RecordID: e.Patient, Detail: e.Detail})
	}
	return out
}

func sarNonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
