package schedule

import "clinicdesk/app/ukcal"

// DNAStep is the letter the DNA policy prompts, named as the letter
// templates are (SPEC §3); "" is no letter.
type DNAStep string

// The steps of the DNA policy.
const (
	DNAFirst  DNAStep = "dna_first"  // first DNA letter
	DNASecond DNAStep = "dna_second" // second DNA letter
	GPLetter  DNAStep = "gp_letter"  // letter to the patient's GP
)

// DefaultDNAWindowMonths is the rolling window DNAs are counted over unless
// the clinic sets another.
const DefaultDNAWindowMonths = 12

// DNAsInWindow counts the DNAs in the rolling window ending on the date:
// after the same date windowMonths earlier (the month's last day where it
// has none) and up to and including on. With a 12-month window on 23
// November 2026 a DNA on 23 November 2025 no longer counts and one on 24
// November 2025 does. A window of 0 or less is the default.
func DNAsInWindow(dnaDates []ukcal.Date, on ukcal.Date, windowMonths int) int {
	if windowMonths <= 0 {
		windowMonths = DefaultDNAWindowMonths
	}
	start := on.AddMonths(-windowMonths)
	n := 0
	for _, d := range dnaDates {
		if d.After(start) && !d.After(on) {
			n++
		}
	}
	return n
}

// NextDNAStep returns the letter for a patient with that many DNAs in the
// window (the latest included): one is the first DNA letter, two the second,
// three or more the letter to the GP, none is no letter.
func NextDNAStep(dnasInWindow int) DNAStep {
	switch {
	case dnasInWindow <= 0:
		return ""
	case dnasInWindow == 1:
		return DNAFirst
	case dnasInWindow == 2:
		return DNASecond
	}
	return GPLetter
}
