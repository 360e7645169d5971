package app

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
)

// Children who miss an appointment "were not brought" (SPEC §2.5). The
// appointment keeps the status dna, so the DNA rate, the diary's colours
// and the rules about what may follow stay one; what the desk sees and the
// letters say follow the child's age on the day of the appointment.

// LabelNotBrought is the missed status of a child's appointment.
const LabelNotBrought = "Was not brought"

// EntryNotBrought reports whether a missed appointment is one a child
// younger than childUnderAge was not brought to (false for any other
// status).
func EntryNotBrought(e schedule.DiaryEntry, childUnderAge int) bool {
	if e.Status != schedule.StatusDNA {
		return false
	}
	return patients.WasNotBrought(e.PatientDOB, e.Date, childUnderAge)
}

// EntryStatusLabel is an appointment's status as the desk says it:
// "Was not brought" for a child's missed appointment.
func EntryStatusLabel(e schedule.DiaryEntry, childUnderAge int) string {
	if EntryNotBrought(e, childUnderAge) {
		return LabelNotBrought
	}
	return e.Status.Label()
}

// StatusLabelFor is EntryStatusLabel with the clinic's own age.
func (c *Clinic) StatusLabelFor(e schedule.DiaryEntry) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return EntryStatusLabel(e, c.childUnderAge())
}

// NotBrought is EntryNotBrought with the clinic's own age.
func (c *Clinic) NotBrought(e schedule.DiaryEntry) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return EntryNotBrought(e, c.childUnderAge())
}

// childUnderAge is the clinic's setting, read from the store's cached
// set-up (the default when it cannot be read). Caller holds c.mu.
func (c *Clinic) childUnderAge() int {
	if c.store == nil {
		return patients.DefaultChildUnderAge
	}
	if cs, err := c.store.CalendarSettings(); err == nil && cs.ChildUnderAge > 0 {
		return cs.ChildUnderAge
	}
	return patients.DefaultChildUnderAge
}

// ErrNoParentCarer: a letter about a child's missed appointment goes to
// the parent or carer, and the record names none.
var ErrNoParentCarer = errors.New("no parent or carer is recorded")

// noCarerError says whose record needs a parent or carer, and where.
func noCarerError(p patients.Patient) error {
	return fmt.Errorf("%w: %s was not brought, so the letter goes to a parent or carer, not to the child. "+
		"Add the parent or carer on the record (Edit details, Parent or carer), then print the letter again", ErrNoParentCarer,
		strings.TrimSpace(p.Forenames+" "+p.Surname))
}

// carerRecipient addresses a letter to the child's parent or carer, at
// their address or, when none is recorded, the child's.
func carerRecipient(p patients.Patient) (lines []string, name string, err error) {
	c := p.ParentCarer
	if !c.Recorded() {
		return nil, "", noCarerError(p)
	}
	for _, l := range c.Address {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	// The post town in capitals (Royal Mail), as on every letter.
	lines = postTownInCapitals(lines)
	if len(lines) == 0 {
		lines = postalAddress(p.Address)
	}
	if len(lines) == 0 {
		return nil, "", errors.New("neither the parent or carer nor the child has an address on the record: add one before writing")
	}
	return lines, patients.CarerName(c), nil
}

// SafeguardingPrompts lists the open prompts (for Today), oldest first.
func (c *Clinic) SafeguardingPrompts() ([]patients.SafeguardingPrompt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermSafeguarding); err != nil {
		return nil, err
	}
	return c.store.SafeguardingPrompts(patients.SafeguardingFilter{OpenOnly: true})
}

// SafeguardingPromptFor is the prompt raised for an appointment, and
// false when there is none.
func (c *Clinic) SafeguardingPromptFor(appointmentID string) (patients.SafeguardingPrompt, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermSafeguarding); err != nil {
		return patients.SafeguardingPrompt{}, false, err
	}
	ps, err := c.store.SafeguardingPrompts(patients.SafeguardingFilter{AppointmentID: appointmentID})
	if err != nil || len(ps) == 0 {
		return patients.SafeguardingPrompt{}, false, err
	}
	return ps[0], true, nil
}

// AcknowledgeSafeguarding closes a prompt with what the clinician decided
// (e.g. "Spoke to mum, car broke down; no concerns"), audited.
func (c *Clinic) AcknowledgeSafeguarding(id, note string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSafeguarding)
	if err != nil {
		return err
	}
	note = strings.Join(strings.Fields(cleanText(note)), " ")
	if note == "" {
		return errors.New("say what you decided, for example \"No concerns: spoke to mum, the car broke down\" or \"Referred to the safeguarding lead\"")
	}
	if len([]rune(note)) > 500 {
		return errors.New("keep the note to 500 characters: the full account belongs in the clinical notes")
	}
	return c.writeAs(s, func(tx *writeTx) error {
		p, err := tx.SafeguardingPrompt(id)
		if err != nil {
			return notFound(err, "that safeguarding prompt is not in this clinic file")
		}
		if !p.Open() {
			return fmt.Errorf("this prompt was already acknowledged by %s", p.AcknowledgedBy)
		}
		if err := tx.AcknowledgeSafeguardingPrompt(id, s.User.Username, note, c.clock()); err != nil {
			return err
		}
		if err := tx.audit(auditEvent{Action: "safeguarding.acknowledge", Entity: "appointment", ID: p.AppointmentID, Patient: p.PatientID, Detail: "note: " + note}); err != nil {
			return err
		}
		return tx.closeGoneNotBroughtTask(id)
	})
}

// raiseSafeguarding records the prompt for a child's missed appointment
// inside the status change's transaction, audited; once per appointment.
func (c *Clinic) raiseSafeguarding(tx *writeTx, s *Session, a schedule.Appointment, missed int) (*patients.SafeguardingPrompt, error) {
	p := patients.SafeguardingPrompt{ID: newID(), PatientID: a.PatientID, AppointmentID: a.ID, ClinicianID: a.ClinicianID,
		MissedCount: missed, CreatedAt: c.clock().UTC(), CreatedBy: s.User.Username}
	added, err := tx.InsertSafeguardingPrompt(p)
	if err != nil || !added {
		return nil, err
	}
	detail := fmt.Sprintf("was not brought; %s in the months the DNA policy counts", plural(missed, "missed appointment", "missed appointments"))
	if err := tx.audit(auditEvent{Action: "safeguarding.prompt", Entity: "appointment", ID: a.ID, Patient: a.PatientID, Detail: detail}); err != nil {
		return nil, err
	}
	return &p, nil
}

// plural is "1 missed appointment", "2 missed appointments".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// refuseDNALetterToChild stops the adult's DNA letters ("You did not
// come", addressed to the patient) being written about an appointment a
// child was not brought to, and names the letter to use instead.
func (src letterSource) refuseDNALetterToChild(tmpl letters.ClinicTemplate) error {
	if src.appointment == nil || (tmpl.Name != string(schedule.DNAFirst) && tmpl.Name != string(schedule.DNASecond)) {
		return nil
	}
	if !EntryNotBrought(*src.appointment, src.childUnder) {
		return nil
	}
	return fmt.Errorf("%s was not brought to this appointment: a child is not sent the letter for adults who miss appointments. "+
		"Print the letter to the parent or carer (%q) instead", strings.TrimSpace(src.patient.Forenames+" "+src.patient.Surname), wnbFirstTitle())
}

// wnbFirstTitle is the title of the letter to the parent or carer.
func wnbFirstTitle() string {
	if d, err := letters.LookupDefaultTemplate(string(schedule.WNBFirst)); err == nil {
		return d.Title
	}
	return string(schedule.WNBFirst)
}

// joinNonEmptyWords joins the parts that are not blank with one space.
func joinNonEmptyWords(parts ...string) string {
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// safeguardingTimeline puts each prompt, and its acknowledgement, on the
// child's timeline. Caller holds c.mu.
func (c *Clinic) safeguardingTimeline(patientID string) ([]TimelineEntry, error) {
	ps, err := c.store.SafeguardingPrompts(patients.SafeguardingFilter{PatientID: patientID, Limit: 1000})
	if err != nil {
		return nil, err
	}
	var out []TimelineEntry
	for _, p := range ps {
		slot := slotProse(schedule.Slot{Date: p.AppointmentDate, StartMin: p.AppointmentMin})
		out = append(out, TimelineEntry{At: p.CreatedAt, Kind: "safeguarding", Title: "Safeguarding prompt: not brought to the appointment of " + slot,
			Detail: "The clinician is asked to consider safeguarding; " + plural(p.MissedCount, "missed appointment", "missed appointments") + " in the months the DNA policy counts",
			By:     p.CreatedBy})
		if !p.Open() {
			out = append(out, TimelineEntry{At: p.AcknowledgedAt, Kind: "safeguarding", Title: "Safeguarding prompt acknowledged",
				Detail: p.Note, By: p.AcknowledgedBy})
		}
	}
	return out, nil
}

// letterReferences print beside the address window: a letter to a parent
// or carer names the child it is about, with the date of birth, first.
func letterReferences(p patients.Patient, addressedTo string) []string {
	refs := references(p)
	if addressedTo != letters.ToParent {
		return refs
	}
	child := []string{"Child: " + joinNonEmptyWords(p.Forenames, p.Surname)}
	if !p.DOB.IsZero() {
		child = append(child, "Born: "+p.DOB.Long())
	}
	return append(child, refs...)
}
