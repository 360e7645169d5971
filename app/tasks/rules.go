package tasks

import (
	"fmt"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// The clinic's rules make a task where a person must act. Each rule here
// turns facts into the task it calls for, or none; the facade gathers the
// facts, fills in who made it and when, and saves each task once: its
// RuleKey is unique in the store, so running the rules again (every time
// Today is refreshed) makes nothing new.

// SARTaskWorkingDays is how many working days before a subject access
// request is due its task appears.
const SARTaskWorkingDays = 5

// Owner is who a rule gives a task to: a person when one is known, else
// everyone in a role.
type Owner struct {
	UserID string
	Role   string
}

// SARFacts are what the subject access rule needs of one open request.
type SARFacts struct {
	RequestID   string
	PatientID   string
	PatientName string
	Due         ukcal.Date // as things stand, paused days counted
	Paused      bool       // the clock stands still: no date to work to
	Owner       Owner      // whoever logged it, or the managers
}

// SARTask is the task for a request due within SARTaskWorkingDays working
// days (or overdue): make and send the copy.
func SARTask(f SARFacts, today ukcal.Date, region ukcal.Region) (Task, bool) {
	if f.Paused || f.Due.IsZero() || region.WorkingDaysBetween(today, f.Due) > SARTaskWorkingDays {
		return Task{}, false
	}
	return Task{
		PatientID: f.PatientID, Due: f.Due, OwnerID: f.Owner.UserID, OwnerRole: f.Owner.Role,
		Title: fmt.Sprintf("Send %s's subject access copy: due %s", f.PatientName, f.Due.LongWithDay()),
		Note:  "Made by ClinicDesk because the request is due within " + fmt.Sprint(SARTaskWorkingDays) + " working days. Make the copy from the Subject access screen.",
		// One per request and due day: an extension gives a new date, and
		// so a new task.
		RuleKey: "sar:" + f.RequestID + ":" + f.Due.String(),
	}, true
}

// NotBroughtFacts are what the "was not brought" rule needs of one open
// safeguarding prompt.
type NotBroughtFacts struct {
	PromptID    string
	PatientID   string
	PatientName string
	Missed      ukcal.Date // the appointment's day
	Raised      ukcal.Date // the day the DNA was marked
	Owner       Owner      // the child's clinician, or the managers
}

// NotBroughtTask asks the clinician to consider safeguarding, due the day
// the prompt was raised.
func NotBroughtTask(f NotBroughtFacts) Task {
	return Task{
		PatientID: f.PatientID, Due: f.Raised, OwnerID: f.Owner.UserID, OwnerRole: f.Owner.Role,
		Title:   fmt.Sprintf("Consider safeguarding: %s was not brought on %s", f.PatientName, f.Missed.LongWithDay()),
		Note:    "Made by ClinicDesk when the child's missed appointment was marked. Acknowledge the safeguarding prompt on Today with what you decided.",
		RuleKey: "wnb:" + f.PromptID,
	}
}

// ReferralAckWorkingDays is how long a referral in may wait for its
// acknowledgement to the referrer before a task is made.
const ReferralAckWorkingDays = 2

// ReferralFacts are what the referral rules need of one referral. The
// facade (or the referrals module) fills AtRisk and Breach from the
// computed clock.
type ReferralFacts struct {
	Referral    pathways.Referral
	PatientName string
	AtRisk      bool       // the clock breaches within the clinic's at-risk days
	Breach      ukcal.Date // the clock's breach date, when AtRisk
	Owner       Owner      // the referral's owner, or the receptionists
	// Clock is the referral's clock today, nil when it could not be read
	// (or the referral is one going out): why an at-risk task went.
	Clock *pathways.Clock
}

// ReferralTasks are the tasks one referral calls for today: not yet
// acknowledged two working days after it came, a chase date reached with
// no reply, a clock at risk of breaching. A closed referral calls for
// none.
func ReferralTasks(f ReferralFacts, today ukcal.Date, region ukcal.Region) []Task {
	r := f.Referral
	if r.Status == pathways.StatusClosed || r.ID == "" {
		return nil
	}
	base := Task{PatientID: r.PatientID, ReferralID: r.ID, OwnerID: f.Owner.UserID, OwnerRole: f.Owner.Role}
	var out []Task
	if ackBy := region.AddWorkingDays(r.Date, ReferralAckWorkingDays); r.Direction == pathways.In && r.Source != pathways.FromSelf &&
		r.AcknowledgedOn.IsZero() && !r.Date.IsZero() && !today.Before(ackBy) {
		k := base
		k.Due, k.RuleKey = ackBy, "referral:"+r.ID+":acknowledge"
		k.Title = fmt.Sprintf("Acknowledge %s's referral from %s (received %s)", f.PatientName, r.Party.Named("the referrer"), r.Date.LongWithDay())
		out = append(out, k)
	}
	if r.Direction == pathways.Out && r.ReplyOn.IsZero() && r.Status == pathways.StatusOpen {
		for _, chase := range r.ChaseDates {
			if chase.IsZero() || chase.After(today) {
				continue
			}
			k := base
			k.Due, k.RuleKey = chase, "referral:"+r.ID+":chase:"+chase.String()
			k.Title = fmt.Sprintf("Chase %s's referral to %s: no reply yet (sent %s)", f.PatientName, r.Party.Named("the other service"), r.Date.LongWithDay())
			out = append(out, k)
		}
	}
	if f.AtRisk {
		k := base
		k.Due, k.RuleKey = today, "referral:"+r.ID+":at-risk"
		k.Title = fmt.Sprintf("%s's waiting time is at risk: treat by %s", f.PatientName, f.Breach.LongWithDay())
		k.Note = "Made by ClinicDesk because the pathway's clock breaches soon. Book the next step or record what happened."
		if f.Breach.Before(today) {
			k.Title = fmt.Sprintf("%s has waited over 18 weeks: the treat-by date was %s", f.PatientName, f.Breach.LongWithDay())
			k.Note = "Made by ClinicDesk because the pathway's clock has passed 18 weeks. Book the next step as soon as possible, or record what happened."
		}
		out = append(out, k)
	}
	return out
}
