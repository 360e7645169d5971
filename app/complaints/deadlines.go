package complaints

import (
	"errors"
	"fmt"

	"clinicdesk/app/ukcal"
)

// ResponsePeriod is the period for the final response agreed with the
// complainant when the complaint is acknowledged (regulation 13): either a
// number of working days counted from the day after receipt, or a date. The
// zero value means nothing has been agreed yet.
type ResponsePeriod struct {
	WorkingDays int        // working days after the day of receipt; 0 when a date was agreed
	Until       ukcal.Date // the agreed date; zero when a number of days was agreed
}

// AgreedWorkingDays is a response period of n working days after receipt,
// such as the default offered from Settings.
func AgreedWorkingDays(n int) ResponsePeriod { return ResponsePeriod{WorkingDays: n} }

// AgreedDate is a response period running to the date agreed.
func AgreedDate(d ukcal.Date) ResponsePeriod { return ResponsePeriod{Until: d} }

// IsZero reports whether no response period has been agreed.
func (p ResponsePeriod) IsZero() bool { return p.WorkingDays == 0 && p.Until.IsZero() }

// Due returns the date the final response is due for a complaint received
// on the date, or the zero Date when no period has been agreed.
func (p ResponsePeriod) Due(received ukcal.Date, r ukcal.Region) ukcal.Date {
	switch {
	case !p.Until.IsZero():
		return p.Until
	case p.WorkingDays > 0 && !received.IsZero():
		return r.AddWorkingDays(received, p.WorkingDays)
	}
	return ukcal.Date{}
}

// String describes the period for people: "25 working days" or "by Monday
// 11 January 2027"; "not agreed yet" for the zero period.
func (p ResponsePeriod) String() string {
	switch {
	case !p.Until.IsZero():
		return "by " + longDate(p.Until)
	case p.WorkingDays == 1:
		return "1 working day"
	case p.WorkingDays > 0:
		return fmt.Sprintf("%d working days", p.WorkingDays)
	}
	return "not agreed yet"
}

// ErrResponsePeriod is wrapped by every refusal of Check.
var ErrResponsePeriod = errors.New("response period not acceptable")

// Check says whether the period can be agreed for a complaint received on
// the date. maxWorkingDays is the longest period Settings allow (0 for no
// limit); an agreed date is held to it too. The zero period passes.
func (p ResponsePeriod) Check(received ukcal.Date, maxWorkingDays int, r ukcal.Region) error {
	refuse := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrResponsePeriod, fmt.Sprintf(format, a...))
	}
	switch {
	case p.WorkingDays < 0:
		return refuse("the number of working days cannot be negative")
	case p.WorkingDays > 0 && !p.Until.IsZero():
		return refuse("agree either a number of working days or a date, not both")
	case p.IsZero():
		return nil
	case received.IsZero():
		return refuse("record the date the complaint was received first")
	}
	due := p.Due(received, r)
	if !due.After(received) {
		return refuse("the agreed date %s is not after the complaint was received on %s", longDate(due), longDate(received))
	}
	if !r.IsWorkingDay(due) {
		return refuse("%s is not a working day in %s: agree %s instead", longDate(due), r.Name(), longDate(r.NextWorkingDay(due)))
	}
	if n := r.WorkingDaysBetween(received, due); maxWorkingDays > 0 && n > maxWorkingDays {
		return refuse("%s is %d working days after receipt, longer than the %d working days Settings allow", longDate(due), n, maxWorkingDays)
	}
	return nil
}

// DueDates are the deadlines of one complaint.
type DueDates struct {
	// Rules is the rule set the dates were worked out under.
	Rules Rules
	// Stage1By is the end of the Scottish frontline (stage 1) response
	// period, 5 working days after receipt; zero under the other rule sets.
	Stage1By ukcal.Date
	// Stage2 is the day a Scottish complaint went to investigation (stage
	// 2): the acknowledgement and response run from it. Zero while at
	// stage 1, and under the other rule sets.
	Stage2 ukcal.Date
	// AcknowledgeBy is the end of the rule set's acknowledgement period (3
	// working days after the day of receipt in England; in Scotland from
	// the start of stage 2).
	AcknowledgeBy ukcal.Date
	// ResponseDue is the end of the agreed response period, or where the
	// nation sets one and nothing longer was agreed, of that period; zero
	// until one is agreed in England and for private care.
	ResponseDue ukcal.Date
	// SixMonths is the last day of the six-month period that begins with
	// the day of receipt: from the next day, without an agreed extension, a
	// delay letter is owed. NHS in England only; zero otherwise.
	SixMonths ukcal.Date
	// TimeLimit is the last day the complaint was in time: 12 months from
	// the later of the events and the complainant becoming aware of them.
	// Zero when neither date is known.
	TimeLimit ukcal.Date
	// OutOfTime flags a complaint received after TimeLimit, for the
	// manager's discretion (the regulations allow a late complaint to be
	// investigated; it is never refused automatically).
	OutOfTime bool
}

// Deadlines works out the deadlines of a complaint received on the date,
// about events on the date events, that the complainant became aware of on
// aware (either may be zero when not known), with the response period
// agreed, in the working days of the region (SPEC §4.4).
func Deadlines(received, events, aware ukcal.Date, agreed ResponsePeriod, r ukcal.Region) DueDates {
	d := deadlinesFrom(received, events, aware)
	if received.IsZero() {
		return d
	}
	d.Rules = EnglandNHS
	d.AcknowledgeBy = ukcal.ComplaintAcknowledgeBy(received, r)
	d.ResponseDue = agreed.Due(received, r)
	d.SixMonths = ukcal.ComplaintSixMonths(received)
	return d
}

// DeadlinesUnder works out the deadlines of a complaint under its rule
// set, in the working days of the rule set's nation. stage2 is the day a
// Scottish complaint went to stage 2 (zero while at stage 1; ignored
// elsewhere). An agreed period replaces the nation's fixed one only when it
// runs later: the fixed period is the promise, an agreed date an
// extension the complainant was told of.
func DeadlinesUnder(rules Rules, received, events, aware, stage2 ukcal.Date, agreed ResponsePeriod) DueDates {
	rules = rules.orDefault()
	if rules == EnglandNHS {
		return Deadlines(received, events, aware, agreed, rules.Region())
	}
	d := deadlinesFrom(received, events, aware)
	if received.IsZero() {
		return d
	}
	region := rules.Region()
	d.Rules = rules
	start := received
	if n := rules.Stage1WorkingDays(); n > 0 {
		d.Stage1By = region.AddWorkingDays(received, n)
		if stage2.IsZero() {
			return d // at stage 1: only the frontline response runs
		}
		if stage2.After(received) {
			d.Stage2, start = stage2, stage2
		} else {
			d.Stage2 = received
		}
	}
	d.AcknowledgeBy = region.AddWorkingDays(start, rules.AcknowledgeWorkingDays())
	d.ResponseDue = agreed.Due(start, region)
	if n := rules.FixedResponseWorkingDays(); n > 0 {
		if fixed := region.AddWorkingDays(start, n); d.ResponseDue.IsZero() || fixed.After(d.ResponseDue) {
			d.ResponseDue = fixed
		}
	}
	return d
}

// deadlinesFrom sets the 12-month time limit, which every rule set flags.
func deadlinesFrom(received, events, aware ukcal.Date) DueDates {
	var d DueDates
	if received.IsZero() {
		return d
	}
	// The clock starts at whichever is later: a complainant who learns of
	// something years afterwards has 12 months from learning of it.
	from := events
	if aware.After(from) {
		from = aware
	}
	if !from.IsZero() {
		d.TimeLimit = ukcal.ComplaintTimeLimit(from)
		d.OutOfTime = !ukcal.ComplaintInTime(from, received)
	}
	return d
}

// AtStage1 reports whether a Scottish complaint is still at frontline
// resolution (stage 1).
func (d DueDates) AtStage1() bool { return !d.Stage1By.IsZero() && d.Stage2.IsZero() }

// ExtensionAgreed reports whether the agreed response date runs past the
// six-month point, so that no delay letter is owed at six months.
func (d DueDates) ExtensionAgreed() bool {
	return !d.ResponseDue.IsZero() && d.ResponseDue.After(d.SixMonths)
}

// DelayLetterOwed reports whether, on today, a delay letter is owed: the
// final response has not been sent, the six-month point has passed, no
// extension was agreed and no delay letter has been sent.
func (d DueDates) DelayLetterOwed(s Status, today ukcal.Date, delayLetterSent bool) bool {
	awaitingResponse := s == Received || s == Acknowledged || s == Investigating
	return awaitingResponse && !d.SixMonths.IsZero() && today.After(d.SixMonths) &&
		!d.ExtensionAgreed() && !delayLetterSent
}

// Deadline is one named deadline, for the lists and the Today screen.
type Deadline struct {
	Key   string // "acknowledge_by", "response_due", "six_months" or "stage1_respond_by"
	Label string // "Acknowledge", "Final response", "Final response (6 months)", "Stage 1 response"
	Due   ukcal.Date
}

// Next returns the deadline the practice is working to in status s:
// acknowledgement while received; then the agreed response date, or the
// six-month point when none was agreed; nothing once the final response has
// been sent (ok is false).
func (d DueDates) Next(s Status) (Deadline, bool) {
	if d.AtStage1() {
		if s == Received || s == Acknowledged || s == Investigating {
			return Deadline{"stage1_respond_by", "Stage 1 response", d.Stage1By}, true
		}
		return Deadline{}, false
	}
	switch s {
	case Received:
		if !d.AcknowledgeBy.IsZero() {
			return Deadline{"acknowledge_by", "Acknowledge", d.AcknowledgeBy}, true
		}
	case Acknowledged, Investigating:
		if !d.ResponseDue.IsZero() {
			return Deadline{"response_due", "Final response", d.ResponseDue}, true
		}
		if !d.SixMonths.IsZero() {
			return Deadline{"six_months", "Final response (6 months)", d.SixMonths}, true
		}
	}
	return Deadline{}, false
}

// Overdue reports whether the deadline has passed by today: a deadline is
// met until the end of its day.
func (dl Deadline) Overdue(today ukcal.Date) bool { return today.After(dl.Due) }

// DueWithin reports whether the deadline is not yet passed and falls within
// the next n working days of today (today itself counts as due soon).
func (dl Deadline) DueWithin(today ukcal.Date, n int, r ukcal.Region) bool {
	return !dl.Overdue(today) && r.WorkingDaysBetween(today, dl.Due) <= n
}

// Describe says when a deadline falls, in the region's working days from
// today: "due today", "due in 2 working days", "overdue by 3 working days"
// (ukcal's wording, shared with the other deadlines of the app). A zero due
// date is "no deadline".
func Describe(due, today ukcal.Date, r ukcal.Region) string {
	if due.IsZero() {
		return "no deadline"
	}
	return r.DescribeDue(due, today)
}
