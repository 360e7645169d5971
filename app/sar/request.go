package sar

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/ukcal"
)

// PauseReason is what the clinic is waiting for while the clock stands still.
type PauseReason string

const (
	AwaitingIdentity      PauseReason = "identity"
	AwaitingClarification PauseReason = "clarification"
)

// ParsePauseReason accepts "identity" or "clarification" in any case.
func ParsePauseReason(s string) (PauseReason, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "identity", "id", "proof of identity":
		return AwaitingIdentity, nil
	case "clarification", "clarify":
		return AwaitingClarification, nil
	}
	return "", fmt.Errorf("%q is not a reason to pause: say identity or clarification", s)
}

// Label is the reason as staff see it.
func (r PauseReason) Label() string {
	if r == AwaitingClarification {
		return "clarification"
	}
	return "proof of identity"
}

// Status is where a request stands, worked out from its facts (never
// stored on its own, so it cannot disagree with them).
type Status string

const (
	Open                        Status = "open"
	StatusAwaitingIdentity      Status = "awaiting_identity"
	StatusAwaitingClarification Status = "awaiting_clarification"
	Extended                    Status = "extended"
	Produced                    Status = "produced"
)

// Label is the status as staff see it.
func (s Status) Label() string {
	switch s {
	case StatusAwaitingIdentity:
		return "Awaiting identity"
	case StatusAwaitingClarification:
		return "Awaiting clarification"
	case Extended:
		return "Extended"
	case Produced:
		return "Copy sent"
	}
	return "Open"
}

// Request is one subject access request on the register and its clock.
// The patient asked, or a named representative on their behalf.
type Request struct {
	ID            string
	PatientID     string
	Received      ukcal.Date
	RequestedBy   string // "patient", or the representative's name and standing ("Smith & Co Solicitors, on her behalf")
	IdentityCheck string // how identity (and a representative's authority) was checked; "" until it has been
	Scope         string // what was asked for ("the whole record", "letters since 2024")
	Pauses        []Pause
	ExtensionSent ukcal.Date // the day the extension notice went; zero when not extended
	ExtensionWhy  string     // the reason the notice gives (the law asks for one)
	ProducedAt    time.Time  // when the copy was made; zero while open
	SHA256PDF     string
	SHA256JSON    string
	CreatedBy     string
	CreatedAt     time.Time
}

// ByPatient reports whether the patient asked for themselves.
func (r Request) ByPatient() bool {
	by := strings.ToLower(strings.TrimSpace(r.RequestedBy))
	return by == "" || by == "patient" || by == "the patient"
}

// IsProduced reports whether the copy was made, which closes the request.
func (r Request) IsProduced() bool { return !r.ProducedAt.IsZero() }

// IsExtended reports whether the two-month extension was taken.
func (r Request) IsExtended() bool { return !r.ExtensionSent.IsZero() }

// OpenPause returns the pause still waiting for an answer, if any.
func (r Request) OpenPause() (Pause, bool) {
	for _, p := range r.Pauses {
		if p.Open() {
			return p, true
		}
	}
	return Pause{}, false
}

// Status is where the request stands.
func (r Request) Status() Status {
	switch p, paused := r.OpenPause(); {
	case r.IsProduced():
		return Produced
	case paused && p.Reason == AwaitingClarification:
		return StatusAwaitingClarification
	case paused:
		return StatusAwaitingIdentity
	case r.IsExtended():
		return Extended
	}
	return Open
}

// DueWithoutExtension is the one-month date with the days paused so far
// (an open pause counted to today).
func (r Request) DueWithoutExtension(reg ukcal.Region, today ukcal.Date) ukcal.Date {
	return Due(r.Received, PausedDays(r.Pauses, today), reg)
}

// DueExtended is the three-month date with the days paused so far.
func (r Request) DueExtended(reg ukcal.Region, today ukcal.Date) ukcal.Date {
	return DueExtended(r.Received, PausedDays(r.Pauses, today), reg)
}

// Due is the date that binds the clinic now: the extended one once the
// notice went, the one-month one otherwise.
func (r Request) Due(reg ukcal.Region, today ukcal.Date) ukcal.Date {
	if r.IsExtended() {
		return r.DueExtended(reg, today)
	}
	return r.DueWithoutExtension(reg, today)
}

// Overdue reports whether an open request's due date has passed. A request
// whose clock is paused is not overdue: the clinic is waiting on the
// requester.
func (r Request) Overdue(reg ukcal.Region, today ukcal.Date) bool {
	if r.IsProduced() {
		return false
	}
	if _, paused := r.OpenPause(); paused {
		return false
	}
	return r.Due(reg, today).Before(today)
}

// Check says what is wrong with a request as logged.
func (r Request) Check(today ukcal.Date) error {
	if r.PatientID == "" {
		return errors.New("choose the patient the request is about")
	}
	if r.Received.IsZero() {
		return errors.New("say which day the request was received")
	}
	if r.Received.After(today) {
		return fmt.Errorf("the request cannot have been received after today (%s): check the date", uk(today))
	}
	if strings.TrimSpace(r.Scope) == "" {
		return errors.New("say what was asked for, for example \"the whole record\"")
	}
	return CheckPauses(r.Received, r.Pauses)
}

// StartPause stops the clock from the day the clinic asked for proof of
// identity or a clarification.
func (r *Request) StartPause(from ukcal.Date, why PauseReason, today ukcal.Date) error {
	if r.IsProduced() {
		return errors.New("the copy has already been sent: the request is closed")
	}
	if p, open := r.OpenPause(); open {
		return fmt.Errorf("the clock is already paused since %s, waiting for %s: resume it first", uk(p.From), p.Reason.Label())
	}
	if from.After(today) {
		return fmt.Errorf("a pause cannot start after today (%s)", uk(today))
	}
	if why != AwaitingIdentity && why != AwaitingClarification {
		return errors.New("say whether you are waiting for proof of identity or a clarification")
	}
	pauses := append(append([]Pause(nil), r.Pauses...), Pause{From: from, Reason: why})
	if err := CheckPauses(r.Received, pauses); err != nil {
		return err
	}
	r.Pauses = pauses
	return nil
}

// EndPause starts the clock again on the day the answer came.
func (r *Request) EndPause(to, today ukcal.Date) error {
	if r.IsProduced() {
		return errors.New("the copy has already been sent: the request is closed")
	}
	if to.After(today) {
		return fmt.Errorf("the answer cannot have come after today (%s)", uk(today))
	}
	for i, p := range r.Pauses {
		if p.Open() {
			if to.Before(p.From) {
				return fmt.Errorf("the answer cannot have come (%s) before the clock was paused (%s)", uk(to), uk(p.From))
			}
			r.Pauses[i].To = to
			return nil
		}
	}
	return errors.New("the clock is not paused: there is nothing to resume")
}

// Extend takes the two further months, with the notice sent on the day
// giving why. The law allows it only with a notice within the first
// month, so a notice after the one-month due date is refused.
func (r *Request) Extend(sent ukcal.Date, why string, reg ukcal.Region, today ukcal.Date) error {
	if r.IsProduced() {
		return errors.New("the copy has already been sent: the request is closed")
	}
	if r.IsExtended() {
		return fmt.Errorf("the request was already extended (notice sent %s)", uk(r.ExtensionSent))
	}
	if sent.After(today) {
		return fmt.Errorf("the notice cannot have been sent after today (%s)", uk(today))
	}
	if sent.Before(r.Received) {
		return fmt.Errorf("the notice cannot have been sent before the request was received (%s)", uk(r.Received))
	}
	if due := r.DueWithoutExtension(reg, sent); sent.After(due) {
		return fmt.Errorf("the month to extend ended on %s: an extension needs the notice within the first month, so the copy is owed now",
			uk(due))
	}
	if strings.TrimSpace(why) == "" {
		return errors.New("say why more time is needed: the notice must tell the requester (for example, the record is long and held partly on paper)")
	}
	r.ExtensionSent, r.ExtensionWhy = sent, strings.TrimSpace(why)
	return nil
}
