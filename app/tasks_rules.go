package app

import (
	"fmt"
	"slices"

	"clinicdesk/app/patients"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
)

// Tasks made by the rules where a person must act: a subject access
// request coming due, a child not brought to an appointment, and what the
// referral rules call for. Every task a rule calls for is inserted at most
// once, by its rule key, so running them twice makes nothing twice and a
// task ticked off is not made again.
//
// When they run: the subject access and "was not brought" rules read a
// handful of rows, so Today runs them on every look. The referral rules
// read every open referral, so Today runs them over all of them once a
// clinic day (their tasks come due by days passing: an acknowledgement's
// two working days, a chase date, a clock coming within four weeks of its
// 18); what happens to a referral in between (added, an event, its desk
// fields saved) runs them for that referral, in its transaction.
// `clinicdesk tasks list` and MakeRuleTasks run every rule at once.

// referralTasksDayKey is the setting holding the clinic day the referral
// rules last ran over every open referral.
const referralTasksDayKey = "tasks.referral_rules_day"

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
	return c.makeRuleTasksLocked(s, true)
}

// MakeDueRuleTasks runs the rules due a run before a list of tasks is
// shown (Today, the Tasks screen): the referral rules only when they have
// not run over every referral today. It returns how many tasks were new.
func (c *Clinic) MakeDueRuleTasks() (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermNotePatients)
	if err != nil {
		return 0, err
	}
	day, _, err := c.store.Setting(referralTasksDayKey)
	if err != nil {
		return 0, err
	}
	return c.makeRuleTasksLocked(s, day != c.today().String())
}

// makeRuleTasksLocked runs the rules, the referral rules over every open
// referral when referrals is set (and then notes the day), saves the
// tasks not made before and marks done those whose reason has gone
// (tasks_rules_done.go). Caller holds c.mu.
func (c *Clinic) makeRuleTasksLocked(s *Session, referrals bool) (int, error) {
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
	closings, err := c.sarAndNotBroughtClosingsLocked(today, region)
	if err != nil {
		return 0, err
	}
	var noteDay func(tx *writeTx) error
	if referrals && referralTaskFacts != nil {
		facts, err := referralTaskFacts(c, today)
		if err != nil {
			return 0, err
		}
		made = append(made, c.referralTasksLocked(facts, today, region)...)
		gone, err := c.referralClosingsLocked(facts, today, region)
		if err != nil {
			return 0, err
		}
		closings = append(closings, gone...)
		noteDay = func(tx *writeTx) error { return tx.SetSetting(referralTasksDayKey, today.String()) }
	}
	if len(closings) > 0 {
		closeDay := noteDay
		noteDay = func(tx *writeTx) error {
			if err := tx.closeRuleTasks(closings); err != nil || closeDay == nil {
				return err
			}
			return closeDay(tx)
		}
	}
	return c.saveRuleTasksLocked(s, made, noteDay)
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
	return c.saveRuleTasksLocked(s, c.referralTasksLocked(facts, c.today(), c.bankHolidayRegionLocked()), nil)
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
// transaction, with also when given (which then runs even when no task is
// new). Tasks already made are left out first, so a look that finds
// nothing new writes nothing. Caller holds c.mu.
func (c *Clinic) saveRuleTasksLocked(s *Session, ks []tasks.Task, also func(tx *writeTx) error) (int, error) {
	keys := make([]string, len(ks))
	for i, k := range ks {
		keys[i] = k.RuleKey
	}
	done, err := c.store.RuleKeysMade(keys)
	if err != nil {
		return 0, err
	}
	ks = slices.DeleteFunc(ks, func(k tasks.Task) bool { return done[k.RuleKey] })
	if len(ks) == 0 && also == nil {
		return 0, nil
	}
	made := 0
	err = c.writeAs(s, func(tx *writeTx) error {
		var err error
		if made, err = tx.insertRuleTasks(ks); err != nil {
			return err
		}
		if also != nil {
			return also(tx)
		}
		return nil
	})
	return made, err
}

// insertRuleTasks inserts each task whose rule key is new, with its audit
// row, and says how many were.
func (w *writeTx) insertRuleTasks(ks []tasks.Task) (int, error) {
	made := 0
	now := w.c.clock().UTC()
	for _, k := range ks {
		k.ID, k.CreatedBy, k.CreatedAt = newID(), w.session.User.Username, now
		if err := k.Check(); err != nil {
			return 0, fmt.Errorf("the rule %s made a task that cannot be saved: %w", k.RuleKey, err)
		}
		added, err := w.InsertRuleTask(k)
		if err != nil {
			return 0, err
		}
		if !added {
			continue
		}
		made++
		if err := w.audit(auditEvent{Action: "task.auto", Entity: "task", ID: k.ID, Patient: k.PatientID,
			Detail: "rule " + k.RuleKey + ", " + taskDetail(k)}); err != nil {
			return 0, err
		}
	}
	return made, nil
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
