package complaints

// Outcome is the finding of the practice's investigation, as the KO41(b)
// return counts it. It is NoOutcome while the complaint is open.
type Outcome string

const (
	NoOutcome       Outcome = ""
	Upheld          Outcome = "upheld"           // substantive evidence supports the complaint
	PartiallyUpheld Outcome = "partially_upheld" // some but not all of its issues are upheld
	NotUpheld       Outcome = "not_upheld"       // no evidence supports any part of it
)

var outcomeOptions = []option[Outcome]{
	{Upheld, "Upheld", nil},
	{PartiallyUpheld, "Partially upheld", []string{"part upheld", "partly upheld"}},
	{NotUpheld, "Not upheld", []string{"rejected"}},
}

// Outcomes lists the findings (not NoOutcome) in the order of the return.
func Outcomes() []Outcome { return keysOf(outcomeOptions) }

// Label is the outcome as staff see it; "Not decided" while open.
func (o Outcome) Label() string {
	if o == NoOutcome {
		return "Not decided"
	}
	return labelOf(o, outcomeOptions)
}

// Decided reports whether o is one of the three findings.
func (o Outcome) Decided() bool { return known(o, outcomeOptions) }

// ParseOutcome accepts an outcome's key or label in any case. Blank text is
// NoOutcome, since an open complaint has none.
func ParseOutcome(s string) (Outcome, error) {
	if normalise(s) == "" {
		return NoOutcome, nil
	}
	return parseOption("outcome", s, outcomeOptions)
}
