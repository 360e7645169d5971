package complaints

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"clinicdesk/app/ukcal"
)

// Record is what the KO41(b) return needs to know about one complaint.
type Record struct {
	Ref         string // the complaint's reference, for warnings
	Channel     Channel
	Received    ukcal.Date
	Complainant ComplainantStatus
	// PatientDOB is the date of birth of the patient the complaint is about;
	// zero when there is no patient or the date is not known.
	PatientDOB  ukcal.Date
	Subjects    []SubjectArea
	StaffGroups []StaffGroup
	// Resolved is the date local resolution ended (ResolvedOn: first closed
	// or referred to the Ombudsman); zero while unresolved.
	Resolved ukcal.Date
	Outcome  Outcome
	// Rules is the complaint's rule set: only NHS complaints in England
	// are counted (blank is England NHS, as old records were handled).
	Rules Rules
}

// ExcludedFromReturn reports whether the complaint is left out of the
// return: an oral complaint resolved by the end of the next working day.
func (rec Record) ExcludedFromReturn(r ukcal.Region) bool {
	return rec.Channel == Oral && ResolvedNextDay(rec.Received, rec.Resolved, r)
}

// Measure is one line of the return's summary.
type Measure string

const (
	MeasureBroughtForward  Measure = "brought_forward"  // open on 1 April
	MeasureNew             Measure = "new"              // received in the year
	MeasureUpheld          Measure = "upheld"           // resolved in the year, upheld
	MeasurePartiallyUpheld Measure = "partially_upheld" // resolved in the year, partially upheld
	MeasureNotUpheld       Measure = "not_upheld"       // resolved in the year, not upheld
	MeasureCarriedForward  Measure = "carried_forward"  // open on 31 March
)

var measureOptions = []option[Measure]{
	{MeasureBroughtForward, "Brought forward", nil},
	{MeasureNew, "New", nil},
	{MeasureUpheld, "Upheld", nil},
	{MeasurePartiallyUpheld, "Partially upheld", nil},
	{MeasureNotUpheld, "Not upheld", nil},
	{MeasureCarriedForward, "Carried forward", nil},
}

// Measures lists the measures in the order of the return.
func Measures() []Measure { return keysOf(measureOptions) }

// Label is the measure as the return words it.
func (m Measure) Label() string { return labelOf(m, measureOptions) }

// Breakdown is a way of dividing a measure.
type Breakdown string

const (
	ByTotal       Breakdown = "total"
	BySubject     Breakdown = "subject_area"
	ByStaffGroup  Breakdown = "staff_group"
	ByAgeBand     Breakdown = "age_band"
	ByComplainant Breakdown = "complainant"
)

var breakdownOptions = []option[Breakdown]{
	{ByTotal, "Total", nil},
	{BySubject, "Subject area", nil},
	{ByStaffGroup, "Staff group", nil},
	{ByAgeBand, "Age of patient", nil},
	{ByComplainant, "Status of complainant", nil},
}

// Breakdowns lists the breakdowns in the order of the return.
func Breakdowns() []Breakdown { return keysOf(breakdownOptions) }

// Label is the breakdown as the return words it.
func (b Breakdown) Label() string { return labelOf(b, breakdownOptions) }

// totalCategory is the one category of ByTotal.
const totalCategory = "all"

// categories lists the (key, label) pairs of a breakdown, in order.
func (rep Report) categories(b Breakdown) [][2]string {
	pairs := func(keys []string, label func(string) string) [][2]string {
		out := make([][2]string, len(keys))
		for i, k := range keys {
			out[i] = [2]string{k, label(k)}
		}
		return out
	}
	switch b {
	case BySubject:
		return pairs(asStrings(SubjectAreas()), func(k string) string { return SubjectArea(k).Label() })
	case ByStaffGroup:
		return pairs(asStrings(rep.Variant.StaffGroups()), func(k string) string { return StaffGroup(k).Label() })
	case ByAgeBand:
		return pairs(asStrings(AgeBands()), func(k string) string { return AgeBand(k).Label() })
	case ByComplainant:
		// Only the patient or someone acting for them is counted.
		return pairs([]string{string(ComplainantPatient), string(ComplainantOnBehalf)}, func(k string) string { return ComplainantStatus(k).Label() })
	}
	return [][2]string{{totalCategory, "All complaints"}}
}

func asStrings[T ~string](keys []T) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = string(k)
	}
	return out
}

// Row is one cell of the return: a measure, divided one way, for one category.
type Row struct {
	Measure       Measure
	Breakdown     Breakdown
	Category      string // the category's key ("all" for ByTotal)
	CategoryLabel string
	Count         int
}

type cell struct {
	m        Measure
	b        Breakdown
	category string
}

// Report is the KO41(b) return for one year, 1 April to 31 March.
type Report struct {
	Year     int        // the year of 1 April
	From, To ukcal.Date // 1 April Year and 31 March Year+1
	// Variant is the form (GP or dental); ODSCode the practice code it is
	// made under ("" when Settings have none yet).
	Variant ReturnVariant
	ODSCode string
	// NotNHSEngland counts complaints received in the year under another
	// nation's procedure or about private care: not part of the return.
	NotNHSEngland int
	// NotFromPatient counts complaints received in the year from someone
	// neither the patient nor acting for them: the return does not count them.
	NotFromPatient int
	// Excluded counts oral complaints resolved by the next working day,
	// left out of every measure.
	Excluded int
	// Warnings list records the return had to interpret ("C-0012 has no
	// subject area: counted under Other"), for the manager to put right.
	Warnings []string
	counts   map[cell]int
}

// Return builds the KO41(b) return for 1 April year to 31 March year+1
// from every complaint in the register, with the region's working days.
//
//   - brought forward: received before 1 April and not resolved before it;
//   - new: received in the year;
//   - upheld / partially upheld / not upheld: resolved in the year, by
//     finding (a complaint resolved without a finding is counted as still
//     open, with a warning);
//   - carried forward: received by 31 March and not resolved by then;
//
// so brought forward + new − resolved = carried forward, as the form checks.
// Each measure is divided by subject area and staff group (a complaint
// counts once under each it names; none named counts under Other), by the
// patient's age on the day of receipt, and by who complained. Oral
// complaints resolved by the next working day are left out altogether.
func Return(year int, complaints []Record, r ukcal.Region) Report {
	return ReturnFor(ReturnOptions{Year: year, Variant: GPReturn}, complaints, r)
}

// ReturnOptions say which return to make.
type ReturnOptions struct {
	Year    int // the year of 1 April
	Variant ReturnVariant
	ODSCode string
}

// ReturnFor builds the return as Return does, on the form asked for.
// Only NHS complaints under England's procedure are counted, and only
// those made by the patient or someone acting for them; the others
// received in the year are counted apart (NotNHSEngland, NotFromPatient).
// The breakdowns are of new complaints only, as the collection asks.
// The region is not used: the complaints counted are England's, in
// England's working days (it stays for the callers of Return).
func ReturnFor(opts ReturnOptions, complaints []Record, _ ukcal.Region) Report {
	year := opts.Year
	if !opts.Variant.Valid() {
		opts.Variant = GPReturn
	}
	rep := Report{
		Year:    year,
		From:    ukcal.NewDate(year, time.April, 1),
		To:      ukcal.NewDate(year+1, time.March, 31),
		Variant: opts.Variant,
		ODSCode: opts.ODSCode,
		counts:  map[cell]int{},
	}
	for _, rec := range complaints {
		if rec.Received.IsZero() {
			rep.warn(rec, "has no date of receipt: left out")
			continue
		}
		inYear := !rec.Received.Before(rep.From) && !rec.Received.After(rep.To)
		if rules := rec.Rules.orDefault(); rules != EnglandNHS {
			if inYear {
				rep.NotNHSEngland++
			}
			continue
		}
		if rec.Complainant == ComplainantOther {
			if inYear {
				rep.NotFromPatient++
			}
			continue
		}
		if !rec.Complainant.Valid() {
			rep.warn(rec, "does not say who complained: left out until it says the patient or someone acting for them")
			continue
		}
		// Only England's NHS complaints get this far: their working days
		// are England's, whatever the clinic's own region.
		if rec.ExcludedFromReturn(rec.Rules.Region()) {
			if !rec.Received.Before(rep.From) && !rec.Received.After(rep.To) {
				rep.Excluded++
			}
			continue
		}
		resolved := rec.Resolved
		if !resolved.IsZero() && !rec.Outcome.Decided() {
			rep.warn(rec, "is resolved but has no outcome: counted as still open")
			resolved = ukcal.Date{}
		}
		if !resolved.IsZero() && resolved.Before(rec.Received) {
			rep.warn(rec, "was resolved before it was received: check the dates")
		}
		if rec.Received.After(rep.To) {
			continue
		}
		openOn := func(d ukcal.Date) bool { return resolved.IsZero() || !resolved.Before(d) }
		var measures []Measure
		if rec.Received.Before(rep.From) {
			if openOn(rep.From) {
				measures = append(measures, MeasureBroughtForward)
			}
		} else {
			measures = append(measures, MeasureNew)
		}
		if !resolved.IsZero() && !resolved.Before(rep.From) && !resolved.After(rep.To) {
			measures = append(measures, outcomeMeasure(rec.Outcome))
		}
		if resolved.IsZero() || resolved.After(rep.To) {
			measures = append(measures, MeasureCarriedForward)
		}
		if len(measures) > 0 {
			rep.count(rec, measures)
		}
	}
	return rep
}

func outcomeMeasure(o Outcome) Measure {
	switch o {
	case Upheld:
		return MeasureUpheld
	case PartiallyUpheld:
		return MeasurePartiallyUpheld
	}
	return MeasureNotUpheld
}

// count adds the record to every breakdown of the measures.
func (rep *Report) count(rec Record, measures []Measure) {
	if !slices.Contains(measures, MeasureNew) {
		// Not new this year: its breakdowns were in an earlier return.
		for _, m := range measures {
			rep.counts[cell{m, ByTotal, totalCategory}]++
		}
		return
	}
	for _, s := range rec.Subjects {
		if !s.Valid() {
			rep.warn(rec, fmt.Sprintf("has a subject area ClinicDesk does not know (%q): ignored", string(s)))
		}
	}
	for _, g := range rec.StaffGroups {
		if !g.Valid() {
			rep.warn(rec, fmt.Sprintf("has a staff group ClinicDesk does not know (%q): ignored", string(g)))
		}
	}
	subjects := dedupe(rec.Subjects, SubjectArea.Valid)
	if len(subjects) == 0 {
		rep.warn(rec, "has no subject area: counted under Other")
		subjects = []SubjectArea{SubjectOther}
	}
	onForm := func(g StaffGroup) bool { return slices.Contains(rep.Variant.StaffGroups(), g) }
	var groups []StaffGroup
	for _, g := range dedupe(rec.StaffGroups, StaffGroup.Valid) {
		if !onForm(g) {
			rep.warn(rec, fmt.Sprintf("names %s, which is not on the %s form: counted under Other", g.Label(), strings.ToLower(rep.Variant.Label())))
			g = StaffOther
		}
		if !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		rep.warn(rec, "has no staff group: counted under Other")
		groups = []StaffGroup{StaffOther}
	}
	complainant := rec.Complainant
	age := AgeBandOn(rec.PatientDOB, rec.Received)
	for _, m := range measures {
		rep.counts[cell{m, ByTotal, totalCategory}]++
		if m != MeasureNew {
			continue // the breakdowns are of new complaints only
		}
		for _, s := range subjects {
			rep.counts[cell{m, BySubject, string(s)}]++
		}
		for _, g := range groups {
			rep.counts[cell{m, ByStaffGroup, string(g)}]++
		}
		rep.counts[cell{m, ByAgeBand, string(age)}]++
		rep.counts[cell{m, ByComplainant, string(complainant)}]++
	}
}

// dedupe keeps the valid values of list, once each, in the order they
// first appear.
func dedupe[T comparable](list []T, valid func(T) bool) []T {
	var out []T
	for _, v := range list {
		if valid(v) && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func (rep *Report) warn(rec Record, problem string) {
	ref := rec.Ref
	if ref == "" {
		ref = "A complaint received " + longDate(rec.Received)
	}
	rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s %s", ref, problem))
}

// Count returns the total of a measure.
func (rep Report) Count(m Measure) int { return rep.CountBy(m, ByTotal, totalCategory) }

// Resolved returns the number of complaints resolved in the year (upheld,
// partially upheld and not upheld together).
func (rep Report) Resolved() int {
	return rep.Count(MeasureUpheld) + rep.Count(MeasurePartiallyUpheld) + rep.Count(MeasureNotUpheld)
}

// CountBy returns one cell of the return, e.g. CountBy(MeasureNew, BySubject,
// string(SubjectPrescribing)).
func (rep Report) CountBy(m Measure, b Breakdown, category string) int {
	return rep.counts[cell{m, b, category}]
}

// Period names the year as the return does: "2025-26".
func (rep Report) Period() string { return fmt.Sprintf("%d-%02d", rep.Year, (rep.Year+1)%100) }

// Rows returns every cell of the return, zeros included, in the order of
// the form: for each measure its total, and for new complaints each
// breakdown in catalogue order. The PDF and the CSV are both drawn from
// these rows.
func (rep Report) Rows() []Row {
	var rows []Row
	for _, m := range Measures() {
		for _, b := range Breakdowns() {
			if b != ByTotal && m != MeasureNew {
				continue
			}
			for _, c := range rep.categories(b) {
				rows = append(rows, Row{Measure: m, Breakdown: b, Category: c[0], CategoryLabel: c[1],
					Count: rep.CountBy(m, b, c[0])})
			}
		}
	}
	return rows
}
