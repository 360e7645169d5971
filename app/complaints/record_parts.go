package complaints

import (
	"time"
)

// Note is a note, an action or a piece of learning on a complaint.
type Note struct {
	ID          string
	ComplaintID string
	Kind        string // note, action, learning
	Body        string
	By          string
	At          time.Time
}

// Settings are the response periods Settings offer, in working
// days, and what the clinic's complaints and its return default to.
type Settings struct {
	DefaultResponseDays int
	MaxResponseDays     int

	// Nation and Funding are the rule set a new complaint starts with;
	// Nation "" follows the clinic's bank-holiday region.
	Nation  string
	Funding string
	// Adjudicator is the independent adjudicator of private complaints
	// (iscas, dcs), "" when none is chosen.
	Adjudicator string
	// ODSCode is the practice's code on the KO41(b) return, "" until set.
	ODSCode string
	// ReturnVariant is the KO41(b) form the practice makes: gp or dental.
	ReturnVariant string
}

// DefaultSettings are offered until a manager changes them: a
// response within 25 working days (about five weeks), and never more than
// 130 (about six months, when the regulations expect a delay letter).
func DefaultSettings() Settings {
	return Settings{DefaultResponseDays: 25, MaxResponseDays: 130, Funding: "nhs", ReturnVariant: "gp"}
}
