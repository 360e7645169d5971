package app

import (
	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// What the complaint screens show of the rules: each answer is worked out
// here, in the complaint's own nation's working days and on the clinic's
// clock, so no screen counts working days or reads a rule set itself.

// ComplaintDeadlineWords says when a deadline of the complaint falls, from
// today in its nation's working days ("due in 2 working days"), and
// whether it has passed.
func (c *Clinic) ComplaintDeadlineWords(r ComplaintRecord, due ukcal.Date) (words string, past bool) {
	today := c.today()
	return complaints.Describe(due, today, r.Rules.Region()), !due.IsZero() && due.Before(today)
}

// ComplaintResponseFixed reports the working days the complaint's nation
// sets for the response, and whether its response date is that period
// rather than a later one agreed. days is 0 where the period is agreed
// with the complainant.
func (c *Clinic) ComplaintResponseFixed(r ComplaintRecord) (days int, fixed bool) {
	days = r.Rules.FixedResponseWorkingDays()
	if days == 0 {
		return 0, false
	}
	start := r.Received
	if !r.Due.Stage2.IsZero() {
		start = r.Due.Stage2
	}
	return days, r.Rules.Region().AddWorkingDays(start, days) == r.Due.ResponseDue
}

// ComplaintReviewerName names who reviews a complaint next under its rule
// set: the nation's ombudsman for NHS care, the clinic's adjudicator for
// private care (named in the letters, from Settings).
func (c *Clinic) ComplaintReviewerName(rules complaints.Rules) string {
	if !rules.NHS() {
		return "the clinic's independent adjudicator"
	}
	rv, err := rules.Reviewer(complaints.NoAdjudicator)
	if err != nil || rv.Name == "" {
		return "the Ombudsman" // NHS care always has one; said plainly if the table lacks it
	}
	return rv.Name
}

// ComplaintDeadlinesPreview is the deadlines a complaint not yet logged
// would have under rules: what the form shows while it is filled in.
// Logging works them out again.
func (c *Clinic) ComplaintDeadlinesPreview(rules complaints.Rules, received, events, aware, stage2 ukcal.Date) complaints.DueDates {
	return complaints.DeadlinesUnder(rules, received, events, aware, stage2, complaints.ResponsePeriod{})
}

// ComplaintNation is the nation whose complaint procedure the clinic's
// region follows by default.
func (c *Clinic) ComplaintNation() complaints.Nation {
	return complaints.NationOf(c.BankHolidayRegion())
}

// ComplaintMoves lists the moves the signed-in user may make now from the
// complaint's status, in workflow order: the permission each needs (as
// MoveComplaint asks), and only an oral complaint closed on the spot. The
// move itself is checked again when made.
func (c *Clinic) ComplaintMoves(r ComplaintRecord) []complaints.Status {
	var out []complaints.Status
	for _, to := range r.Status.Next() {
		if !c.Can(permissionToMove(to)) {
			continue
		}
		if r.Status == complaints.Received && to == complaints.Closed && r.Channel != complaints.Oral {
			continue
		}
		out = append(out, to)
	}
	return out
}

// ComplaintDelayNewDate is the response date a delay letter proposes: the
// working days given after today, in the complaint's nation's working
// days. The desk may change it before the letter is made.
func (c *Clinic) ComplaintDelayNewDate(r ComplaintRecord, workingDays int) ukcal.Date {
	return r.Rules.Region().AddWorkingDays(c.today(), workingDays)
}
