package tasks

import (
	"fmt"
	"strings"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// A task a rule made is only worth doing while the rule's reason holds:
// once the referral is acknowledged, the reply has come, the clock has
// stopped, the pathway is closed, the copy is made or the prompt answered,
// ClinicDesk marks it done itself, saying why, so the lists and Today's
// counts hold only what still needs a person. Each function here says, for
// one open task a rule made, why its reason has gone (gone true), or that
// it still holds. A task someone snoozed or changed is closed all the
// same: its reason is what it was made for, whatever was done to it since.
// A person's own tasks (no RuleKey) are never the rules' to close.

// DoneByRules is who a task closed by the rules was done by. It is no
// user name (CheckUsername refuses spaces and apostrophes), so it is never
// taken for a member of staff.
const DoneByRules = "ClinicDesk's rules"

// doneMark starts the line the rules add to a task's note when they
// close it.
const doneMark = "Done by ClinicDesk: "

// DoneNote is the words added to a task's note when the rules close it.
func DoneNote(note, why string) string {
	line := doneMark + why
	if strings.TrimSpace(note) == "" {
		return line
	}
	return note + "\n\n" + line
}

// ReopenedNote is a rule task's note once a manager reopens it: the
// rules' "Done by ClinicDesk: …" line, which would read as if the task were
// still done, becomes what happened, with who reopened it and when.
func ReopenedNote(note, by string, on ukcal.Date) string {
	i := strings.LastIndex(note, doneMark)
	if i < 0 {
		return note
	}
	why := strings.TrimSuffix(strings.TrimSpace(note[i+len(doneMark):]), ".")
	return note[:i] + "ClinicDesk marked it done because " + why + "; " + by + " reopened it on " + on.LongWithDay() + "."
}

// The kinds of rule, as the first part of a RuleKey.
const (
	RulePrefixSAR        = "sar:"
	RulePrefixNotBrought = "wnb:"
	RulePrefixReferral   = "referral:"
)

// ReferralRuleKeyPrefix starts the keys of every task the rules made for
// one referral.
func ReferralRuleKeyPrefix(referralID string) string { return RulePrefixReferral + referralID + ":" }

// RuleSubject is the request, prompt or referral a rule's task is about,
// read from its key ("" when the key is none of the rules').
func RuleSubject(key string) string {
	for _, p := range []string{RulePrefixSAR, RulePrefixNotBrought, RulePrefixReferral} {
		if rest, ok := strings.CutPrefix(key, p); ok {
			id, _, _ := strings.Cut(rest, ":")
			return id
		}
	}
	return ""
}

// ReferralTaskGone says why the referral rules' task k no longer stands,
// given the referral's facts today: the task is gone when the rules would
// not make it today. A clock that could not be read (f.Clock nil) leaves
// an at-risk task as it is: nothing says its reason went.
func ReferralTaskGone(k Task, f ReferralFacts, today ukcal.Date, region ukcal.Region) (why string, gone bool) {
	for _, want := range ReferralTasks(f, today, region) {
		if want.RuleKey == k.RuleKey {
			return "", false
		}
	}
	r := f.Referral
	if r.Status == pathways.StatusClosed {
		return "the referral was closed on " + ukcal.WallDate(r.ClosedAt).LongWithDay() + ".", true
	}
	rest := strings.TrimPrefix(k.RuleKey, ReferralRuleKeyPrefix(r.ID))
	switch {
	case rest == "acknowledge":
		switch {
		case !r.AcknowledgedOn.IsZero():
			return "the referral was acknowledged on " + r.AcknowledgedOn.LongWithDay() + ".", true
		case r.Source == pathways.FromSelf:
			return "the patient referred themselves, so there is no referrer to acknowledge.", true
		}
		return "the referral no longer needs acknowledging.", true
	case strings.HasPrefix(rest, "chase:"):
		chase, _ := ukcal.ParseDate(strings.TrimPrefix(rest, "chase:"))
		switch {
		case !r.ReplyOn.IsZero():
			return "the reply came on " + r.ReplyOn.LongWithDay() + ".", true
		case !chase.IsZero() && !containsDate(r.ChaseDates, chase):
			return "the chase date of " + chase.LongWithDay() + " was taken off the referral.", true
		}
		return "the referral no longer needs chasing.", true
	case rest == "at-risk":
		if f.Clock == nil {
			return "", false
		}
		return clockGone(*f.Clock), true
	}
	return "", false // a key these rules do not make: not theirs to close
}

// clockGone says why a clock is no longer at risk.
func clockGone(c pathways.Clock) string {
	switch {
	case c.LeftBy == pathways.Transferred:
		return "the patient was transferred to another provider on " + c.LeftListOn.LongWithDay() + "."
	case c.LeftBy == pathways.DischargedToReferrer:
		return "the patient was discharged back to the referrer on " + c.LeftListOn.LongWithDay() + "."
	case c.Status == pathways.ClockStopped:
		return fmt.Sprintf("the clock stopped on %s (%s).", c.Stop.LongWithDay(), strings.ToLower(c.StoppedBy.Label()))
	case c.Status == pathways.ClockNullified:
		return "the first appointment was missed on " + c.Stop.LongWithDay() + ", so the wait is not counted."
	case len(c.Earlier) > 0:
		return "a new clock started on " + c.Start.LongWithDay() + ": treat by " + c.Breach.LongWithDay() + "."
	}
	return "the clock is no longer at risk: treat by " + c.Breach.LongWithDay() + "."
}

func containsDate(ds []ukcal.Date, d ukcal.Date) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// SARTaskGone says why the subject access rule's task k no longer
// stands: the copy was made, the request's clock is paused, or it is now
// due on another day (an extension, or days paused), which is a new task
// when it comes near. f is the request as it stands (Due and Paused as
// SARTask reads them); produced is the day the copy was made, zero while
// open.
func SARTaskGone(k Task, f SARFacts, produced ukcal.Date) (why string, gone bool) {
	switch {
	case !produced.IsZero():
		return "the subject access copy was made on " + produced.LongWithDay() + ".", true
	case f.Paused:
		return "the request's clock is paused until the requester answers.", true
	case k.RuleKey != RulePrefixSAR+f.RequestID+":"+f.Due.String():
		return "the request is now due on " + f.Due.LongWithDay() + ".", true
	}
	return "", false
}

// NotBroughtTaskGone says why the "was not brought" task no longer
// stands: its safeguarding prompt was acknowledged (on the day given,
// zero while open).
func NotBroughtTaskGone(acknowledged ukcal.Date) (why string, gone bool) {
	if acknowledged.IsZero() {
		return "", false
	}
	return "the safeguarding prompt was acknowledged on " + acknowledged.LongWithDay() + ".", true
}
