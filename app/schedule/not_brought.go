package schedule

// The steps for a child who was not brought (SPEC §2.5): a letter to the
// parent or carer the first time; after that, not a warning but a letter
// to the GP, with the safeguarding lead told. A child is never discharged
// for being missed by the adults who should bring them.
const (
	WNBFirst DNAStep = "wnb_first" // letter to the parent or carer
	WNBGP    DNAStep = "wnb_gp"    // letter to the child's GP; tell the safeguarding lead
)

// NextWNBStep returns the step for a child with that many missed
// appointments in the DNA window (the latest included).
func NextWNBStep(missedInWindow int) DNAStep {
	switch {
	case missedInWindow <= 0:
		return ""
	case missedInWindow == 1:
		return WNBFirst
	}
	return WNBGP
}
