package app

import (
	"strings"

	"clinicdesk/app/audit"
)

// AuditLine is one audit entry as a practice manager reads it: the
// action in words, the patient by name, the detail without arrows.
type AuditLine struct {
	audit.Entry
	What   string // the action in words ("Viewed the record")
	Detail string // the detail as it may be shown (see PlainDetail)
	// PatientName is the patient's name ("Jane Smith") for those allowed
	// to see patients' records; "" when they are not, when the entry is
	// about no patient, or when the record has been deleted.
	PatientName string
	// PatientShown is what the trail shows for the patient: the name, or
	// "A patient" for someone who may not see names, or "A deleted record".
	PatientShown string
}

// AuditTrail lists audit entries newest first, like AuditLog, in words and
// with patients' names for those allowed to see patients' records. Only a
// role that may see the audit trail may read it; the names need the
// permission to see patients' records as well, checked here and not left
// to the screen. f.Patient narrows it to one patient's entries.
func (c *Clinic) AuditTrail(f audit.Filter) ([]AuditLine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermViewAudit)
	if err != nil {
		return nil, err
	}
	f.Patient = strings.TrimSpace(f.Patient)
	entries, err := c.store.ListAudit(f)
	if err != nil {
		return nil, err
	}
	mayName := s.Role.Can(PermViewPatients)
	names := map[string]string{}
	if mayName {
		var ids []string
		for _, e := range entries {
			if _, ok := names[e.Patient]; e.Patient != "" && !ok {
				names[e.Patient] = ""
				ids = append(ids, e.Patient)
			}
		}
		ps, err := c.store.PatientsByIDs(ids)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			names[p.ID] = strings.Join(strings.Fields(p.Forenames+" "+p.Surname), " ")
		}
	}
	out := make([]AuditLine, len(entries))
	for i, e := range entries {
		l := AuditLine{Entry: e, What: ActionWords(e.Action), Detail: PlainDetail(e.Detail)}
		switch {
		case e.Patient == "":
		case !mayName:
			l.PatientShown = "A patient"
		case names[e.Patient] == "":
			l.PatientShown = "A deleted record"
		default:
			l.PatientName = names[e.Patient]
			l.PatientShown = l.PatientName
		}
		out[i] = l
	}
	return out, nil
}
