package pathways

import (
	"slices"
	"strings"
	"time"

	"clinicdesk/app/ukcal"
)

// Direction says whether a referral came to the clinic or left it.
type Direction string

// The directions. The values are stored.
const (
	In  Direction = "in"  // from a GP, another clinic, or the patient
	Out Direction = "out" // to a hospital, diagnostics or another service
)

// Valid reports whether d is one of the directions.
func (d Direction) Valid() bool { return d == In || d == Out }

// Urgency is how soon the referrer asks for the patient to be seen.
type Urgency string

// The urgencies. The values are stored and are the `clock` command's.
const (
	Routine         Urgency = "routine"
	Urgent          Urgency = "urgent"
	SuspectedCancer Urgency = "suspected_cancer"
)

// Urgencies are all the urgencies, least urgent first.
var Urgencies = []Urgency{Routine, Urgent, SuspectedCancer}

// Valid reports whether u is one of the urgencies.
func (u Urgency) Valid() bool { return slices.Contains(Urgencies, u) }

// Label is the urgency as the desk says it.
func (u Urgency) Label() string {
	switch u {
	case Routine:
		return "Routine"
	case Urgent:
		return "Urgent"
	case SuspectedCancer:
		return "Suspected cancer"
	}
	return string(u)
}

// Kind is the pathway a referral starts: which clock, if any, runs on it.
type Kind string

// The pathway kinds. The values are stored.
const (
	RTT    Kind = "rtt"    // consultant-led referral to treatment: the 18 weeks
	Cancer Kind = "cancer" // suspected cancer: 28, 62 and 31 days, and the 18 weeks
	Other  Kind = "other"  // no national clock (a physio self-referral, say)
)

// Kinds are all the pathway kinds.
var Kinds = []Kind{RTT, Cancer, Other}

// Valid reports whether k is one of the kinds.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Label is the kind as the desk says it.
func (k Kind) Label() string {
	switch k {
	case RTT:
		return "Consultant-led (18 weeks)"
	case Cancer:
		return "Cancer"
	case Other:
		return "Other"
	}
	return string(k)
}

// Status is where a referral stands as a piece of work at the desk (the
// clock has its own state, read from the events).
type Status string

// The statuses. The values are stored.
const (
	StatusOpen    Status = "open"    // in: received, being worked; out: sent, no reply yet
	StatusReplied Status = "replied" // out only: the reply has come
	StatusClosed  Status = "closed"  // finished; only a manager closes one by hand
)

// Statuses are all the statuses.
var Statuses = []Status{StatusOpen, StatusReplied, StatusClosed}

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Label is the status as the desk says it.
func (s Status) Label() string {
	switch s {
	case StatusOpen:
		return "Open"
	case StatusReplied:
		return "Reply received"
	case StatusClosed:
		return "Closed"
	}
	return string(s)
}

// Source is who sent a referral in: the patient's GP, another clinic or
// hospital, or the patient themselves. A referral out has none.
type Source string

// The sources. The values are stored.
const (
	FromGP     Source = "gp"
	FromClinic Source = "clinic" // another clinic, a hospital, a consultant
	FromSelf   Source = "self"   // the patient referred themselves
)

// Sources are all the sources of a referral in.
var Sources = []Source{FromGP, FromClinic, FromSelf}

// Valid reports whether s is one of the sources.
func (s Source) Valid() bool { return slices.Contains(Sources, s) }

// Label is the source as the desk says it.
func (s Source) Label() string {
	switch s {
	case FromGP:
		return "GP"
	case FromClinic:
		return "Another clinic or hospital"
	case FromSelf:
		return "Self-referral"
	}
	return string(s)
}

// Party is the other end of a referral: who referred the patient in, or
// where the patient was referred out to.
type Party struct {
	Name         string // "Dr A Khan", or a department
	Organisation string // "Harbour Medical Practice"
	Address      string // lines separated by newlines
	ODSCode      string // optional: the NHS organisation code, e.g. "B86001"
}

// Named is the other end as a sentence names it: "Dr A Khan, Harbour
// Medical Practice", the one that is given, or unnamed when neither is.
func (p Party) Named(unnamed string) string {
	name, org := strings.TrimSpace(p.Name), strings.TrimSpace(p.Organisation)
	switch {
	case name != "" && org != "":
		return name + ", " + org
	case org != "":
		return org
	case name != "":
		return name
	}
	return unnamed
}

// Referral is one referral, in or out. Its clock is not kept on it: it is
// computed from its events (see Compute).
type Referral struct {
	ID        string
	PatientID string
	Direction Direction
	Source    Source     // in only: who sent it
	Party     Party      // the referrer (in) or the destination (out)
	Date      ukcal.Date // received (in) or sent (out)
	Urgency   Urgency
	Kind      Kind
	Reason    string
	Documents string // what arrived with it, as noted (not the files)
	Status    Status
	OwnerID   string // the member of staff (user ID) who looks after it
	// ClinicianID is the clinician the patient is referred to (in) or by
	// (out), if any: a clinician signed in sees only their own referrals.
	ClinicianID string

	AcknowledgedOn ukcal.Date   // in: the acknowledgement to the referrer went
	ReplyDueBy     ukcal.Date   // out: when a reply is expected
	ChaseDates     []ukcal.Date // out: when to chase, earliest first
	ReplyOn        ukcal.Date   // out: the reply arrived

	ClosedBy    string
	ClosedAt    time.Time
	CloseReason string

	CreatedBy string
	CreatedAt time.Time
}
