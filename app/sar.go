package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"clinicdesk/app/letters"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/sar"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"github.com/google/uuid"
)

// The machine-readable copy says what it is, so a program reading it can
// tell one version of the layout from the next. Field names only ever get
// added within a version; a rename or removal means a new version.
const (
	SARSchema        = "clinicdesk.subject_access"
	SARSchemaVersion = 1
)

// SubjectAccess logs a subject access request and answers it at once
// (SPEC §2.2, §4.5): the request goes on the register, asking for the
// whole record, and is closed by the copy made now. Requests that cannot
// be answered on the day are logged with LogSAR and answered with
// ProduceSAR; both make the copy the same way (see produceSARLocked).
//
// received is the day the request reached the clinic; it cannot be after
// today. requestedBy says who asked ("" or "patient" when the patient did
// it themselves, otherwise e.g. "Smith & Co Solicitors, on her behalf").
func (c *Clinic) SubjectAccess(patientID string, received ukcal.Date, requestedBy string, pdf, js io.Writer) (sar.Request, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermSubjectAccess)
	if err != nil {
		return sar.Request{}, err
	}
	if received.IsZero() {
		return sar.Request{}, errors.New("say which day the request was received")
	}
	now := c.clock()
	req := sar.Request{
		ID:          uuid.Must(uuid.NewV7()).String(),
		PatientID:   patientID,
		Received:    received,
		RequestedBy: sarRequester(requestedBy),
		Scope:       SARWholeRecord,
		CreatedBy:   s.User.Username,
		CreatedAt:   now.UTC(),
	}
	if err := req.Check(c.today()); err != nil {
		return sar.Request{}, err
	}
	return c.produceSARLocked(s, req, true, pdf, js)
}

// produceSARLocked makes the copy for req: it gathers everything the
// clinic holds about the patient — the whole record, appointments with
// their history, notes and calls, follow-ups, earlier requests, merges the
// record took part in, and every audit entry about it, including those of
// duplicate records merged into it — and writes it as a PDF for the
// patient to pdf and as JSON for machines to js. The request is saved
// (inserted when isNew) as produced, with the SHA-256 of exactly the bytes
// written, and audited as "patient.sar", all in one transaction.
//
// The copy lists the audit trail up to the moment it was made: the entry
// for making it is written after, so it first appears in the next copy.
//
// Nothing reaches the writers unless the permission check, the gathering,
// the rendering and the database writes all succeed; if writing to js fails
// after pdf was written, or the final commit fails, the request stays as it
// was and the caller must discard what reached the writers. Caller holds
// c.mu and has checked PermSubjectAccess.
func (c *Clinic) produceSARLocked(s *Session, req sar.Request, isNew bool, pdf, js io.Writer) (sar.Request, error) {
	if pdf == nil || js == nil {
		return sar.Request{}, errors.New("choose where to save both the PDF and the JSON copy")
	}
	g, err := c.gatherSAR(req.PatientID)
	if err != nil {
		return sar.Request{}, err
	}
	g.dropRequest(req.ID)
	region := c.bankHolidayRegionLocked()
	now := c.clock()
	today := ukcal.Today(now)
	if _, open := req.OpenPause(); open {
		// Sending the copy ends whatever wait there was, on the day it goes.
		if err := req.EndPause(today, today); err != nil {
			return sar.Request{}, err
		}
	}
	req.ProducedAt = now.UTC()
	due, dueExt := req.Due(region, today), req.DueExtended(region, today)

	var jsBuf, pdfBuf bytes.Buffer
	enc := json.NewEncoder(&jsBuf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(g.json(req, s.User, region, due, dueExt)); err != nil {
		return sar.Request{}, fmt.Errorf("writing the JSON copy: %w", err)
	}
	if err := letters.SubjectAccessPDF(&pdfBuf, g.pdf(req, s.User)); err != nil {
		return sar.Request{}, fmt.Errorf("making the PDF copy: %w", err)
	}
	req.SHA256PDF = sarSHA256(pdfBuf.Bytes())
	req.SHA256JSON = sarSHA256(jsBuf.Bytes())

	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		save := tx.UpdateSAR
		if isNew {
			save = tx.InsertSAR
		}
		if err := save(req, due, dueExt); err != nil {
			return err
		}
		// The audit trail is append-only and hash-chained, so the hashes
		// there prove later what was handed over even if the request row
		// were changed.
		if err := audit("patient.sar", "sar", req.ID, req.PatientID, fmt.Sprintf("received %s, due %s, pdf sha256 %s, json sha256 %s",
			req.Received, due, req.SHA256PDF, req.SHA256JSON)); err != nil {
			return err
		}
		// Written inside the transaction: a copy that cannot be saved rolls
		// the request back, and no copy leaves unless its record is made.
		if _, err := pdfBuf.WriteTo(pdf); err != nil {
			return fmt.Errorf("saving the PDF copy: %w", err)
		}
		if _, err := jsBuf.WriteTo(js); err != nil {
			return fmt.Errorf("saving the JSON copy: %w", err)
		}
		return nil
	})
	if err != nil {
		return sar.Request{}, err
	}
	return req, nil
}

// sarScopeShown is what the copy says was asked for: nothing when it was
// the whole record, which the copy is anyway.
func sarScopeShown(scope string) string {
	if strings.EqualFold(strings.TrimSpace(scope), SARWholeRecord) {
		return ""
	}
	return scope
}

// dropRequest leaves the request being answered out of the earlier ones.
func (g *sarGathered) dropRequest(id string) {
	kept := g.requests[:0]
	for _, r := range g.requests {
		if r.ID != id {
			kept = append(kept, r)
		}
	}
	g.requests = kept
}

// SARRequests lists a patient's subject access requests, newest first.
func (c *Clinic) SARRequests(patientID string) ([]sar.Request, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	return c.store.SARRequests(patientID)
}

func sarSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// sarGathered is everything held about one patient.
type sarGathered struct {
	clinic   ClinicDetails
	today    ukcal.Date // earlier requests' due dates count open pauses to it
	patient  Patient
	notes    []Note // oldest first
	tasks    []Task
	requests []sar.Request // earlier requests, oldest first
	merges   []Merge
	audit    []AuditEntry // oldest first
	// The patient's appointments, oldest first, with each one's status
	// changes and moves (oldest first), and the clinicians' names for the
	// slots an appointment was moved from.
	appointments []DiaryEntry
	apptHistory  map[string][]StatusChange
	clinicians   map[string]string
	staff        map[string]User
	staffIDs     map[string]User
}

// sarPage is how many audit rows are read at a time.
const sarPage = 1000

// gatherSAR reads the patient's whole record. Caller holds c.mu.
func (c *Clinic) gatherSAR(patientID string) (*sarGathered, error) {
	p, err := c.store.Patient(patientID)
	if errors.Is(err, data.ErrNotFound) {
		return nil, errors.New("that patient's record is not in this clinic file")
	}
	if err != nil {
		return nil, err
	}
	if p.Status == data.PatientMerged {
		return nil, errors.New("this record was merged into another: make the copy from that record, which holds everything")
	}
	g := &sarGathered{patient: p, today: c.today(), staff: map[string]User{}, staffIDs: map[string]User{}}
	if g.clinic, err = c.store.Clinic(); err != nil {
		return nil, err
	}
	if g.notes, err = c.store.Notes(patientID); err != nil {
		return nil, err
	}
	// Oldest first; IDs are time-ordered (UUIDv7), so they settle ties.
	sort.Slice(g.notes, func(i, j int) bool {
		a, b := g.notes[i], g.notes[j]
		return a.CreatedAt.Before(b.CreatedAt) || a.CreatedAt.Equal(b.CreatedAt) && a.ID < b.ID
	})
	if g.tasks, err = c.store.Tasks(data.TaskFilter{PatientID: patientID, Limit: 1000}); err != nil {
		return nil, err
	}
	if g.requests, err = c.store.SARRequests(patientID); err != nil {
		return nil, err
	}
	sort.Slice(g.requests, func(i, j int) bool {
		a, b := g.requests[i], g.requests[j]
		return a.CreatedAt.Before(b.CreatedAt) || a.CreatedAt.Equal(b.CreatedAt) && a.ID < b.ID
	})
	if g.merges, err = c.store.Merges(patientID); err != nil {
		return nil, err
	}
	if err := g.gatherAppointments(c.store, patientID); err != nil {
		return nil, err
	}
	// Audit rows of duplicate records merged into this one are about the
	// same person; a merge that was undone gave its record back.
	ids := []string{patientID}
	for _, m := range g.merges {
		if m.SurvivorID == patientID && m.UndoneAt.IsZero() {
			ids = append(ids, m.MergedID)
		}
	}
	seen := map[int64]bool{}
	for _, id := range ids {
		var before int64
		for {
			page, err := c.store.ListAudit(data.AuditFilter{Patient: id, Before: before, Limit: sarPage})
			if err != nil {
				return nil, err
			}
			for _, e := range page {
				if !seen[e.Seq] {
					seen[e.Seq] = true
					g.audit = append(g.audit, e)
				}
			}
			if len(page) < sarPage {
				break
			}
			before = page[len(page)-1].Seq
		}
	}
	sort.Slice(g.audit, func(i, j int) bool { return g.audit[i].Seq < g.audit[j].Seq })
	users, err := c.store.Users()
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		g.staff[u.Username] = u
		g.staffIDs[u.ID] = u
	}
	return g, nil
}

// gatherAppointments reads the patient's appointments, cancelled ones
// included (a merge has already carried a duplicate's over), with their
// history.
func (g *sarGathered) gatherAppointments(store *data.Store, patientID string) error {
	var err error
	if g.appointments, err = store.Diary(data.DiaryFilter{PatientID: patientID, WithCancelled: true}); err != nil {
		return err
	}
	history, err := store.PatientAppointmentHistory(patientID)
	if err != nil {
		return err
	}
	g.apptHistory = map[string][]StatusChange{}
	for _, h := range history {
		g.apptHistory[h.AppointmentID] = append(g.apptHistory[h.AppointmentID], h)
	}
	cls, err := store.Clinicians(false)
	if err != nil {
		return err
	}
	g.clinicians = map[string]string{}
	for _, cl := range cls {
		g.clinicians[cl.ID] = cl.Name
	}
	return nil
}

// sarSlotWords is "Monday 23 November 2026 at 09:00 with Dr Asha Patel".
func (g *sarGathered) sarSlotWords(s data.Slot) string {
	out := s.Date
	if d, err := ukcal.ParseDate(s.Date); err == nil {
		out = d.LongWithDay()
	}
	out += " at " + schedule.Clock(s.StartMin).String()
	if name := g.clinicians[s.ClinicianID]; name != "" {
		out += " with " + name
	}
	return out
}

// sarAppointmentChange says what one history row of an appointment was:
// booked, moved (from where), or a status with its reason.
func (g *sarGathered) sarAppointmentChange(h StatusChange, first bool) string {
	switch {
	case first:
		if h.Reason != "" {
			return "Booked in spite of a warning (" + h.Reason + ")"
		}
		return "Booked"
	case h.MovedFrom != nil:
		what := "Moved from " + g.sarSlotWords(*h.MovedFrom)
		if h.Reason != "" {
			what += " (reason: " + h.Reason + ")"
		}
		return what
	}
	what := StatusLabel(h.Status)
	if h.Reason != "" {
		what += " (reason: " + h.Reason + ")"
	}
	return what
}

// staffName is a member of staff's full name, or what was recorded when
// they are not (or no longer) on the staff list.
func (g *sarGathered) staffName(username string) string {
	if u, ok := g.staff[username]; ok && u.FullName != "" {
		return u.FullName
	}
	return username
}

// staffWithRole is "Ann Manager (practice manager)", with their role now.
func (g *sarGathered) staffWithRole(username string) string {
	u, ok := g.staff[username]
	if !ok {
		return username
	}
	name := u.FullName
	if name == "" {
		name = username
	}
	return name + " (" + lowerFirst(Role(u.Role).Label()) + ")"
}

func (g *sarGathered) ownerName(id string) string {
	if u, ok := g.staffIDs[id]; ok {
		return u.FullName
	}
	return ""
}

// sarAccessWords says what an audit entry means, to the patient.
func sarAccessWords(e AuditEntry) string {
	switch e.Action {
	case "patient.view":
		return "Looked at your record"
	case "patient.create":
		if e.Detail == "imported" {
			return "Added your record from a spreadsheet"
		}
		return "Created your record"
	case "patient.update":
		if fields := strings.TrimPrefix(e.Detail, "changed: "); fields != "" && fields != e.Detail {
			return "Changed your details (" + fields + ")"
		}
		return "Changed your details"
	case "patient.archive":
		return "Archived your record"
	case "patient.unarchive":
		return "Brought your record back from the archive"
	case "patient.merge":
		return "Merged a duplicate record of yours into this one"
	case "patient.merged_into":
		return "Merged this duplicate record into your main record"
	case "patient.unmerge":
		return "Undid a merge of your records"
	case "patient.note":
		return "Added a note"
	case "patient.call":
		if e.Detail == "out" {
			return "Logged a phone call to you"
		}
		return "Logged a phone call from you"
	case "task.create":
		return "Added a follow-up"
	case "task.done":
		return "Marked a follow-up done"
	case "patient.sar":
		return "Made a copy of your record for you"
	case "sar.log":
		return "Logged your request for a copy of your record"
	case "sar.pause":
		return "Noted that we were waiting to hear from you about your request for a copy"
	case "sar.resume":
		return "Noted your reply about your request for a copy"
	case "sar.extend":
		return "Took more time to answer your request for a copy, and wrote to tell you"
	case "appointment.book":
		return "Booked an appointment for you"
	case "appointment.series":
		return "Booked a series of appointments for you"
	case "appointment.move":
		return "Moved an appointment of yours"
	case "appointment.status":
		status, _, _ := strings.Cut(e.Detail, ";")
		switch status = strings.TrimSpace(status); status {
		case StatusArrived:
			return "Marked you arrived for an appointment"
		case StatusInProgress:
			return "Started your appointment"
		case StatusSeen:
			return "Marked you seen at an appointment"
		case StatusDNA:
			if strings.Contains(e.Detail, strings.ToLower(LabelNotBrought)) {
				return "Marked that you were not brought to an appointment"
			}
			return "Marked that you did not attend an appointment"
		case StatusCancelledPatient, StatusCancelledClinic:
			return "Cancelled an appointment of yours (" + lowerFirst(StatusLabel(status)) + ")"
		case StatusBooked:
			return "Set an appointment of yours back to booked"
		}
		return "Changed an appointment of yours"
	case "waiting.add":
		return "Put you on the waiting list"
	case "waiting.update":
		return "Changed your place on the waiting list"
	case "waiting.remove":
		return "Took you off the waiting list"
	}
	return "Used your record (" + strings.NewReplacer(".", " ", "_", " ").Replace(e.Action) + ")"
}

// sarHistoryWords says what a change to the record was, for its history;
// ok is false for entries that are not changes (views, notes, follow-ups,
// which have their own sections).
func (g *sarGathered) sarHistoryWords(e AuditEntry) (string, bool) {
	switch e.Action {
	case "patient.create":
		if e.Detail == "imported" {
			return "Record added from the clinic’s patient spreadsheet", true
		}
		return "Record created", true
	case "patient.update":
		if fields := strings.TrimPrefix(e.Detail, "changed: "); fields != "" && fields != e.Detail {
			return "Details changed: " + fields, true
		}
		return "Details changed", true
	case "patient.archive":
		return "Record archived", true
	case "patient.unarchive":
		return "Record brought back from the archive", true
	case "patient.merge":
		return "A duplicate record of yours was merged into this one", true
	case "patient.merged_into":
		if e.Patient != g.patient.ID {
			return "", false // the same merge as the survivor's "patient.merge"
		}
		return "This record was merged into another record of yours", true
	case "patient.unmerge":
		return "A merge of your records was undone", true
	case "patient.sar":
		for _, r := range g.requests {
			if r.ID == e.EntityID {
				return "A copy of your record was made for you (request received " + r.Received.Long() + ")", true
			}
		}
		return "A copy of your record was made for you", true
	}
	return "", false
}

func sarYesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// sarFullName is the patient's name as it is printed: forenames and surname,
// exactly as recorded.
func sarFullName(p Patient) string {
	return strings.TrimSpace(strings.TrimSpace(p.Forenames) + " " + strings.TrimSpace(p.Surname))
}

// pdf puts the record into words for the patient's copy.
func (g *sarGathered) pdf(req sar.Request, by User) letters.SARData {
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
	case data.PatientArchived:
		status = "Archived"
		if !p.ArchivedAt.IsZero() {
			status += " on " + ukcal.WallDate(p.ArchivedAt).Long()
		}
	case data.PatientMerged:
		status = "Merged into another record"
	}
	var needs []string
	for _, code := range p.AIS.Needs {
		needs = append(needs, patients.Label(patients.AISNeeds, code))
	}

	d := letters.SARData{
		Clinic:  letters.SARClinic{Name: g.clinic.Name, Address: g.clinic.Address, Phone: g.clinic.Phone, Email: g.clinic.Email},
		Patient: sarFullName(p),
		DOB:     dateOrZero(p.DOB),
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
				{Label: "Date of birth", Value: ukcal.LongFromISO(p.DOB)},
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
				{Label: "Last treatment", Value: ukcal.LongFromISO(p.LastTreatment)},
				{Label: "Status", Value: status},
				{Label: "Record reference", Value: p.ID},
			}},
		},
		Communication: []letters.SARField{
			{Label: "Preferred language", Value: p.Language},
			{Label: "Interpreter needed", Value: sarYesNo(p.Interpreter)},
			{Label: "Communication needs", Value: strings.Join(needs, "\n")},
			{Label: "Notes about your needs", Value: p.AIS.Notes},
			{Label: "Needs last reviewed", Value: ukcal.LongFromISO(p.AIS.Reviewed)},
		},
	}
	// A date of death is part of the record (a personal representative
	// may ask under the Access to Health Records Act); "Not recorded" is
	// never printed to a living patient.
	if p.DateOfDeath != "" {
		record := &d.Details[len(d.Details)-1] // before its reference, the last line
		at := len(record.Fields) - 1
		record.Fields = append(record.Fields[:at], append([]letters.SARField{{Label: "Date of death", Value: ukcal.LongFromISO(p.DateOfDeath)}}, record.Fields[at:]...)...)
	}
	for _, a := range p.Alerts {
		d.Alerts = append(d.Alerts, letters.SARField{Label: patients.Label(patients.AlertKinds, a.Kind), Value: a.Text})
	}
	for _, a := range g.appointments {
		what := a.TypeName + " with " + a.ClinicianName
		if a.RoomName != "" {
			what += ", " + a.RoomName
		}
		sa := letters.SARAppointment{Date: dateOrZero(a.Date), What: what, Status: StatusLabel(a.Status),
			Time: schedule.Clock(a.StartMin).String() + "–" + schedule.Clock(a.EndMin).String()}
		for i, h := range g.apptHistory[a.ID] {
			sa.History = append(sa.History, letters.SAREvent{At: local(h.At), By: g.staffName(h.By), What: g.sarAppointmentChange(h, i == 0)})
		}
		d.Appointments = append(d.Appointments, sa)
	}
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
		f := letters.SARFollowUp{Title: k.Title, Due: k.Due, Owner: g.ownerName(k.OwnerID),
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

// The JSON copy. Its field names are part of the schema: never rename one
// within a version. Every field is always present (null or "" when empty),
// so a reader can rely on the shape. Dates are "YYYY-MM-DD", instants
// RFC 3339 in UTC; codes come with their label in words.
//
// Left out on purpose: the audit chain's hashes (prev_hash, hash). They
// protect the clinic's whole trail, each covering the row before it, which
// is usually about someone else; they say nothing about the patient and
// would only let a reader probe the chain. The row numbers (seq) stay, as
// a reference for questions. Nothing of the keyring, passwords or data key
// is ever in the store's patient tables, so none of it can reach here; the
// clinic's logo is left out as it is not about the patient. The hashes of
// earlier copies are kept: the patient may use them to check that a copy
// they hold is the one the clinic made.
type sarJSON struct {
	Schema                string               `json:"schema"`
	SchemaVersion         int                  `json:"schema_version"`
	GeneratedAt           string               `json:"generated_at"`
	GeneratedBy           sarJSONStaff         `json:"generated_by"`
	Software              sarJSONSoftware      `json:"software"`
	Clinic                sarJSONClinic        `json:"clinic"`
	Request               sarJSONRequest       `json:"request"`
	Patient               sarJSONPatient       `json:"patient"`
	Appointments          []sarJSONAppointment `json:"appointments"`
	Notes                 []sarJSONNote        `json:"notes"`
	FollowUps             []sarJSONTask        `json:"follow_ups"`
	SubjectAccessRequests []sarJSONEarlier     `json:"subject_access_requests"`
	Merges                []sarJSONMerge       `json:"merges"`
	Audit                 []sarJSONAudit       `json:"audit"`
}

type sarJSONSoftware struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type sarJSONClinic struct {
	Name    string   `json:"name"`
	Address []string `json:"address"`
	Phone   string   `json:"phone"`
	Email   string   `json:"email"`
}

type sarJSONStaff struct {
	Username string `json:"username"`
	Name     string `json:"name"`
	Role     string `json:"role"` // their role now, not when they acted
}

type sarJSONRequest struct {
	ID          string `json:"id"`
	Received    string `json:"received"`
	Due         string `json:"due"`
	DueExtended string `json:"due_extended"`
	Region      string `json:"region"` // whose bank holidays the due dates skip
	RequestedBy string `json:"requested_by"`
	// Added with the register; version 1 only ever gains fields.
	Scope         string         `json:"scope"`
	IdentityCheck string         `json:"identity_check"`
	ExtensionSent *string        `json:"extension_sent"`
	Pauses        []sarJSONPause `json:"pauses"`
}

type sarJSONPause struct {
	From   string  `json:"from"`
	To     *string `json:"to"`
	Reason string  `json:"reason"`
}

func sarPausesJSON(ps []sar.Pause) []sarJSONPause {
	out := []sarJSONPause{}
	for _, p := range ps {
		out = append(out, sarJSONPause{From: p.From.String(), To: sarDateJSON(p.To.String()), Reason: string(p.Reason)})
	}
	return out
}

type sarJSONCode struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

type sarJSONPatient struct {
	ID             string               `json:"id"`
	Status         string               `json:"status"`
	Title          string               `json:"title"`
	Forenames      string               `json:"forenames"`
	Surname        string               `json:"surname"`
	PreferredName  string               `json:"preferred_name"`
	UseKnownAs     bool                 `json:"preferred_name_in_letters"`
	DateOfBirth    *string              `json:"date_of_birth"`
	Sex            *sarJSONCode         `json:"sex"`
	GenderIdentity string               `json:"gender_identity"`
	NHSNumber      string               `json:"nhs_number"`
	Address        sarJSONAddress       `json:"address"`
	Phones         sarJSONPhones        `json:"phones"`
	Email          string               `json:"email"`
	GP             sarJSONGP            `json:"gp"`
	NextOfKin      sarJSONNextOfKin     `json:"next_of_kin"`
	Language       string               `json:"language"`
	Interpreter    bool                 `json:"interpreter_needed"`
	Consent        sarJSONConsent       `json:"contact_consent"`
	Alerts         []sarJSONAlert       `json:"alerts"`
	Communication  sarJSONCommunication `json:"communication_needs"`
	LastTreatment  *string              `json:"last_treatment"`
	DateOfDeath    *string              `json:"date_of_death,omitempty"` // left out for the living
	MergedInto     string               `json:"merged_into"`
	ArchivedAt     *string              `json:"archived_at"`
	CreatedAt      *string              `json:"created_at"`
	UpdatedAt      *string              `json:"updated_at"`
}

type sarJSONAddress struct {
	Line1    string `json:"line1"`
	Line2    string `json:"line2"`
	Town     string `json:"town"`
	County   string `json:"county"`
	Postcode string `json:"postcode"`
}

// sarJSONPhones are in E.164 ("+447700900123").
type sarJSONPhones struct {
	Mobile string `json:"mobile"`
	Home   string `json:"home"`
	Work   string `json:"work"`
}

type sarJSONGP struct {
	Name     string   `json:"name"`
	Practice string   `json:"practice"`
	Address  []string `json:"address"` // the practice's, one line each, postcode last
}

type sarJSONNextOfKin struct {
	Name         string `json:"name"`
	Relationship string `json:"relationship"`
	Phone        string `json:"phone"`
}

type sarJSONConsent struct {
	Letter bool `json:"letter"`
	Phone  bool `json:"phone"`
	SMS    bool `json:"sms"`
	Email  bool `json:"email"`
}

type sarJSONAlert struct {
	Kind sarJSONCode `json:"kind"`
	Text string      `json:"text"`
}

type sarJSONCommunication struct {
	Needs        []sarJSONCode `json:"needs"`
	Notes        string        `json:"notes"`
	LastReviewed *string       `json:"last_reviewed"`
}

// sarJSONAppointment is one appointment. Its date and times are the
// clinic's wall clock (Europe/London), as booked; the history's instants
// are UTC like every other.
type sarJSONAppointment struct {
	ID             string                `json:"id"`
	Date           string                `json:"date"`
	Start          string                `json:"start"` // "HH:MM"
	End            string                `json:"end"`
	Clinician      string                `json:"clinician"`
	Type           string                `json:"type"`
	Room           string                `json:"room"`
	Status         sarJSONCode           `json:"status"`
	CancelReason   string                `json:"cancel_reason"`
	OverrideReason string                `json:"override_reason"` // why it was booked in spite of a warning
	SeriesID       string                `json:"series_id"`
	Notes          string                `json:"notes"`
	BookedAt       *string               `json:"booked_at"`
	BookedBy       sarJSONStaff          `json:"booked_by"`
	History        []sarJSONStatusChange `json:"history"`
}

// sarJSONStatusChange is one row of an appointment's history: its first
// booking, a status change or a move (moved_from set).
type sarJSONStatusChange struct {
	At        *string      `json:"at"`
	By        sarJSONStaff `json:"by"`
	Status    sarJSONCode  `json:"status"`
	Reason    string       `json:"reason"`
	MovedFrom *sarJSONSlot `json:"moved_from"`
}

type sarJSONSlot struct {
	Date      string `json:"date"`
	Start     string `json:"start"`
	End       string `json:"end"`
	Clinician string `json:"clinician"`
}

type sarJSONNote struct {
	ID        string       `json:"id"`
	Kind      string       `json:"kind"`      // note, call
	Direction string       `json:"direction"` // calls: in (from the patient), out (to them)
	Text      string       `json:"text"`
	CreatedAt *string      `json:"created_at"`
	CreatedBy sarJSONStaff `json:"created_by"`
}

type sarJSONTask struct {
	ID        string        `json:"id"`
	Title     string        `json:"title"`
	Due       *string       `json:"due"`
	Owner     *sarJSONStaff `json:"owner"`
	CreatedAt *string       `json:"created_at"`
	CreatedBy sarJSONStaff  `json:"created_by"`
	DoneAt    *string       `json:"done_at"`
	DoneBy    *sarJSONStaff `json:"done_by"`
}

type sarJSONEarlier struct {
	ID            string       `json:"id"`
	Received      string       `json:"received"`
	Due           string       `json:"due"`
	DueExtended   string       `json:"due_extended"`
	RequestedBy   string       `json:"requested_by"`
	Scope         string       `json:"scope"`
	ExtensionSent *string      `json:"extension_sent"`
	ProducedAt    *string      `json:"produced_at"`
	SHA256PDF     string       `json:"sha256_pdf"`
	SHA256JSON    string       `json:"sha256_json"`
	CreatedBy     sarJSONStaff `json:"created_by"`
}

type sarJSONMerge struct {
	ID         string        `json:"id"`
	SurvivorID string        `json:"survivor_id"`
	MergedID   string        `json:"merged_id"`
	MergedAt   *string       `json:"merged_at"`
	MergedBy   sarJSONStaff  `json:"merged_by"`
	UndoneAt   *string       `json:"undone_at"`
	UndoneBy   *sarJSONStaff `json:"undone_by"`
}

type sarJSONAudit struct {
	Seq         int64        `json:"seq"`
	At          *string      `json:"at"`
	By          sarJSONStaff `json:"by"`
	Action      string       `json:"action"`
	Description string       `json:"description"`
	Entity      string       `json:"entity"`
	EntityID    string       `json:"entity_id"`
	RecordID    string       `json:"record_id"` // the record it was about: this one, or a duplicate merged into it
	Detail      string       `json:"detail"`
}

// sarInstant is t in RFC 3339 UTC, or null when not set.
func sarInstant(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// sarDateJSON is a stored "YYYY-MM-DD", or null when empty.
func sarDateJSON(s string) *string {
	if s == "" {
		return nil
	}
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

func (g *sarGathered) json(req sar.Request, by User, region ukcal.Region, due, dueExt ukcal.Date) sarJSON {
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
			ExtensionSent: sarDateJSON(req.ExtensionSent.String()), Pauses: sarPausesJSON(req.Pauses)},
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
		ja := sarJSONAppointment{ID: a.ID, Date: a.Date, Start: schedule.Clock(a.StartMin).String(), End: schedule.Clock(a.EndMin).String(),
			Clinician: a.ClinicianName, Type: a.TypeName, Room: a.RoomName, Status: sarJSONCode{Code: a.Status, Label: StatusLabel(a.Status)},
			CancelReason: a.CancelReason, OverrideReason: a.OverrideReason, SeriesID: a.SeriesID, Notes: a.Notes,
			BookedAt: sarInstant(a.CreatedAt), BookedBy: g.jsonStaff(a.CreatedBy), History: []sarJSONStatusChange{}}
		for _, h := range g.apptHistory[a.ID] {
			jh := sarJSONStatusChange{At: sarInstant(h.At), By: g.jsonStaff(h.By), Status: sarJSONCode{Code: h.Status, Label: StatusLabel(h.Status)},
				Reason: h.Reason}
			if m := h.MovedFrom; m != nil {
				jh.MovedFrom = &sarJSONSlot{Date: m.Date, Start: schedule.Clock(m.StartMin).String(), End: schedule.Clock(m.EndMin).String(),
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
		t := sarJSONTask{ID: k.ID, Title: k.Title, Due: sarDateJSON(k.Due.String()), CreatedAt: sarInstant(k.CreatedAt),
			CreatedBy: g.jsonStaff(k.CreatedBy), DoneAt: sarInstant(k.DoneAt), DoneBy: g.jsonStaffPtr(k.DoneBy)}
		if u, ok := g.staffIDs[k.OwnerID]; ok {
			t.Owner = g.jsonStaffPtr(u.Username)
		}
		out.FollowUps = append(out.FollowUps, t)
	}
	for _, r := range g.requests {
		out.SubjectAccessRequests = append(out.SubjectAccessRequests, sarJSONEarlier{ID: r.ID, Received: r.Received.String(),
			Due: r.DueWithoutExtension(region, g.today).String(), DueExtended: r.DueExtended(region, g.today).String(),
			RequestedBy: r.RequestedBy, Scope: r.Scope, ExtensionSent: sarDateJSON(r.ExtensionSent.String()), ProducedAt: sarInstant(r.ProducedAt),
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
