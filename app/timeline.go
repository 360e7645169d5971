package app

import (
	"sort"
	"strings"
	"time"

	"clinicdesk/data"
)

// TimelineEntry is one thing on a patient's timeline.
type TimelineEntry struct {
	At     time.Time
	Kind   string // change, note, call, task, sar, merge
	Title  string
	Detail string
	By     string
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
// record, notes, calls, follow-ups and subject access requests. Later
// modules add appointments, letters, complaints and referrals.
func (c *Clinic) Timeline(patientID string) ([]TimelineEntry, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewPatients); err != nil {
		return nil, err
	}
	var out []TimelineEntry
	audit, err := c.store.ListAudit(data.AuditFilter{Patient: patientID, Limit: 1000})
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
	tasks, err := c.store.Tasks(data.TaskFilter{PatientID: patientID, Limit: 1000})
	if err != nil {
		return nil, err
	}
	for _, k := range tasks {
		out = append(out, TimelineEntry{At: k.CreatedAt, Kind: "task", Title: "Follow-up due " + ukDateString(k.Due), Detail: k.Title, By: k.CreatedBy})
		if !k.DoneAt.IsZero() {
			out = append(out, TimelineEntry{At: k.DoneAt, Kind: "task", Title: "Follow-up done", Detail: k.Title, By: k.DoneBy})
		}
	}
	sars, err := c.store.SARRequests(patientID)
	if err != nil {
		return nil, err
	}
	for _, r := range sars {
		out = append(out, TimelineEntry{At: r.CreatedAt, Kind: "sar", Title: "Subject access request received " + ukDateString(r.Received),
			Detail: "Due by " + ukDateString(r.Due), By: r.CreatedBy})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// ukDateString turns "2026-11-23" into "23/11/2026".
func ukDateString(iso string) string {
	if len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "/" + iso[5:7] + "/" + iso[0:4]
}
