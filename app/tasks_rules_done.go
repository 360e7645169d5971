package app

import (
	"errors"
	"slices"

	"clinicdesk/app/pathways"
	"clinicdesk/app/patients"
	"clinicdesk/app/sar"
	"clinicdesk/app/tasks"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// Rule tasks close themselves (see app/tasks/rules_done.go): whenever a
// rule runs, the open tasks it made whose reason has gone are marked done
// by ClinicDesk in the same transaction, with why on the task's note and
// in the audit trail. The subject access and "was not brought" tasks are
// checked on every look, as their rules run; the referral rules' tasks
// with the once-a-day run over every referral, and a referral's own with
// every change to it.

// ruleTaskClosing is an open task a rule made whose reason has gone.
type ruleTaskClosing struct {
	task tasks.Task
	why  string
}

// closeRuleTasks marks each task done by the rules, its note saying why,
// audited. One done meanwhile (by a person, or another run) is left.
func (w *writeTx) closeRuleTasks(cs []ruleTaskClosing) error {
	now := w.c.clock().UTC()
	for _, x := range cs {
		err := w.CompleteRuleTask(x.task.ID, tasks.DoneByRules, now, tasks.DoneNote(x.task.Note, x.why))
		if errors.Is(err, data.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if err := w.audit(auditEvent{Action: "task.auto_done", Entity: "task", ID: x.task.ID, Patient: x.task.PatientID,
			Detail: "rule " + x.task.RuleKey + "; done by ClinicDesk: " + x.why}); err != nil {
			return err
		}
	}
	return nil
}

// sarAndNotBroughtClosingsLocked are the open subject access and "was
// not brought" tasks whose reason has gone: each read by its request or
// prompt, so only the few open ones cost a read. Caller holds c.mu.
func (c *Clinic) sarAndNotBroughtClosingsLocked(today ukcal.Date, region ukcal.Region) ([]ruleTaskClosing, error) {
	out, err := sarClosings(c.store, tasks.RulePrefixSAR, today, region)
	if err != nil {
		return nil, err
	}
	wnb, err := notBroughtClosings(c.store, tasks.RulePrefixNotBrought)
	return append(out, wnb...), err
}

// ruleFactReader reads what the subject access and "was not brought"
// rules' tasks were made for: the store, or a transaction.
type ruleFactReader interface {
	OpenRuleTasks(prefix string) ([]tasks.Task, error)
	SARRequest(id string) (sar.Request, error)
	SafeguardingPrompt(id string) (patients.SafeguardingPrompt, error)
}

// sarClosings are the open subject access tasks, of the keys starting
// with prefix, whose reason has gone.
func sarClosings(q ruleFactReader, prefix string, today ukcal.Date, region ukcal.Region) ([]ruleTaskClosing, error) {
	open, err := q.OpenRuleTasks(prefix)
	if err != nil {
		return nil, err
	}
	var out []ruleTaskClosing
	for _, k := range open {
		req, err := q.SARRequest(tasks.RuleSubject(k.RuleKey))
		if errors.Is(err, data.ErrNotFound) {
			out = append(out, ruleTaskClosing{k, "the request is no longer on the register."})
			continue
		}
		if err != nil {
			return nil, err
		}
		_, paused := req.OpenPause()
		var produced ukcal.Date
		if req.IsProduced() {
			produced = ukcal.WallDate(req.ProducedAt)
		}
		f := tasks.SARFacts{RequestID: req.ID, Due: req.Due(region, today), Paused: paused}
		if why, gone := tasks.SARTaskGone(k, f, produced); gone {
			out = append(out, ruleTaskClosing{k, why})
		}
	}
	return out, nil
}

// notBroughtClosings are the open "was not brought" tasks, of the keys
// starting with prefix, whose prompt was acknowledged.
func notBroughtClosings(q ruleFactReader, prefix string) ([]ruleTaskClosing, error) {
	open, err := q.OpenRuleTasks(prefix)
	if err != nil {
		return nil, err
	}
	var out []ruleTaskClosing
	for _, k := range open {
		p, err := q.SafeguardingPrompt(tasks.RuleSubject(k.RuleKey))
		if errors.Is(err, data.ErrNotFound) {
			out = append(out, ruleTaskClosing{k, "the safeguarding prompt is no longer in the clinic file."})
			continue
		}
		if err != nil {
			return nil, err
		}
		var acknowledged ukcal.Date
		if !p.Open() {
			acknowledged = ukcal.WallDate(p.AcknowledgedAt)
		}
		if why, gone := tasks.NotBroughtTaskGone(acknowledged); gone {
			out = append(out, ruleTaskClosing{k, why})
		}
	}
	return out, nil
}

// closeGoneSARTasks marks done, in a change to the request's
// transaction, its open tasks whose reason the change took away (the copy
// made, the clock paused, a new due date), so no list shows them until
// the next look.
func (w *writeTx) closeGoneSARTasks(requestID string) error {
	cs, err := sarClosings(w, tasks.RulePrefixSAR+requestID+":", w.c.today(), w.region())
	if err != nil {
		return err
	}
	return w.closeRuleTasks(cs)
}

// closeGoneNotBroughtTask marks done, in the acknowledgement's
// transaction, the task the prompt made.
func (w *writeTx) closeGoneNotBroughtTask(promptID string) error {
	cs, err := notBroughtClosings(w, tasks.RulePrefixNotBrought+promptID)
	if err != nil {
		return err
	}
	return w.closeRuleTasks(slices.DeleteFunc(cs, func(x ruleTaskClosing) bool { return x.task.RuleKey != tasks.RulePrefixNotBrought+promptID }))
}

// region is the clinic's bank-holiday region as the transaction reads it.
func (w *writeTx) region() ukcal.Region {
	if cs, err := w.CalendarSettings(); err == nil {
		if r, err := ukcal.ParseRegion(cs.Region); err == nil {
			return r
		}
	}
	return ukcal.DefaultRegion
}

// referralClosingsLocked are the open tasks the referral rules made whose
// reason has gone, given the facts of the referrals the day's run read;
// a referral with an open task that the run did not read (closed, or no
// longer anything for the rules to act on) is read on its own. Caller
// holds c.mu.
func (c *Clinic) referralClosingsLocked(facts []tasks.ReferralFacts, today ukcal.Date, region ukcal.Region) ([]ruleTaskClosing, error) {
	open, err := c.store.OpenRuleTasks(tasks.RulePrefixReferral)
	if err != nil || len(open) == 0 {
		return nil, err
	}
	byID := make(map[string]tasks.ReferralFacts, len(facts))
	for _, f := range facts {
		byID[f.Referral.ID] = f
	}
	var out []ruleTaskClosing
	for _, k := range open {
		id := tasks.RuleSubject(k.RuleKey)
		f, ok := byID[id]
		if !ok {
			r, err := c.store.Referral(id)
			if errors.Is(err, data.ErrNotFound) {
				out = append(out, ruleTaskClosing{k, "the referral is no longer in the clinic file."})
				continue
			}
			if err != nil {
				return nil, err
			}
			if f, err = referralFactsFrom(c.store, r, "", today); err != nil {
				return nil, err
			}
			byID[id] = f
		}
		if why, gone := tasks.ReferralTaskGone(k, f, today, region); gone {
			out = append(out, ruleTaskClosing{k, why})
		}
	}
	return out, nil
}

// referralFactReader reads a referral's clock: the store, or a
// transaction.
type referralFactReader interface {
	ReferralSummary(id string) (pathways.Summary, bool, error)
	ReferralEvents(id string) ([]pathways.Event, error)
}

// referralFactsFrom are one referral's facts for the rules, its clock
// from the summary kept on it when that covers today, else its events.
func referralFactsFrom(q referralFactReader, r pathways.Referral, patient string, today ukcal.Date) (tasks.ReferralFacts, error) {
	sum, has, err := q.ReferralSummary(r.ID)
	if err != nil {
		return tasks.ReferralFacts{}, err
	}
	var events []pathways.Event
	if r.Direction == pathways.In && (!has || !sum.Covers(today)) {
		if events, err = q.ReferralEvents(r.ID); err != nil {
			return tasks.ReferralFacts{}, err
		}
	}
	var sp *pathways.Summary
	if has {
		sp = &sum
	}
	return referralFacts(r, patient, sp, events, today), nil
}

// referralTaskClosings are the open tasks the rules made for one
// referral whose reason has gone, in a change's transaction.
func (w *writeTx) referralTaskClosings(f tasks.ReferralFacts, today ukcal.Date, region ukcal.Region) ([]ruleTaskClosing, error) {
	open, err := w.OpenRuleTasks(tasks.ReferralRuleKeyPrefix(f.Referral.ID))
	if err != nil {
		return nil, err
	}
	var out []ruleTaskClosing
	for _, k := range open {
		if why, gone := tasks.ReferralTaskGone(k, f, today, region); gone {
			out = append(out, ruleTaskClosing{k, why})
		}
	}
	return out, nil
}
