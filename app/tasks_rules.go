package app

import (
	"fmt"

	"clinicdesk/app/patients"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
)

// Tasks made by the rules where a person must act: a subject access
// request coming due, a child not brought to an appointment, and what the
// referral rules call for. They are made when Today counts its tasks (and
// by `clinicdesk tasks list`): the rules read the facts as they stand,
// and every task they call for is inserted in one transaction, at most
// once, by its rule key. So a rule's task appears on the first look after
// its day comes, running them twice makes nothing twice, and a task
// ticked off is not made again.

// referralTaskFacts gathers the facts the referral rules need, one per
// open referral. The referrals module sets it; until then there are none.
// Caller holds c.mu.
var referralTaskFacts func(c *Clinic, today ukcal.Date) ([]tasks.ReferralFacts, error)

// MakeRuleTasks runs every rule that makes tasks and saves those not made
// before, returning how many were new.
func (c *Clinic) MakeRuleTasks() (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermNotePatients)
	if err != nil {
		return 0, err
	}
	today, region := c.today(), c.bankHolidayRegionLocked()
	var made []tasks.Task
	sars, err := c.sarTasksLocked(today, region)
	if err != nil {
		return 0, err
	}
	made = append(made, sars...)
	wnb, err := c.notBroughtTasksLocked()
	if err != nil {
		return 0, err
	}
	made = append(made, wnb...)
	if referralTaskFacts != nil {
		facts, err := referralTaskFacts(c, today)
		if err != nil {
			return 0, err
		}
		made = append(made, c.referralTasksLocked(facts, today, region)...)
	}
	return c.saveRuleTasksLocked(s, made)
}

// MakeReferralTasks is the referral rules' hook: given the facts of some
// referrals, it saves the tasks they call for today that were not made
// before, returning how many were new. A fact without an owner gives the
// task to the referral's owner, or to any receptionist.
func (c *Clinic) MakeReferralTasks(facts []tasks.ReferralFacts) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermNotePatients)
	if err != nil {
		return 0, err
	}
	return c.saveRuleTasksLocked(s, c.referralTasksLocked(facts, c.today(), c.bankHolidayRegionLocked()))
}

func (c *Clinic) referralTasksLocked(facts []tasks.ReferralFacts, today ukcal.Date, region ukcal.Region) []tasks.Task {
	var out []tasks.Task
	for _, f := range facts {
		if f.Owner == (tasks.Owner{}) {
			f.Owner = c.ruleOwnerLocked(f.Referral.OwnerID, Receptionist)
		}
		out = append(out, tasks.ReferralTasks(f, today, region)...)
	}
	return out
}

// saveRuleTasksLocked inserts each task not made before, audited, in one
// transaction. Caller holds c.mu.
func (c *Clinic) saveRuleTasksLocked(s *Session, ks []tasks.Task) (int, error) {
	if len(ks) == 0 {
		return 0, nil
	}
	made := 0
	now := c.clock().UTC()
	err := c.writeAs(s, func(tx *writeTx) error {
		made = 0
		for _, k := range ks {
			k.ID, k.CreatedBy, k.CreatedAt = newID(), s.User.Username, now
			if err := k.Check(); err != nil {
				return fmt.Errorf("the rule %s made a task that cannot be saved: %w", k.RuleKey, err)
			}
			added, err := tx.InsertRuleTask(k)
			if err != nil {
				return err
			}
			if !added {
				continue
			}
			made++
			if err := tx.audit(auditEvent{Action: "task.auto", Entity: "task", ID: k.ID, Patient: k.PatientID,
				Detail: "rule " + k.RuleKey + ", " + taskDetail(k)}); err != nil {
				return err
			}
		}
		return nil
	})
	return made, err
}

// ruleOwnerLocked gives a rule's task to the person (user ID) when they
// can still sign in, else to everyone in the role. Caller holds c.mu.
func (c *Clinic) ruleOwnerLocked(userID string, fallback Role) tasks.Owner {
	if userID != "" {
		if u, err := c.store.UserByID(userID); err == nil && u.Active {
			return tasks.Owner{UserID: u.ID}
		}
	}
	return tasks.Owner{Role: string(fallback)}
}

// sarTasksLocked: each open request due within a few working days is
// given to whoever logged it, or to the managers.
func (c *Clinic) sarTasksLocked(today ukcal.Date, region ukcal.Region) ([]tasks.Task, error) {
	reqs, err := c.store.OpenSARs()
	if err != nil {
		return nil, err
	}
	var out []tasks.Task
	for _, r := range reqs {
		_, paused := r.OpenPause()
		f := tasks.SARFacts{RequestID: r.ID, PatientID: r.PatientID, Due: r.Due(region, today), Paused: paused}
		if _, ok := tasks.SARTask(f, today, region); !ok {
			continue // read the patient only for the few that call for a task
		}
		p, err := c.store.Patient(r.PatientID)
		if err != nil {
			return nil, err
		}
		f.PatientName = patientFullName(p)
		f.Owner = tasks.Owner{Role: string(Manager)}
		if u, err := c.store.UserByName(r.CreatedBy); err == nil {
			f.Owner = c.ruleOwnerLocked(u.ID, Manager)
		}
		k, _ := tasks.SARTask(f, today, region)
		out = append(out, k)
	}
	return out, nil
}

// notBroughtTasksLocked: each open safeguarding prompt is given to the
// child's clinician when they have a login, or to the managers (who hold
// the safeguarding lead's part at a small clinic).
func (c *Clinic) notBroughtTasksLocked() ([]tasks.Task, error) {
	prompts, err := c.store.SafeguardingPrompts(patients.SafeguardingFilter{OpenOnly: true, Limit: 1000})
	if err != nil {
		return nil, err
	}
	var out []tasks.Task
	for _, p := range prompts {
		owner := tasks.Owner{Role: string(Manager)}
		if cl, err := c.store.Clinician(p.ClinicianID); err == nil {
			owner = c.ruleOwnerLocked(cl.UserID, Manager)
		}
		out = append(out, tasks.NotBroughtTask(tasks.NotBroughtFacts{PromptID: p.ID, PatientID: p.PatientID,
			PatientName: p.PatientName, Missed: p.AppointmentDate, Raised: ukcal.WallDate(p.CreatedAt), Owner: owner}))
	}
	return out, nil
}
