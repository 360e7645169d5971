package app

import (
	"errors"
	"sort"
	"strings"

	"clinicdesk/app/audit"
	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/practice"
	"clinicdesk/app/sar"
	"clinicdesk/app/schedule"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/app/users"
	"clinicdesk/data"
)

// What a subject access copy holds is read here: the whole record, its
// appointments and their history, staff names, and the audit trail put
// into words.

// sarGathered is everything held about one patient.
type sarGathered struct {
	clinic  practice.Details
	today   ukcal.Date // earlier requests' due dates count open pauses to it
	patient patients.Patient
	notes   []patients.Note // oldest first
	tasks   []tasks.Task
	// Referrals in and out, oldest first, with their pathway events.
	referrals      []pathways.Referral
	referralEvents map[string][]pathways.Event
	requests       []sar.Request // earlier requests, oldest first
	merges         []patients.Merge
	audit          []audit.Entry // oldest first
	// The patient's appointments, oldest first, with each one's status
	// changes and moves (oldest first), and the clinicians' names for the
	// slots an appointment was moved from.
	appointments []schedule.DiaryEntry
	apptHistory  map[string][]schedule.StatusChange
	clinicians   map[string]string
	staff        map[string]users.User
	staffIDs     map[string]users.User
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
	if p.Status == patients.Merged {
		return nil, errors.New("this record was merged into another: make the copy from that record, which holds everything")
	}
	g := &sarGathered{patient: p, today: c.today(), staff: map[string]users.User{}, staffIDs: map[string]users.User{}}
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
	if g.tasks, err = c.store.Tasks(tasks.Filter{PatientID: patientID, Limit: 1000}); err != nil {
		return nil, err
	}
	if err := g.gatherReferrals(c.store, patientID); err != nil {
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
			page, err := c.store.ListAudit(audit.Filter{Patient: id, Before: before, Limit: sarPage})
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
	g.apptHistory = map[string][]schedule.StatusChange{}
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
func (g *sarGathered) sarSlotWords(s schedule.Slot) string {
	out := s.Date.LongWithDay() + " at " + schedule.Clock(s.StartMin).String()
	if name := g.clinicians[s.ClinicianID]; name != "" {
		out += " with " + name
	}
	return out
}

// sarAppointmentChange says what one history row of an appointment was:
// booked, moved (from where), or a status with its reason.
func (g *sarGathered) sarAppointmentChange(h schedule.StatusChange, first bool) string {
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
	what := h.Status.Label()
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
func sarAccessWords(e audit.Entry) string {
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
		return "Added a task"
	case "task.done":
		return "Marked a task done"
	case "referral.add":
		return "Recorded a referral about you"
	case "referral.view":
		return "Looked at a referral about you"
	case "referral.update":
		return "Changed the details of a referral about you"
	case "referral.event":
		return "Recorded a step on your referral's pathway"
	case "referral.close":
		return "Closed a referral about you"
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
		word, _, _ := strings.Cut(e.Detail, ";")
		switch status := schedule.Status(strings.TrimSpace(word)); status {
		case schedule.StatusArrived:
			return "Marked you arrived for an appointment"
		case schedule.StatusInProgress:
			return "Started your appointment"
		case schedule.StatusSeen:
			return "Marked you seen at an appointment"
		case schedule.StatusDNA:
			if strings.Contains(e.Detail, strings.ToLower(LabelNotBrought)) {
				return "Marked that you were not brought to an appointment"
			}
			return "Marked that you did not attend an appointment"
		case schedule.StatusCancelledPatient, schedule.StatusCancelledClinic:
			return "Cancelled an appointment of yours (" + lowerFirst(status.Label()) + ")"
		case schedule.StatusBooked:
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
func (g *sarGathered) sarHistoryWords(e audit.Entry) (string, bool) {
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

// gatherReferrals reads the patient's referrals, in and out, oldest
// first, with their events.
func (g *sarGathered) gatherReferrals(store *data.Store, patientID string) error {
	rows, err := store.Referrals(data.ReferralFilter{PatientID: patientID})
	if err != nil {
		return err
	}
	ids := make([]string, len(rows))
	for i, row := range rows {
		g.referrals = append(g.referrals, row.Referral)
		ids[i] = row.Referral.ID
	}
	g.referralEvents, err = store.ReferralEventsOf(ids)
	return err
}
