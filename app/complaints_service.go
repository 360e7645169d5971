package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/complaints"
	"clinicdesk/app/nhs"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// The complaints register (SPEC §2.4). The rules are app/complaints'; this
// file stores, permits and audits. Every change is audited with the
// patient's id when the complaint is about a patient, so the patient's
// audit export shows it, but the complaint never appears on the clinical
// timeline (see complaintLinks in timeline.go).

// ComplaintSettings are the response periods Settings offer, in working days.
type ComplaintSettings = data.ComplaintSettings

// Consent is whether the patient agreed to someone complaining for them.
type Consent string

const (
	ConsentNotRecorded Consent = ""
	ConsentGiven       Consent = "yes"
	ConsentRefused     Consent = "no"
)

// ComplaintDetails are what the log and edit forms collect.
type ComplaintDetails struct {
	ComplainantName    string
	ComplainantAddress string
	ComplainantPhone   string // any UK form; stored E.164
	ComplainantEmail   string
	Complainant        complaints.ComplainantStatus
	// Consent, for a complaint made on a patient's behalf.
	Consent     Consent
	ConsentDate ukcal.Date
	ConsentNote string

	PatientID      string // "" when the complainant is not complaining about a patient on file
	AppointmentIDs []string

	// Rules is the nation's procedure and the funding the complaint is
	// handled under; left blank, the defaults from Settings (the nation
	// following the clinic's bank-holiday region). Stage2 is the day a
	// Scottish NHS complaint went to stage 2 (zero while at stage 1).
	Rules  complaints.Rules
	Stage2 ukcal.Date

	Channel        complaints.Channel
	Received       ukcal.Date
	Events         ukcal.Date // zero when not known
	Aware          ukcal.Date // zero when not known
	Subjects       []complaints.SubjectArea
	StaffGroups    []complaints.StaffGroup
	Description    string
	DesiredOutcome string
	OwnerID        string // the member of staff handling it

	// ResponsePeriod is the period agreed with the complainant; zero until
	// agreed (acknowledging offers the default from Settings).
	ResponsePeriod  complaints.ResponsePeriod
	DelayLetterSent ukcal.Date
	Learning        string
}

// ComplaintRecord is a complaint as the lists and the complaint screen show
// it: its details, where it is in the workflow and its deadlines worked
// out for today in the clinic's region.
type ComplaintRecord struct {
	ID        string
	Reference string // "C-2026-014"
	ComplaintDetails

	Status       complaints.Status
	StatusAt     time.Time // UTC
	StatusBy     string
	Outcome      complaints.Outcome
	SignedOffBy  string
	Acknowledged ukcal.Date

	PatientName string // "Forenames Surname", when linked to a patient
	OwnerName   string

	Due complaints.DueDates
	// Next is the deadline being worked to (HasNext false once the final
	// response has been sent); NextText says when, "due in 2 working days"
	// or "overdue by 3 working days".
	Next     complaints.Deadline
	HasNext  bool
	NextText string
	Overdue  bool
	// DelayLetterOwed: six months have passed with no response, no agreed
	// extension and no delay letter.
	DelayLetterOwed bool
	// ClosedOn and RetainUntil are set once the file is closed: it is kept
	// ten years from closure.
	ClosedOn    ukcal.Date
	RetainUntil ukcal.Date
	// ResolvedNextDay: an oral complaint resolved by the end of the next
	// working day, left out of the KO41(b) return.
	ResolvedNextDay bool

	CreatedAt time.Time
	CreatedBy string
}

// ComplaintStep is one move in a complaint's history.
type ComplaintStep struct {
	complaints.Transition
	Logged bool   // the complaint being logged (From is blank)
	Note   string // what was said with the move
}

// ComplaintNote is a note, an action agreed or learning on a complaint.
type ComplaintNote = data.ComplaintNote

// Kinds of complaint note.
const (
	ComplaintNoteKind     = "note"
	ComplaintActionKind   = "action"
	ComplaintLearningKind = "learning"
)

// ComplaintFile is one complaint with its history and notes.
type ComplaintFile struct {
	ComplaintRecord
	History []ComplaintStep
	Notes   []ComplaintNote
}

// complaintContext is what working out a complaint's deadlines needs.
type complaintContext struct {
	region ukcal.Region
	today  ukcal.Date
}

type settingsReader interface {
	CalendarSettings() (data.CalendarSettings, error)
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

// complaintReader is what checking a complaint's details reads.
type complaintReader interface {
	Patient(id string) (data.Patient, error)
	Appointment(id string) (schedule.Appointment, error)
}

// checkDetails cleans the form and refuses what cannot be recorded, in
// words the desk can act on. The response period is checked against the
// maximum Settings allow.
func checkComplaintDetails(r complaintReader, d *ComplaintDetails, cs ComplaintSettings, region ukcal.Region, today ukcal.Date) error {
	if err := checkComplaintRules(d, cs, region, today); err != nil {
		return err
	}
	d.ComplainantName = cleanText(d.ComplainantName)
	d.ComplainantAddress = cleanText(d.ComplainantAddress)
	d.ComplainantEmail = cleanText(d.ComplainantEmail)
	d.ConsentNote = cleanText(d.ConsentNote)
	d.Description = cleanText(d.Description)
	d.DesiredOutcome = cleanText(d.DesiredOutcome)
	d.Learning = cleanText(d.Learning)
	switch {
	case !d.Complainant.Valid():
		return errors.New("say whether the complainant is the patient, someone on the patient's behalf, or someone else")
	case !d.Channel.Valid():
		return errors.New("say how the complaint was made: orally, in writing or by email")
	case d.Received.IsZero():
		return errors.New("record the date the complaint was received")
	case d.Received.After(today):
		return fmt.Errorf("the complaint cannot have been received after today (%s)", today.LongWithDay())
	case d.Description == "":
		return errors.New("describe the complaint")
	}
	if d.Events.After(d.Received) {
		return errors.New("the events complained about cannot be after the complaint was received")
	}
	if d.Aware.After(d.Received) {
		return errors.New("the complainant cannot have become aware of the events after complaining about them")
	}
	if phone := strings.TrimSpace(d.ComplainantPhone); phone != "" {
		e164, err := nhs.ParsePhone(phone)
		if err != nil {
			return fmt.Errorf("the complainant's phone number: %w", err)
		}
		d.ComplainantPhone = e164
	}
	if d.ComplainantEmail != "" && !strings.Contains(d.ComplainantEmail, "@") {
		return fmt.Errorf("%q is not an email address", d.ComplainantEmail)
	}
	switch d.Consent {
	case ConsentNotRecorded, ConsentGiven, ConsentRefused:
	default:
		return fmt.Errorf("consent is yes, no or not recorded, not %q", string(d.Consent))
	}
	if d.Complainant != complaints.ComplainantOnBehalf && d.Consent != ConsentNotRecorded {
		return errors.New("consent is recorded only for a complaint made on a patient's behalf")
	}
	if d.Consent == ConsentNotRecorded {
		d.ConsentDate = ukcal.Date{}
	}
	if d.PatientID == "" && d.Complainant == complaints.ComplainantPatient {
		// The return counts the patient's age, so a patient's own
		// complaint is linked to their record.
		return errors.New("link the patient's record: the complainant is the patient")
	}
	if d.PatientID != "" {
		p, err := r.Patient(d.PatientID)
		if err != nil {
			return notFound(err, "that patient's record is not in this clinic file")
		}
		if d.Complainant == complaints.ComplainantPatient && d.ComplainantName == "" {
			// The patient complaining for themselves: their name from the record.
			d.ComplainantName = strings.TrimSpace(strings.Join([]string{p.Title, p.Forenames, p.Surname}, " "))
		}
	}
	if d.ComplainantName == "" {
		return errors.New("say who is complaining")
	}
	for _, id := range d.AppointmentIDs {
		a, err := r.Appointment(id)
		if err != nil {
			return notFound(err, "a linked appointment is not in the diary")
		}
		if d.PatientID != "" && a.PatientID != d.PatientID {
			return errors.New("a linked appointment is not the linked patient's")
		}
	}
	d.AppointmentIDs = slices.Compact(slices.Sorted(slices.Values(d.AppointmentIDs)))
	for _, s := range d.Subjects {
		if !s.Valid() {
			return fmt.Errorf("%q is not a subject area", string(s))
		}
	}
	for _, g := range d.StaffGroups {
		if !g.Valid() {
			return fmt.Errorf("%q is not a staff group", string(g))
		}
	}
	if len(d.Subjects) == 0 {
		return errors.New("choose at least one subject area (Other if none fits)")
	}
	if len(d.StaffGroups) == 0 {
		return errors.New("choose at least one staff group (Other if none fits)")
	}
	return d.ResponsePeriod.Check(d.Received, cs.MaxResponseDays, d.Rules.Region())
}

// applyDetails copies the form onto the stored complaint.
func applyDetails(c *data.Complaint, d ComplaintDetails) {
	c.ComplainantName, c.ComplainantAddress = d.ComplainantName, d.ComplainantAddress
	c.ComplainantPhone, c.ComplainantEmail = d.ComplainantPhone, d.ComplainantEmail
	c.ComplainantStatus, c.Consent = string(d.Complainant), string(d.Consent)
	c.ConsentDate, c.ConsentNote = dateString(d.ConsentDate), d.ConsentNote
	c.PatientID, c.AppointmentIDs = d.PatientID, d.AppointmentIDs
	c.Channel, c.Received = string(d.Channel), d.Received.String()
	c.EventsDate, c.AwareDate = dateString(d.Events), dateString(d.Aware)
	c.Subjects, c.StaffGroups = nil, nil
	for _, s := range d.Subjects {
		if !slices.Contains(c.Subjects, string(s)) {
			c.Subjects = append(c.Subjects, string(s))
		}
	}
	for _, g := range d.StaffGroups {
		if !slices.Contains(c.StaffGroups, string(g)) {
			c.StaffGroups = append(c.StaffGroups, string(g))
		}
	}
	c.Description, c.DesiredOutcome, c.OwnerID = d.Description, d.DesiredOutcome, d.OwnerID
	c.ResponseDays, c.ResponseUntil = d.ResponsePeriod.WorkingDays, dateString(d.ResponsePeriod.Until)
	c.DelayLetterSent, c.Learning = dateString(d.DelayLetterSent), d.Learning
	c.Nation, c.Funding, c.Stage2From = string(d.Rules.Nation), string(d.Rules.Funding), dateString(d.Stage2)
}

func (c *Clinic) checkOwner(id string) error {
	if id == "" {
		return nil
	}
	u, err := c.store.UserByID(id)
	if err != nil {
		return notFound(err, "the complaint's owner is not a member of staff here")
	}
	if !u.Active || Role(u.Role) == Clinician {
		return fmt.Errorf("%s cannot own a complaint: choose a receptionist or a practice manager", u.FullName)
	}
	return nil
}

// LogComplaint records a new complaint, received, with the next reference
// of the year it was received in ("C-2026-014").
func (c *Clinic) LogComplaint(d ComplaintDetails) (ComplaintRecord, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermLogComplaints)
	if err != nil {
		return ComplaintRecord{}, err
	}
	if err := c.checkOwner(d.OwnerID); err != nil {
		return ComplaintRecord{}, err
	}
	var stored data.Complaint
	var cc complaintContext
	err = c.writeAs(s, func(tx *writeTx) error {
		if cc, err = c.complaintContext(tx); err != nil {
			return err
		}
		cs, err := tx.ComplaintSettings()
		if err != nil {
			return err
		}
		if err := checkComplaintDetails(tx, &d, cs, cc.region, cc.today); err != nil {
			return err
		}
		year := d.Received.Year()
		seq, err := tx.NextComplaintSeq(year)
		if err != nil {
			return err
		}
		now := c.clock().UTC()
		stored = data.Complaint{ID: uuid.Must(uuid.NewV7()).String(), Reference: fmt.Sprintf("C-%d-%03d", year, seq),
			RefYear: year, RefSeq: seq, Status: string(complaints.Received), StatusAt: now, StatusBy: s.User.Username,
			CreatedAt: now, CreatedBy: s.User.Username, UpdatedAt: now}
		applyDetails(&stored, d)
		stored.NextDue = nextDue(stored)
		if err := tx.InsertComplaint(stored); err != nil {
			return err
		}
		if err := tx.InsertComplaintTransition(data.ComplaintTransition{ComplaintID: stored.ID, To: stored.Status,
			At: now, By: s.User.Username}); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s logged: %s, received %s", stored.Reference, d.Channel, stored.Received)
		return tx.audit(auditEvent{Action: "complaint.log", Entity: "complaint", ID: stored.ID, Patient: stored.PatientID, Detail: detail})
	})
	if err != nil {
		return ComplaintRecord{}, err
	}
	recs := []ComplaintRecord{cc.record(stored, nil)}
	return recs[0], c.complaintNames(recs)
}

// UpdateComplaint saves changes to a complaint's details: who, what, when,
// the agreed response period, the delay letter and learning. Its status
// changes only through MoveComplaint.
func (c *Clinic) UpdateComplaint(id string, d ComplaintDetails) (ComplaintRecord, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermLogComplaints)
	if err != nil {
		return ComplaintRecord{}, err
	}
	if err := c.checkOwner(d.OwnerID); err != nil {
		return ComplaintRecord{}, err
	}
	var stored data.Complaint
	var history []data.ComplaintTransition
	var cc complaintContext
	err = c.writeAs(s, func(tx *writeTx) error {
		if cc, err = c.complaintContext(tx); err != nil {
			return err
		}
		if stored, err = tx.Complaint(id); err != nil {
			return notFound(err, "that complaint is not in the register")
		}
		cs, err := tx.ComplaintSettings()
		if err != nil {
			return err
		}
		// A rule set left blank is kept, never reset to today's defaults.
		if d.Rules.Nation == "" {
			d.Rules.Nation = complaints.Nation(stored.Nation)
		}
		if d.Rules.Funding == "" {
			d.Rules.Funding = complaints.Funding(stored.Funding)
		}
		if err := checkComplaintDetails(tx, &d, cs, cc.region, cc.today); err != nil {
			return err
		}
		if d.Received.Year() != stored.RefYear {
			return fmt.Errorf("%s was numbered for complaints received in %d: log a new complaint if it was received in %d",
				stored.Reference, stored.RefYear, d.Received.Year())
		}
		before := stored
		applyDetails(&stored, d)
		stored.UpdatedAt = c.clock().UTC()
		stored.NextDue = nextDue(stored)
		if err := tx.UpdateComplaint(stored); err != nil {
			return err
		}
		if history, err = tx.ComplaintHistory(id); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaint.update", Entity: "complaint", ID: id, Patient: stored.PatientID, Detail: "changed: " + strings.Join(complaintChanges(before, stored), ", ")})
	})
	if err != nil {
		return ComplaintRecord{}, err
	}
	recs := []ComplaintRecord{cc.record(stored, history)}
	return recs[0], c.complaintNames(recs)
}

// complaintChanges names the fields that differ, for the audit trail
// (names only: the complaint's own text stays in the register).
func complaintChanges(a, b data.Complaint) []string {
	var out []string
	add := func(name string, changed bool) {
		if changed {
			out = append(out, name)
		}
	}
	add("complainant", a.ComplainantName != b.ComplainantName || a.ComplainantAddress != b.ComplainantAddress ||
		a.ComplainantPhone != b.ComplainantPhone || a.ComplainantEmail != b.ComplainantEmail || a.ComplainantStatus != b.ComplainantStatus)
	add("consent", a.Consent != b.Consent || a.ConsentDate != b.ConsentDate || a.ConsentNote != b.ConsentNote)
	add("patient", a.PatientID != b.PatientID)
	add("appointments", !slices.Equal(a.AppointmentIDs, b.AppointmentIDs))
	add("channel", a.Channel != b.Channel)
	add("dates", a.Received != b.Received || a.EventsDate != b.EventsDate || a.AwareDate != b.AwareDate)
	add("subjects", !slices.Equal(a.Subjects, b.Subjects))
	add("staff groups", !slices.Equal(a.StaffGroups, b.StaffGroups))
	add("description", a.Description != b.Description || a.DesiredOutcome != b.DesiredOutcome)
	add("owner", a.OwnerID != b.OwnerID)
	add("response period", a.ResponseDays != b.ResponseDays || a.ResponseUntil != b.ResponseUntil)
	add("delay letter", a.DelayLetterSent != b.DelayLetterSent)
	add("learning", a.Learning != b.Learning)
	add("procedure", a.Nation != b.Nation || a.Funding != b.Funding)
	add("stage 2", a.Stage2From != b.Stage2From)
	if len(out) == 0 {
		out = []string{"nothing"}
	}
	return out
}

// permissionToMove is what moving a complaint to a status needs:
// receptionists acknowledge and start the investigation; sending the
// signed final response, closing and referring to the Ombudsman are a
// manager's decisions.
func permissionToMove(to complaints.Status) Permission {
	switch to {
	case complaints.Acknowledged, complaints.Investigating:
		return PermLogComplaints
	}
	return PermDecideComplaints
}

// MoveComplaint moves a complaint one step through the workflow, with the
// outcome (for the final response and closing), the name of the
// responsible person who signed the final response, and an optional note.
// complaints.Move decides; a refusal is its plain-English sentence
// (errors.Is matches complaints.ErrSkipsStep and the other kinds).
// Acknowledging records the date and, when no response period has been
// agreed, the default from Settings. Every move is written to the
// complaint's history and the audit trail.
func (c *Clinic) MoveComplaint(id string, to complaints.Status, outcome complaints.Outcome, signedOffBy, note string) (ComplaintRecord, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(permissionToMove(to))
	if err != nil {
		return ComplaintRecord{}, err
	}
	signedOffBy, note = cleanText(signedOffBy), cleanText(note)
	var stored data.Complaint
	var history []data.ComplaintTransition
	var cc complaintContext
	err = c.writeAs(s, func(tx *writeTx) error {
		if cc, err = c.complaintContext(tx); err != nil {
			return err
		}
		if stored, err = tx.Complaint(id); err != nil {
			return notFound(err, "that complaint is not in the register")
		}
		from := complaints.Status(stored.Status)
		// The finding and sign-off stand once made: closing after the final
		// response keeps them unless a new outcome is given.
		if outcome == complaints.NoOutcome {
			outcome = complaints.Outcome(stored.Outcome)
		}
		facts := complaints.Facts{Channel: complaints.Channel(stored.Channel), Received: dateOrZero(stored.Received),
			Outcome: outcome, SignedOffBy: signedOffBy, Region: rulesOf(stored).Region()}
		now := c.clock().UTC()
		move, err := complaints.Move(from, to, facts, s.User.Username, now)
		if err != nil {
			return err
		}
		cs, err := tx.ComplaintSettings()
		if err != nil {
			return err
		}
		defaultDays := cs.DefaultResponseDays
		if rulesOf(stored).FixedResponseWorkingDays() > 0 {
			defaultDays = 0 // the nation's own period runs; nothing to agree
		}
		applyMove(&stored, move, defaultDays)
		stored.UpdatedAt = now
		stored.NextDue = nextDue(stored)
		if err := tx.UpdateComplaint(stored); err != nil {
			return err
		}
		if err := tx.InsertComplaintTransition(data.ComplaintTransition{ComplaintID: id, From: string(move.From), To: string(move.To),
			At: move.At, By: move.By, Outcome: string(move.Outcome), SignedOffBy: move.SignedOffBy, Note: note}); err != nil {
			return err
		}
		if history, err = tx.ComplaintHistory(id); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaint.move", Entity: "complaint", ID: id, Patient: stored.PatientID, Detail: stored.Reference + ": " + move.String()})
	})
	if err != nil {
		return ComplaintRecord{}, err
	}
	recs := []ComplaintRecord{cc.record(stored, history)}
	return recs[0], c.complaintNames(recs)
}

// applyMove records a move complaints.Move allowed on the stored complaint:
// its status, the finding and sign-off, and on acknowledgement the date and,
// when none was agreed, the default response period.
func applyMove(stored *data.Complaint, move complaints.Transition, defaultDays int) {
	stored.Status, stored.StatusAt, stored.StatusBy = string(move.To), move.At, move.By
	if move.Outcome != complaints.NoOutcome {
		stored.Outcome = string(move.Outcome)
	}
	if move.SignedOffBy != "" {
		stored.SignedOffBy = move.SignedOffBy
	}
	if move.To == complaints.Acknowledged {
		stored.Acknowledged = ukcal.Today(move.At).String()
		if stored.ResponseDays == 0 && stored.ResponseUntil == "" {
			stored.ResponseDays = defaultDays
		}
	}
}

// AddComplaintNote adds a note, an action agreed or learning (kind
// ComplaintNoteKind, ComplaintActionKind or ComplaintLearningKind).
func (c *Clinic) AddComplaintNote(id, kind, body string) (ComplaintNote, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermLogComplaints)
	if err != nil {
		return ComplaintNote{}, err
	}
	body = cleanText(body)
	if body == "" {
		return ComplaintNote{}, errors.New("the note is empty")
	}
	if !slices.Contains([]string{ComplaintNoteKind, ComplaintActionKind, ComplaintLearningKind}, kind) {
		return ComplaintNote{}, fmt.Errorf("a complaint note is a note, an action or learning, not %q", kind)
	}
	n := ComplaintNote{ID: uuid.Must(uuid.NewV7()).String(), ComplaintID: id, Kind: kind, Body: body,
		By: s.User.Username, At: c.clock().UTC()}
	err = c.writeAs(s, func(tx *writeTx) error {
		stored, err := tx.Complaint(id)
		if err != nil {
			return notFound(err, "that complaint is not in the register")
		}
		if err := tx.InsertComplaintNote(n); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaint.note", Entity: "complaint", ID: id, Patient: stored.PatientID, Detail: stored.Reference + ": " + kind})
	})
	return n, err
}

// Complaint opens one complaint with its history and notes. Opening it is
// audited: the file holds personal data.
func (c *Clinic) Complaint(id string) (ComplaintFile, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewComplaints)
	if err != nil {
		return ComplaintFile{}, err
	}
	stored, err := c.store.Complaint(id)
	if err != nil {
		return ComplaintFile{}, notFound(err, "that complaint is not in the register")
	}
	history, err := c.store.ComplaintHistory(id)
	if err != nil {
		return ComplaintFile{}, err
	}
	notes, err := c.store.ComplaintNotes(id)
	if err != nil {
		return ComplaintFile{}, err
	}
	cc, err := c.complaintContext(c.store)
	if err != nil {
		return ComplaintFile{}, err
	}
	f := ComplaintFile{ComplaintRecord: cc.record(stored, history), Notes: notes}
	recs := []ComplaintRecord{f.ComplaintRecord}
	if err := c.complaintNames(recs); err != nil {
		return ComplaintFile{}, err
	}
	f.ComplaintRecord = recs[0]
	for _, h := range history {
		f.History = append(f.History, ComplaintStep{Logged: h.From == "", Note: h.Note,
			Transition: complaints.Transition{From: complaints.Status(h.From), To: complaints.Status(h.To), At: h.At, By: h.By,
				Outcome: complaints.Outcome(h.Outcome), SignedOffBy: h.SignedOffBy}})
	}
	err = c.writeAs(s, func(tx *writeTx) error {
		return tx.audit(auditEvent{Action: "complaint.view", Entity: "complaint", ID: id, Patient: stored.PatientID, Detail: stored.Reference})
	})
	return f, err
}

// ComplaintSettings reads the response periods Settings offer.
func (c *Clinic) ComplaintSettings() (ComplaintSettings, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewComplaints); err != nil {
		return ComplaintSettings{}, err
	}
	return c.store.ComplaintSettings()
}

// SaveComplaintSettings sets the default and maximum response periods,
// the rule set new complaints start with, the independent adjudicator of
// private complaints, and the practice code and form of the KO41(b)
// return (managers only). Complaints already logged keep their periods
// and rule sets.
func (c *Clinic) SaveComplaintSettings(cs ComplaintSettings) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermDecideComplaints)
	if err != nil {
		return err
	}
	switch {
	case cs.DefaultResponseDays < 1:
		return errors.New("the default response period must be at least 1 working day")
	case cs.MaxResponseDays < cs.DefaultResponseDays:
		return fmt.Errorf("the longest response period (%d working days) cannot be shorter than the default (%d)", cs.MaxResponseDays, cs.DefaultResponseDays)
	case cs.MaxResponseDays > 260:
		return errors.New("the longest response period cannot be more than 260 working days (about a year)")
	}
	if err := checkComplaintSettings(&cs); err != nil {
		return err
	}
	return c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SaveComplaintSettings(cs); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaints.settings", Entity: "settings", ID: "complaints", Detail: fmt.Sprintf("default=%d max=%d working days, nation=%s funding=%s adjudicator=%s ods=%s return=%s",
			cs.DefaultResponseDays, cs.MaxResponseDays, cs.Nation, cs.Funding, cs.Adjudicator, cs.ODSCode, cs.ReturnVariant)})
	})
}

// complaintLinks are a patient's complaints as timeline entries: one link
// each, "Complaint C-2026-014 (open)", with nothing of the complaint's
// content, and only for those who may see the register. Clinicians get
// none: complaint files are kept apart from the clinical record. Caller
// holds c.mu with a session that may view patients.
func (c *Clinic) complaintLinks(patientID string) ([]TimelineEntry, error) {
	if !c.session.Role.Can(PermViewComplaints) {
		return nil, nil
	}
	list, err := c.store.Complaints(data.ComplaintFilter{PatientID: patientID})
	if err != nil {
		return nil, err
	}
	out := make([]TimelineEntry, 0, len(list))
	for _, k := range list {
		state := "open"
		if !complaints.Status(k.Status).Open() {
			state = "closed"
		}
		out = append(out, TimelineEntry{At: k.CreatedAt, Kind: "complaint", By: k.CreatedBy, ComplaintID: k.ID,
			Title: fmt.Sprintf("Complaint %s (%s)", k.Reference, state)})
	}
	return out, nil
}
