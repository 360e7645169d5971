package complaints

import (
	"fmt"
	"strings"

	"clinicdesk/app/ukcal"
)

// The rule sets of SPEC §2.4: each complaint records the nation whose
// complaints procedure applies and whether the care was NHS-funded or
// private. The nation decides the periods, the working days (its own bank
// holidays) and the ombudsman; private care follows the clinic's own
// procedure and its independent adjudicator, whichever the nation.

// Nation is the part of the UK whose complaints procedure applies.
type Nation string

const (
	England         Nation = "england"
	Wales           Nation = "wales"
	Scotland        Nation = "scotland"
	NorthernIreland Nation = "northern-ireland"
)

var nationOptions = []option[Nation]{
	{England, "England", []string{"eng"}},
	{Wales, "Wales", []string{"cymru"}},
	{Scotland, "Scotland", []string{"alba"}},
	{NorthernIreland, "Northern Ireland", []string{"ni", "northern_ireland"}},
}

// Nations lists the nations, England first.
func Nations() []Nation { return keysOf(nationOptions) }

// Label is the nation's name.
func (n Nation) Label() string { return labelOf(n, nationOptions) }

// Valid reports whether n is one of the nations.
func (n Nation) Valid() bool { return known(n, nationOptions) }

// ParseNation accepts a nation's key or name ("northern-ireland",
// "Northern Ireland").
func ParseNation(s string) (Nation, error) { return parseOption("nation", s, nationOptions) }

// Region is the bank-holiday division whose working days the nation's
// deadlines count: England and Wales share one.
func (n Nation) Region() ukcal.Region {
	switch n {
	case Scotland:
		return ukcal.Scotland
	case NorthernIreland:
		return ukcal.NorthernIreland
	}
	return ukcal.EnglandAndWales
}

// NationOf is the nation a clinic in the bank-holiday region most likely
// answers to: England for England and Wales (a Welsh clinic says Wales in
// Settings).
func NationOf(r ukcal.Region) Nation {
	switch r {
	case ukcal.Scotland:
		return Scotland
	case ukcal.NorthernIreland:
		return NorthernIreland
	}
	return England
}

// Funding is who paid for the care complained about.
type Funding string

const (
	NHSFunded Funding = "nhs"
	Private   Funding = "private"
)

var fundingOptions = []option[Funding]{
	{NHSFunded, "NHS", []string{"nhs-funded", "nhs funded", "health service"}},
	{Private, "Private", []string{"privately funded", "self-funded", "insured"}},
}

// Fundings lists the fundings, NHS first.
func Fundings() []Funding { return keysOf(fundingOptions) }

// Label is the funding as staff see it.
func (f Funding) Label() string { return labelOf(f, fundingOptions) }

// Valid reports whether f is one of the fundings.
func (f Funding) Valid() bool { return known(f, fundingOptions) }

// ParseFunding accepts "nhs" or "private" (or their names).
func ParseFunding(s string) (Funding, error) { return parseOption("funding", s, fundingOptions) }

// Rules is the rule set a complaint is handled under.
type Rules struct {
	Nation  Nation
	Funding Funding
}

// EnglandNHS is the rule set of the 2009 Regulations, the one complaints
// recorded before rule sets existed were handled under.
var EnglandNHS = Rules{England, NHSFunded}

// Check refuses a rule set that is not one of the known ones.
func (r Rules) Check() error {
	if !r.Nation.Valid() {
		return fmt.Errorf("say which nation's complaints rules apply: England, Wales, Scotland or Northern Ireland, not %q", string(r.Nation))
	}
	if !r.Funding.Valid() {
		return fmt.Errorf("say whether the care was NHS-funded or private, not %q", string(r.Funding))
	}
	return nil
}

// orDefault maps a rule set left blank (an old record) to England NHS.
func (r Rules) orDefault() Rules {
	if !r.Nation.Valid() {
		r.Nation = England
	}
	if !r.Funding.Valid() {
		r.Funding = NHSFunded
	}
	return r
}

// Region is the bank-holiday division of the rule set's working days.
func (r Rules) Region() ukcal.Region { return r.orDefault().Nation.Region() }

// NHS reports whether the care complained about was NHS-funded.
func (r Rules) NHS() bool { return r.orDefault().Funding == NHSFunded }

// Label names the rule set for the screens: "NHS in Wales (Putting Things
// Right)", "Private care in Scotland".
func (r Rules) Label() string {
	r = r.orDefault()
	if r.Funding == Private {
		return "Private care in " + r.Nation.Label() + " (our own procedure)"
	}
	switch r.Nation {
	case Wales:
		return "NHS in Wales (Putting Things Right)"
	case Scotland:
		return "NHS in Scotland (model complaints handling procedure)"
	case NorthernIreland:
		return "Health and Social Care in Northern Ireland"
	}
	return "NHS in England (2009 Regulations)"
}

// AcknowledgeWorkingDays is how many working days after the day of receipt
// the complaint must be acknowledged by: 3 in England, 2 in Wales and
// Northern Ireland, 3 at stage 2 in Scotland. Private care follows the
// clinic's procedure, which ClinicDesk holds to 3, as the independent
// adjudicators' codes expect.
func (r Rules) AcknowledgeWorkingDays() int {
	r = r.orDefault()
	if r.Funding == NHSFunded && (r.Nation == Wales || r.Nation == NorthernIreland) {
		return 2
	}
	return 3
}

// FixedResponseWorkingDays is the period the nation's procedure sets for
// the full response, in working days from the start (receipt, or in
// Scotland the start of stage 2): 30 in Wales, 20 in Scotland and Northern
// Ireland. 0 where the period is agreed with the complainant (England, and
// private care, whose default is offered from Settings).
func (r Rules) FixedResponseWorkingDays() int {
	r = r.orDefault()
	if r.Funding == Private {
		return 0
	}
	switch r.Nation {
	case Wales:
		return 30
	case Scotland, NorthernIreland:
		return 20
	}
	return 0
}

// Stage1WorkingDays is the frontline (stage 1) response period of the
// Scottish model procedure, 5 working days from receipt; 0 elsewhere.
func (r Rules) Stage1WorkingDays() int {
	if r = r.orDefault(); r.Funding == NHSFunded && r.Nation == Scotland {
		return 5
	}
	return 0
}

// HasSixMonthPoint reports whether a delay letter is owed at six months
// (regulation 14 of the England 2009 Regulations).
func (r Rules) HasSixMonthPoint() bool { return r.orDefault() == EnglandNHS }

// Adjudicator is the independent body a private clinic belongs to, who
// reviews a private complaint the clinic could not resolve.
type Adjudicator string

const (
	NoAdjudicator           Adjudicator = ""
	ISCAS                   Adjudicator = "iscas"
	DentalComplaintsService Adjudicator = "dcs"
)

var adjudicatorOptions = []option[Adjudicator]{
	{ISCAS, "Independent Sector Complaints Adjudication Service (ISCAS)", []string{"iscas"}},
	{DentalComplaintsService, "Dental Complaints Service", []string{"dcs", "dental"}},
}

// Adjudicators lists the independent adjudicators a clinic may belong to.
func Adjudicators() []Adjudicator { return keysOf(adjudicatorOptions) }

// Label is the adjudicator's name; "None chosen" for NoAdjudicator.
func (a Adjudicator) Label() string {
	if a == NoAdjudicator {
		return "None chosen"
	}
	return labelOf(a, adjudicatorOptions)
}

// Valid reports whether a is one of the adjudicators or none.
func (a Adjudicator) Valid() bool { return a == NoAdjudicator || known(a, adjudicatorOptions) }

// ParseAdjudicator accepts "iscas", "dcs", their names, or "" / "none".
func ParseAdjudicator(s string) (Adjudicator, error) {
	if t := strings.ToLower(strings.TrimSpace(s)); t == "" || t == "none" || t == "none chosen" {
		return NoAdjudicator, nil
	}
	return parseOption("independent adjudicator", s, adjudicatorOptions)
}
