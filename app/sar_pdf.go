package app

import (
	"strings"

	"clinicdesk/app/letters"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/sar"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
)

// The subject access copy as a PDF for the patient: the gathered record
// laid out for letters.SubjectAccessPDF.

func sarYesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// sarFullName is the patient's name as it is printed: forenames and surname,
// exactly as recorded.
func sarFullName(p patients.Patient) string {
	return strings.TrimSpace(strings.TrimSpace(p.Forenames) + " " + strings.TrimSpace(p.Surname))
}

// pdf puts the record into words for the patient's copy.
func (g *sarGathered) pdf(req sar.Request, by users.User) letters.SARData {
	p := g.patient
	local := ukcal.Wall
	var address []string
	for _, line := range []string{p.Address.Line1, p.Address.Line2, p.Address.Town, p.Address.County, p.Address.Postcode} {
		if line = strings.TrimSpace(line); line != "" {
			address = append(address, line)
		}
	}
	sex := ""
	if p.Sex != "" {
		sex = patients.Label(patients.Sexes, p.Sex)
	}
	status := "Active"
	switch p.Status {
	case patients.Archived:
		status = "Archived"
		if !p.ArchivedAt.IsZero() {
			status += " on " + ukcal.WallDate(p.ArchivedAt).Long()
		}
	case patients.Merged:
		status = "Merged into another record"
	}
	var needs []string
	for _, code := range p.AIS.Needs {
		needs = append(needs, patients.Label(patients.AISNeeds, code))
	}

	d := letters.SARData{
		Clinic:  letters.SARClinic{Name: g.clinic.Name, Address: g.clinic.Address, Phone: g.clinic.Phone, Email: g.clinic.Email},
		Patient: sarFullName(p),
		DOB:     p.DOB,
		NHSNumber: func() string {
			if p.NHSNumber == "" {
				return ""
			}
			return nhs.FormatNHSNumber(p.NHSNumber)
		}(),
		Received:    req.Received,
		RequestedBy: req.RequestedBy,
		Scope:       sarScopeShown(req.Scope),
		Produced:    local(req.ProducedAt),
		ProducedBy:  by.FullName,
		Details: []letters.SARFieldGroup{
			{Title: "About you", Fields: []letters.SARField{
				{Label: "Title", Value: p.Title},
				{Label: "Forenames", Value: p.Forenames},
				{Label: "Surname", Value: p.Surname},
				{Label: "Preferred name", Value: p.PreferredName},
				{Label: "Letters use the preferred name", Value: sarYesNo(p.UseKnownAs)},
				{Label: "Date of birth", Value: p.DOB.Long()},
				{Label: "Sex", Value: sex},
				{Label: "Gender identity", Value: p.GenderIdentity},
				{Label: "NHS number", Value: nhs.FormatNHSNumber(p.NHSNumber)},
			}},
			{Title: "How to reach you", Fields: []letters.SARField{
				{Label: "Address", Value: strings.Join(address, "\n")},
				{Label: "Mobile phone", Value: nhs.FormatPhone(p.Phones.Mobile)},
				{Label: "Home phone", Value: nhs.FormatPhone(p.Phones.Home)},
				{Label: "Work phone", Value: nhs.FormatPhone(p.Phones.Work)},
				{Label: "Email", Value: p.Email},
			}},
			{Title: "How you are happy for us to contact you", Fields: []letters.SARField{
				{Label: "By letter", Value: sarYesNo(p.Consent.Letter)},
				{Label: "By phone", Value: sarYesNo(p.Consent.Phone)},
				{Label: "By text message", Value: sarYesNo(p.Consent.SMS)},
				{Label: "By email", Value: sarYesNo(p.Consent.Email)},
			}},
			{Title: "Your GP and next of kin", Fields: []letters.SARField{
				{Label: "Registered GP", Value: p.GP.Name},
				{Label: "GP practice", Value: p.GP.Practice},
				{Label: "GP practice’s address", Value: strings.Join(p.GP.Address, "\n")},
				{Label: "Next of kin", Value: p.NextOfKin.Name},
				{Label: "Relationship to you", Value: p.NextOfKin.Relationship},
				{Label: "Next of kin’s phone", Value: nhs.FormatPhone(p.NextOfKin.Phone)},
			}},
			{Title: "About this record", Fields: []letters.SARField{
				{Label: "Record created", Value: ukcal.WallDate(p.CreatedAt).Long()},
				{Label: "Last changed", Value: ukcal.WallDate(p.UpdatedAt).Long()},
				{Label: "Last treatment", Value: p.LastTreatment.Long()},
				{Label: "Status", Value: status},
				{Label: "Record reference", Value: p.ID},
			}},
		},
		Communication: []letters.SARField{
			{Label: "Preferred language", Value: p.Language},
			{Label: "Interpreter needed", Value: sarYesNo(p.Interpreter)},
			{Label: "Communication needs", Value: strings.Join(needs, "\n")},
			{Label: "Notes about your needs", Value: p.AIS.Notes},
			{Label: "Needs last reviewed", Value: p.AIS.Reviewed.Long()},
		},
	}
	// A date of death is part of the record (a personal representative
	// may ask under the Access to Health Records Act); "Not recorded" is
	// never printed to a living patient.
	if !p.DateOfDeath.IsZero() {
		record := &d.Details[len(d.Details)-1] // before its reference, the last line
		at := len(record.Fields) - 1
		record.Fields = append(record.Fields[:at], append([]letters.SARField{{Label: "Date of death", Value: p.DateOfDeath.Long()}}, record.Fields[at:]...)...)
	}
	for _, a := range p.Alerts {
		d.Alerts = append(d.Alerts, letters.SARField{Label: patients.Label(patients.AlertKinds, a.Kind), Value: a.Text})
	}
	for _, a := range g.appointments {
		what := a.TypeName + " with " + a.ClinicianName
		if a.RoomName != "" {
			what += ", " + a.RoomName
		}
		sa := letters.SARAppointment{Date: a.Date, What: what, Status: a.Status.Label(),
			Time: schedule.Clock(a.StartMin).String() + "–" + schedule.Clock(a.EndMin).String()}
		for i, h := range g.apptHistory[a.ID] {
			sa.History = append(sa.History, letters.SAREvent{At: local(h.At), By: g.staffName(h.By), What: g.sarAppointmentChange(h, i == 0)})
		}
		d.Appointments = append(d.Appointments, sa)
	}
	d.Referrals = g.sarReferrals()
	for _, n := range g.notes {
		title := "Note"
		if n.Kind == "call" {
			title = "Phone call from you"
			if n.Direction == "out" {
				title = "Phone call to you"
			}
		}
		d.Notes = append(d.Notes, letters.SARNote{At: local(n.CreatedAt), Title: title, By: g.staffName(n.CreatedBy), Text: n.Body})
	}
	for _, k := range g.tasks {
		f := letters.SARFollowUp{Title: k.Title, Note: k.Note, Due: k.Due, Owner: g.ownerName(k.OwnerID),
			Added: local(k.CreatedAt), AddedBy: g.staffName(k.CreatedBy)}
		if !k.DoneAt.IsZero() {
			f.Done, f.DoneBy = local(k.DoneAt), g.staffName(k.DoneBy)
		}
		d.FollowUps = append(d.FollowUps, f)
	}
	for _, e := range g.audit {
		if what, ok := g.sarHistoryWords(e); ok {
			d.History = append(d.History, letters.SAREvent{At: local(e.At), By: g.staffName(e.Username), What: what})
		}
		d.Access = append(d.Access, letters.SAREvent{At: local(e.At), By: g.staffWithRole(e.Username), What: sarAccessWords(e)})
	}
	return d
}
