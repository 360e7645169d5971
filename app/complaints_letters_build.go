package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/complaints"
	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
	"clinicdesk/app/practice"
)

// complaintLetterFields fills the merge fields a complaint letter uses,
// and refuses, in words the desk can act on, a letter that would print
// with a gap.
func (c *Clinic) complaintLetterFields(req ComplaintLetterRequest, rec ComplaintRecord, patient *patients.Patient,
	details practice.Details, cs complaints.Settings, cc complaintContext) (letters.Fields, error) {
	cf := &letters.ComplaintFields{
		Reference: rec.Reference, Received: rec.Received,
		AcknowledgeBy: rec.Due.AcknowledgeBy, ResponseDue: rec.Due.ResponseDue,
		Summary:       typedText(req.Summary),
		DelayReason:   typedText(req.DelayReason),
		Investigation: typedText(req.Investigation),
		Conclusions:   typedText(req.Conclusions),
		Actions:       typedText(req.Actions),
	}
	if cf.Summary == "" {
		cf.Summary = SuggestedComplaintSummary(rec.Description)
	}
	// The complaint's nation's working days, not the clinic's region.
	region := rec.Rules.Region()
	switch {
	case rec.Due.AtStage1():
		// Scotland, frontline resolution: the answer is due in 5 working days.
		cf.ResponseDue = rec.Due.Stage1By
	case cf.ResponseDue.IsZero():
		// Not agreed yet: the acknowledgement offers the default period.
		cf.ResponseDue = complaints.AgreedWorkingDays(cs.DefaultResponseDays).Due(rec.Received, region)
	}
	reviewer, err := rec.Rules.Reviewer(complaints.Adjudicator(cs.Adjudicator))
	if err != nil && req.Template != ComplaintAckTemplate {
		return letters.Fields{}, err
	}
	cf.Ombudsman, cf.OmbudsmanDelay, cf.Advocacy = reviewer.Final, reviewer.Delay, reviewer.Advocacy
	switch req.Template {
	case ComplaintDelayTemplate:
		due := req.NewResponseDue
		switch {
		case due.IsZero():
			return letters.Fields{}, errors.New("give the new date by which the complainant can expect the full response")
		case !due.After(cc.today):
			return letters.Fields{}, fmt.Errorf("the new response date must be after today (%s)", cc.today.LongWithDay())
		case !region.IsWorkingDay(due):
			return letters.Fields{}, fmt.Errorf("%s is not a working day in %s: choose %s instead", due.LongWithDay(), rec.Rules.Nation.Label(), region.NextWorkingDay(due).LongWithDay())
		}
		cf.ResponseDue = due
	case ComplaintFinalTemplate:
		switch {
		case cf.Investigation == "":
			return letters.Fields{}, errors.New("say how the complaint was looked into: who was spoken to and what was read")
		case cf.Conclusions == "":
			return letters.Fields{}, errors.New("say what was found, and whether the complaint is upheld")
		case cf.Actions == "":
			return letters.Fields{}, errors.New("say what has been done, or will be done, because of the complaint (or that nothing needs to change, and why)")
		}
	}
	if rec.Complainant == complaints.ComplainantPatient && patient != nil {
		cf.ComplainantTitle, cf.ComplainantForenames, cf.ComplainantSurname = patient.Title, patient.Forenames, patient.Surname
		cf.ComplainantKnownAs = patients.LetterKnownAs(*patient)
	} else {
		cf.ComplainantTitle, cf.ComplainantForenames, cf.ComplainantSurname = splitPersonName(rec.ComplainantName)
	}
	if rec.Complainant == complaints.ComplainantOnBehalf && rec.PatientName != "" {
		cf.OnBehalfOf = rec.PatientName
	}
	if rec.OwnerID != "" {
		if u, err := c.store.UserByID(rec.OwnerID); err == nil {
			cf.Handler = u.FullName + ", " + Role(u.Role).Label()
		}
	}
	return letters.Fields{Today: cc.today, Clinic: clinicFields(details), Complaint: cf}, nil
}

// personTitles are the titles a typed name may start with.
var personTitles = []string{"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "revd", "sir", "dame", "lord", "lady"}

// splitPersonName reads "Mrs Joan O'Neill" as title, forenames and
// surname, for the salutation. A name of one word is the surname.
func splitPersonName(name string) (title, forenames, surname string) {
	words := strings.Fields(name)
	if len(words) > 1 && slices.Contains(personTitles, strings.ToLower(strings.TrimSuffix(words[0], "."))) {
		title, words = words[0], words[1:]
	}
	if len(words) == 0 {
		return title, "", ""
	}
	return title, strings.Join(words[:len(words)-1], " "), words[len(words)-1]
}

// complainantRecipient is the name and address in the envelope window:
// the complainant's, or the patient's address on file when the patient
// complained and gave none.
func complainantRecipient(rec ComplaintRecord, patient *patients.Patient) (letters.Recipient, error) {
	name := rec.ComplainantName
	lines := addressLines(rec.ComplainantAddress)
	if rec.Complainant == complaints.ComplainantPatient && patient != nil {
		name = patientFullName(*patient)
		if len(lines) == 0 {
			return letters.Recipient{Name: name, Address: postalAddress(patient.Address)}, nil
		}
	}
	if strings.TrimSpace(name) == "" {
		return letters.Recipient{}, errors.New("the complaint does not say who complained: add the complainant's name first")
	}
	if len(lines) == 0 {
		return letters.Recipient{}, fmt.Errorf("there is no postal address for %s: add it to the complaint's details before writing to them", name)
	}
	return letters.Recipient{Name: name, Address: postTownInCapitals(lines)}, nil
}

// finalResponseSignatory is who signs the final response: the responsible
// person named, who must be the one recorded if it has already been
// signed off.
func finalResponseSignatory(typed, recorded string, s *Session) (letters.Signatory, error) {
	typed, recorded = cleanText(typed), cleanText(recorded)
	name := typed
	switch {
	case typed == "" && recorded == "":
		return letters.Signatory{}, errors.New("the final response must be signed by the responsible person: give their name")
	case typed == "":
		name = recorded
	case recorded != "" && !strings.EqualFold(typed, recorded):
		return letters.Signatory{}, fmt.Errorf("the final response was signed off by %s: the letter must carry that name", recorded)
	}
	role := "Responsible person for complaints"
	if strings.EqualFold(name, s.User.FullName) {
		role = s.Role.Label() + ", responsible person for complaints"
	}
	return letters.Signatory{Name: name, Role: role}, nil
}

// buildComplaintLetter merges the template and lays out the letter.
func buildComplaintLetter(tmpl letters.ClinicTemplate, f letters.Fields, to letters.Recipient, signatory letters.Signatory,
	window letters.Window, details practice.Details) (letters.Letter, error) {
	parsed, err := letters.ParseTemplate(tmpl.Name, tmpl.Subject, tmpl.Body)
	if err != nil {
		return letters.Letter{}, fmt.Errorf("the %q template has a mistake (a manager can fix it in Settings → Letters): %w", tmpl.Title, err)
	}
	merged, err := parsed.Render(f)
	if err != nil {
		return letters.Letter{}, fmt.Errorf("the %q letter cannot be written for this complaint: %w", tmpl.Title, err)
	}
	salutation, err := f.Salutation(letters.ToComplainant)
	if err != nil {
		return letters.Letter{}, err
	}
	return letters.Letter{
		Clinic:     letterhead(details),
		Recipient:  to,
		Date:       f.Today,
		References: []string{"Our ref: " + f.Complaint.Reference},
		Subject:    merged.Subject,
		Salutation: salutation + ",",
		Paragraphs: merged.Paragraphs,
		SignOff:    signOff(salutation),
		Signatory:  signatory,
		Regarding:  to.Name + " · our ref " + f.Complaint.Reference,
		Window:     window,
	}, nil
}
