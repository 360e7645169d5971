package app

import (
	"sort"
	"strings"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/pathways"
	"clinicdesk/app/schedule"
	"clinicdesk/app/tasks"
	"clinicdesk/data"
)

// TimelineEntry is one thing on a patient's timeline.
type TimelineEntry struct {
	At     time.Time
	Kind   string // change, note, call, task, sar, merge, appointment
	Title  string
	Detail string
	By     string
	// ComplaintID is the complaint a "complaint" entry links to (shown
	// only to those who may see the register); "" on other entries.
	ComplaintID string
	// LetterID is the correspondence log entry of a letter or slip, for
	// "Print again"; "" on other entries.
	LetterID string
	// Fingerprint is a letter's or slip's SHA-256, kept out of Detail so
	// the timeline shows it only when asked.
	Fingerprint string
	// ReferralID is the referral a "referral" entry is about, for "Open
	// referral"; "" on other entries.
	ReferralID string
}

// timelineActions are the audit actions shown on a patient's timeline as
// changes to the record (views are in the audit trail, not here).
var timelineActions = map[string]string{
	"patient.create":      "Record created",
	"patient.update":      "Details changed",
	"patient.archive":     "Record archived",
	"patient.unarchive":   "Record brought back from the archive",
	"patient.merge":       "Duplicate record merged in",
	"patient.merged_into": "Merged into another record",
	"patient.unmerge":     "Merge undone",
	"patient.sar":         "Subject access copy produced",
}

// Timeline gathers a patient's history, newest first: changes to the
// record, notes, calls, follow-ups, subject access requests, every
// booking, move and status change of their appointments, and the letters
// and slips printed; a complaint about the patient is one link, shown only to
// those who may see the register; referrals in and out and their pathway
// events, to those who may see them (a clinician: their own).
func (c *Clinic) Timeline(patientID string) ([]TimelineEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	var out []TimelineEntry
	audit, err := c.store.ListAudit(audit.Filter{Patient: patientID, Limit: 1000})
	if err != nil {
		return nil, err
	}
	for _, a := range audit {
		title, ok := timelineActions[a.Action]
		if !ok {
			continue
		}
		detail := strings.TrimPrefix(a.Detail, "changed: ")
		if a.Action == "patient.create" && a.Detail == "imported" {
			title, detail = "Record imported from a spreadsheet", ""
		}
		if a.Action != "patient.update" && a.Action != "patient.create" {
			detail = ""
		}
		out = append(out, TimelineEntry{At: a.At, Kind: "change", Title: title, Detail: detail, By: a.Username})
	}
	notes, err := c.store.Notes(patientID)
	if err != nil {
		return nil, err
	}
	for _, n := range notes {
		e := TimelineEntry{At: n.CreatedAt, Kind: n.Kind, Title: "Note", Detail: n.Body, By: n.CreatedBy}
		if n.Kind == "call" {
			e.Title = "Phone call from the patient"
			if n.Direction == "out" {
				e.Title = "Phone call to the patient"
			}
		}
		out = append(out, e)
	}
	tasks, err := c.store.Tasks(tasks.Filter{PatientID: patientID, Limit: 1000})
	if err != nil {
		return nil, err
	}
	for _, k := range tasks {
		out = append(out, TimelineEntry{At: k.CreatedAt, Kind: "task", Title: "Follow-up due " + k.Due.Short(), Detail: k.Title, By: k.CreatedBy})
		if !k.DoneAt.IsZero() {
			out = append(out, TimelineEntry{At: k.DoneAt, Kind: "task", Title: "Follow-up done", Detail: k.Title, By: k.DoneBy})
		}
	}
	sars, err := c.store.SARRequests(patientID)
	if err != nil {
		return nil, err
	}
	region, today := c.bankHolidayRegionLocked(), c.today()
	for _, r := range sars {
		out = append(out, TimelineEntry{At: r.CreatedAt, Kind: "sar", Title: "Subject access request received " + r.Received.Short(),
			Detail: "Due by " + r.Due(region, today).Short(), By: r.CreatedBy})
	}
	appts, err := c.appointmentTimeline(patientID)
	if err != nil {
		return nil, err
	}
	out = append(out, appts...)
	prompts, err := c.safeguardingTimeline(patientID)
	if err != nil {
		return nil, err
	}
	out = append(out, prompts...)
	letters, err := c.letterTimeline(patientID)
	if err != nil {
		return nil, err
	}
	out = append(out, letters...)
	links, err := c.complaintLinks(patientID)
	if err != nil {
		return nil, err
	}
	out = append(out, links...)
	refs, err := c.referralTimeline(patientID)
	if err != nil {
		return nil, err
	}
	out = append(out, refs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// appointmentTimeline turns the history of a patient's appointments into
// timeline entries: booked, moved, arrived, seen, DNA, cancelled.
func (c *Clinic) appointmentTimeline(patientID string) ([]TimelineEntry, error) {
	appts, err := c.store.Diary(data.DiaryFilter{PatientID: patientID, WithCancelled: true})
	if err != nil {
		return nil, err
	}
	if len(appts) == 0 {
		return nil, nil
	}
	byID := make(map[string]schedule.DiaryEntry, len(appts))
	for _, a := range appts {
		byID[a.ID] = a
	}
	history, err := c.store.PatientAppointmentHistory(patientID)
	if err != nil {
		return nil, err
	}
	var out []TimelineEntry
	seen := map[string]bool{}
	childUnder := c.childUnderAge()
	for _, h := range history {
		a, ok := byID[h.AppointmentID]
		if !ok {
			continue
		}
		what := a.TypeName + " with " + a.ClinicianName
		e := TimelineEntry{At: h.At, Kind: "appointment", By: h.By, Detail: h.Reason}
		switch {
		case !seen[h.AppointmentID]:
			first := a.Slot
			if a.MovedFrom != nil {
				first = *a.MovedFrom
			}
			e.Title = "Appointment booked for " + slotProse(first)
			e.Detail = what
			if h.Reason != "" {
				e.Detail += "; booked in spite of warnings: " + h.Reason
			}
		case h.MovedFrom != nil:
			e.Title = "Appointment moved from " + slotProse(*h.MovedFrom)
			parts := []string{what, "now " + slotProse(a.Slot)}
			if h.Reason != "" {
				parts = append(parts, "reason: "+h.Reason)
			}
			e.Detail = strings.Join(parts, "; ")
		default:
			label := h.Status.Label()
			if h.Status == schedule.StatusDNA && EntryNotBrought(a, childUnder) {
				label = LabelNotBrought
			}
			e.Title = label + ": appointment of " + slotProse(a.Slot)
		}
		seen[h.AppointmentID] = true
		out = append(out, e)
	}
	return out, nil
}

// slotProse is a slot as a sentence says it: "Monday 23 November 2026, 09:00".
func slotProse(s schedule.Slot) string {
	if s.Date.IsZero() {
		return ""
	}
	return s.Date.LongWithDay() + ", " + schedule.Clock(s.StartMin).String()
}

// referralTimeline is a patient's referrals on their timeline: each one
// added, what happened on its pathway (its receipt is the referral
// itself), and its closing. Only the referrals the session may see.
// Caller holds c.mu.
func (c *Clinic) referralTimeline(patientID string) ([]TimelineEntry, error) {
	s := c.session
	if s == nil || !s.Role.Can(PermViewReferrals) {
		return nil, nil
	}
	f, err := c.referralFilterLocked(s, ReferralQuery{PatientID: patientID})
	if err != nil {
		return nil, err
	}
	rows, err := c.store.Referrals(f)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	ids := make([]string, len(rows))
	for i, row := range rows {
		ids[i] = row.Referral.ID
	}
	events, err := c.store.ReferralEventsOf(ids)
	if err != nil {
		return nil, err
	}
	everyone, err := c.store.Users()
	if err != nil {
		return nil, err
	}
	username := make(map[string]string, len(everyone)) // the timeline names staff by username
	for _, u := range everyone {
		username[u.ID] = u.Username
	}
	var out []TimelineEntry
	for _, row := range rows {
		r := row.Referral
		party := strings.Trim(r.Party.Name+", "+r.Party.Organisation, ", ")
		title := "Referral received " + r.Date.Short() + " from " + party
		if r.Direction == pathways.Out {
			title = "Referral sent " + r.Date.Short() + " to " + party
		}
		out = append(out, TimelineEntry{At: r.CreatedAt, Kind: "referral", ReferralID: r.ID, By: username[r.CreatedBy], Title: title,
			Detail: r.Urgency.Label() + " · " + r.Kind.Label() + " · " + r.Reason})
		for _, e := range events[r.ID] {
			if e.Kind == pathways.ReferralReceived {
				continue
			}
			out = append(out, TimelineEntry{At: e.At, Kind: "referral", ReferralID: r.ID, By: username[e.By],
				Title: "Referral: " + e.Kind.Label() + " on " + e.On.Short(), Detail: e.Note})
		}
		if r.Status == pathways.StatusClosed {
			out = append(out, TimelineEntry{At: r.ClosedAt, Kind: "referral", ReferralID: r.ID, By: username[r.ClosedBy],
				Title: "Referral pathway closed", Detail: r.CloseReason})
		}
	}
	return out, nil
}
