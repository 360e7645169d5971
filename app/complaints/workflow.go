package complaints

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/ukcal"
)

// Kinds of refusal. Every error from CanMove and Move wraps exactly one, so
// callers can tell them apart with errors.Is; the message itself is a
// sentence for the member of staff.
var (
	ErrUnknownStatus      = errors.New("unknown status")
	ErrAlreadyThere       = errors.New("already in that status")
	ErrSkipsStep          = errors.New("skips a step")
	ErrGoesBack           = errors.New("goes back")
	ErrNeedsOutcome       = errors.New("outcome not recorded")
	ErrNeedsSignOff       = errors.New("final response not signed off")
	ErrNotResolvedNextDay = errors.New("not an oral complaint resolved by the next working day")
	ErrNotAttributed      = errors.New("change not time-stamped and attributed")
	ErrBadFacts           = errors.New("facts of the complaint incomplete")
)

// Refusal is a move the workflow does not allow.
type Refusal struct {
	Kind error
	msg  string
}

func (e *Refusal) Error() string { return e.msg }

// Unwrap lets errors.Is match the kind.
func (e *Refusal) Unwrap() error { return e.Kind }

func refuse(kind error, format string, a ...any) error {
	return &Refusal{Kind: kind, msg: fmt.Sprintf(format, a...)}
}

// Facts are what the workflow needs to know about a complaint to judge a move.
type Facts struct {
	Channel  Channel
	Received ukcal.Date
	// On is the clinic date of the move (Move fills it in from the time).
	On ukcal.Date
	// Outcome is the finding recorded for the final response, or NoOutcome.
	Outcome Outcome
	// SignedOffBy names the responsible person who signed the final
	// response; blank until it is signed.
	SignedOffBy string
	// Region decides which days are working days; zero is England and Wales.
	Region ukcal.Region
}

// CanMove says whether a complaint with the facts may move from one status
// to another, and if not, why, in plain English. The rules:
//
//   - one step at a time: received → acknowledged → investigating →
//     response sent → closed;
//   - referred to the Ombudsman only once the final response has been sent
//     (from response sent or closed), and closed again when the Ombudsman's
//     review ends;
//   - nothing else goes back: a complainant unhappy with a closed complaint
//     is referred to the Ombudsman, or a new complaint is logged;
//   - the final response is sent only with an outcome and signed off by a
//     named responsible person; a complaint is closed only with an outcome;
//   - an oral complaint resolved by the end of the next working day after
//     receipt may be closed straight from received (and is then left out of
//     the KO41(b) return).
func CanMove(from, to Status, f Facts) error {
	if !from.Valid() {
		return refuse(ErrUnknownStatus, "the complaint's present status %q is not one ClinicDesk knows", string(from))
	}
	if !to.Valid() {
		return refuse(ErrUnknownStatus, "%q is not a status ClinicDesk knows: choose %s", string(to), choices(statusOptions))
	}
	region, err := ukcal.ParseRegion(string(f.Region))
	if err != nil {
		return refuse(ErrBadFacts, "the clinic's region is not set correctly: %v", err)
	}
	if from == to {
		return refuse(ErrAlreadyThere, "the complaint is already %s", strings.ToLower(to.Label()))
	}
	if !slices.Contains(from.Next(), to) {
		return refuseOrder(from, to)
	}
	switch to {
	case ResponseSent:
		if !f.Outcome.Decided() {
			return refuse(ErrNeedsOutcome, "record the outcome of the investigation (upheld, partially upheld or not upheld) before sending the final response")
		}
		if strings.TrimSpace(f.SignedOffBy) == "" {
			return refuse(ErrNeedsSignOff, "the final response must be signed off by the responsible person, by name, before it is sent")
		}
	case Closed:
		if !f.Outcome.Decided() {
			return refuse(ErrNeedsOutcome, "record the outcome (upheld, partially upheld or not upheld) before closing the complaint")
		}
		if from == Received {
			return checkResolvedNextDay(f, region)
		}
	}
	return nil
}

// refuseOrder explains a move that is not one step forward.
func refuseOrder(from, to Status) error {
	switch {
	case to == ReferredPHSO:
		return refuse(ErrSkipsStep, "a complaint can be referred to the Ombudsman only after the final response has been sent")
	case from == Received && to != Acknowledged:
		return refuse(ErrSkipsStep, "acknowledge the complaint before moving it to %s", strings.ToLower(to.Label()))
	case rank(to) > rank(from):
		return refuse(ErrSkipsStep, "a complaint that is %s cannot go straight to %s: it must be %s first",
			strings.ToLower(from.Label()), strings.ToLower(to.Label()), strings.ToLower(from.Next()[0].Label()))
	case from == Closed || from == ReferredPHSO:
		return refuse(ErrGoesBack, "a complaint that is %s cannot be reopened as %s: if the complainant is still unhappy, refer it to the Ombudsman or log a new complaint",
			strings.ToLower(from.Label()), strings.ToLower(to.Label()))
	default:
		return refuse(ErrGoesBack, "a complaint that is %s cannot go back to %s",
			strings.ToLower(from.Label()), strings.ToLower(to.Label()))
	}
}

// rank is the status's place in the workflow order.
func rank(s Status) int { return slices.Index(Statuses(), s) }

func checkResolvedNextDay(f Facts, r ukcal.Region) error {
	if f.Channel != Oral {
		return refuse(ErrNotResolvedNextDay, "only an oral complaint resolved by the end of the next working day can be closed without being acknowledged; this one was made %s",
			f.Channel.manner())
	}
	if f.Received.IsZero() || f.On.IsZero() {
		return refuse(ErrBadFacts, "record when the complaint was received and when it was resolved")
	}
	if !ResolvedNextDay(f.Received, f.On, r) {
		return refuse(ErrNotResolvedNextDay, "this oral complaint was received on %s, so it had to be resolved by the end of %s to be closed without being acknowledged: acknowledge it and follow the full procedure",
			longDate(f.Received), longDate(r.AddWorkingDays(f.Received, 1)))
	}
	return nil
}

// ResolvedNextDay reports whether an oral complaint received on the date
// and resolved on the other was resolved by the end of the next working day
// after the day of receipt (regulation 8(1)(b)): such a complaint need not
// follow the procedure and is left out of the KO41(b) return.
func ResolvedNextDay(received, resolved ukcal.Date, r ukcal.Region) bool {
	if received.IsZero() || resolved.IsZero() || resolved.Before(received) {
		return false
	}
	return !resolved.After(r.AddWorkingDays(received, 1))
}

// Transition is one move of a complaint, time-stamped and attributed, for
// the complaint's history and the audit trail.
type Transition struct {
	ComplaintID string
	From, To    Status    // From is blank for the complaint being logged
	At          time.Time // UTC
	By          string    // the member of staff who made the move
	// Outcome is the finding, on moves to response sent and closed.
	Outcome Outcome
	// SignedOffBy is the responsible person who signed the final response,
	// on the move to response sent.
	SignedOffBy string
	// Note is what was said with the move, kept in the history.
	Note string
}

// Move checks the move with CanMove, as made at the instant by the named
// member of staff, and returns the Transition to store and audit. f.On is
// taken from the instant (the clinic date in Europe/London).
func Move(from, to Status, f Facts, by string, at time.Time) (Transition, error) {
	by = strings.TrimSpace(by)
	if by == "" {
		return Transition{}, refuse(ErrNotAttributed, "say who is making the change")
	}
	if at.IsZero() {
		return Transition{}, refuse(ErrNotAttributed, "the time of the change is missing")
	}
	f.On = ukcal.Today(at)
	if err := CanMove(from, to, f); err != nil {
		return Transition{}, err
	}
	t := Transition{From: from, To: to, At: at.UTC(), By: by}
	if to == ResponseSent || to == Closed {
		t.Outcome = f.Outcome
	}
	if to == ResponseSent {
		t.SignedOffBy = strings.TrimSpace(f.SignedOffBy)
	}
	return t, nil
}

// String describes the move for the audit trail: "Investigating, then
// Response sent (outcome: Partially upheld; signed off by Dr Amira Khan)".
// In words, not an arrow: the window's fonts have no arrow glyph.
func (t Transition) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, then %s", t.From.Label(), t.To.Label())
	var extra []string
	if t.Outcome != NoOutcome {
		extra = append(extra, "outcome: "+t.Outcome.Label())
	}
	if t.SignedOffBy != "" {
		extra = append(extra, "signed off by "+t.SignedOffBy)
	}
	if t.From == Received && t.To == Closed {
		extra = append(extra, "oral complaint resolved by the next working day")
	}
	if len(extra) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(extra, "; "))
	}
	return b.String()
}

// ResolvedOn returns the clinic date local resolution ended, from a
// complaint's history: the first move to closed or to the Ombudsman. It is
// the date the KO41(b) return counts the complaint as resolved; the zero
// Date while it is unresolved.
func ResolvedOn(history []Transition) ukcal.Date {
	var first time.Time
	for _, t := range history {
		if (t.To == Closed || t.To == ReferredPHSO) && (first.IsZero() || t.At.Before(first)) {
			first = t.At
		}
	}
	if first.IsZero() {
		return ukcal.Date{}
	}
	return ukcal.Today(first)
}

// ClosedOn returns the clinic date the complaint was closed, from which the
// file is retained (RetainUntil): the date of the latest move when that move
// was to closed, otherwise (still open, or referred to the Ombudsman after
// closing) the zero Date.
func ClosedOn(history []Transition) ukcal.Date {
	var latest Transition
	for _, t := range history {
		if latest.At.IsZero() || t.At.After(latest.At) {
			latest = t
		}
	}
	if latest.To != Closed || latest.At.IsZero() {
		return ukcal.Date{}
	}
	return ukcal.Today(latest.At)
}
