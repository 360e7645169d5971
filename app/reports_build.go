package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"clinicdesk/app/complaints"
	"clinicdesk/app/letters"
	"clinicdesk/app/pathways"
	"clinicdesk/app/reports"
	"clinicdesk/data"
)

// Each builder counts its report for the range and for the previous range
// of the same length (for the sentence that compares), from the store's
// grouped counts. Callers hold c.mu.

// wholeClinicOnly refuses a clinician filter on a report that is not
// about clinicians (complaints, letters and new patients belong to no
// clinician).
func wholeClinicOnly(kind reports.Kind, r reports.Range) error {
	if r.ClinicianID != "" {
		return fmt.Errorf("the %s report is for the whole clinic: leave the clinician empty", strings.ReplaceAll(string(kind), "-", " "))
	}
	return nil
}

// grouped bins a store's counts into periods × groups; groups not in
// order are added after them, in the order met, labelled by label.
func grouped(ps []reports.Period, counts []data.ReportCount, order []string, label func(string) string) reports.Grouped {
	keys := slices.Clone(order)
	for _, n := range counts {
		if !slices.Contains(keys, n.Group) {
			keys = append(keys, n.Group)
		}
	}
	labels := make([]string, len(keys))
	for j, k := range keys {
		labels[j] = label(k)
	}
	g := reports.NewGrouped(len(ps), labels)
	binCounts(ps, counts, func(i int, group string, n int64) {
		g.Counts[i][slices.Index(keys, group)] += int(n)
	})
	return g
}

// totalsIn is each of order's groups' total over counts (for the previous
// range), others left out.
func totalsIn(counts []data.ReportCount, order []string) []int {
	out := make([]int, len(order))
	for _, n := range counts {
		if j := slices.Index(order, n.Group); j >= 0 {
			out[j] += int(n.N)
		}
	}
	return out
}

func totalOf(counts []data.ReportCount) int {
	n := 0
	for _, c := range counts {
		n += int(c.N)
	}
	return n
}

// cancellationsReportLocked counts cancellations by who and how late.
func (c *Clinic) cancellationsReportLocked(r reports.Range) (reports.Report, error) {
	count := func(r reports.Range) ([]reports.Cancelled, error) {
		ps := reports.Periods(r)
		per := make([]reports.Cancelled, len(ps))
		var counts []data.ReportCount
		var err error
		if past, ok := r.Past(); ok { // an appointment after today counts once its day has come
			counts, err = c.store.CancellationCounts(past)
		}
		binCounts(ps, counts, func(i int, group string, n int64) {
			status, late := strings.CutSuffix(group, "/late")
			if status == "cancelled_patient" {
				per[i].Patient += int(n)
				if late {
					per[i].PatientLate += int(n)
				}
			} else {
				per[i].Clinic += int(n)
				if late {
					per[i].ClinicLate += int(n)
				}
			}
		})
		return per, err
	}
	per, err := count(r)
	if err != nil {
		return reports.Report{}, err
	}
	prevPer, err := count(reports.PreviousRange(r))
	var prev reports.Cancelled
	for _, p := range prevPer {
		prev = prev.Add(p)
	}
	return reports.BuildCancellations(r, reports.Periods(r), per, prev), err
}

// newPatientsReportLocked counts the records added.
func (c *Clinic) newPatientsReportLocked(r reports.Range) (reports.Report, error) {
	if err := wholeClinicOnly(reports.NewPatients, r); err != nil {
		return reports.Report{}, err
	}
	ps := reports.Periods(r)
	counts, err := c.store.NewPatientCounts(r)
	if err != nil {
		return reports.Report{}, err
	}
	per := make([]int, len(ps))
	binCounts(ps, counts, func(i int, _ string, n int64) { per[i] += int(n) })
	prev, err := c.store.NewPatientCounts(reports.PreviousRange(r))
	return reports.BuildNewPatients(r, ps, per, totalOf(prev)), err
}

// referralsReportLocked counts referrals in by source.
func (c *Clinic) referralsReportLocked(r reports.Range) (reports.Report, error) {
	ps := reports.Periods(r)
	counts, err := c.store.ReferralSourceCounts(r)
	if err != nil {
		return reports.Report{}, err
	}
	order := make([]string, len(pathways.Sources))
	for j, s := range pathways.Sources {
		order[j] = string(s)
	}
	g := grouped(ps, counts, order, func(s string) string {
		if s == "" {
			return "Not recorded"
		}
		return pathways.Source(s).Label()
	})
	prev, err := c.store.ReferralSourceCounts(reports.PreviousRange(r))
	return reports.BuildReferrals(r, ps, g, totalOf(prev)), err
}

// Milestones of a wait, as stored pathway events.
var (
	firstAttended = string(pathways.FirstAppointmentAttended)
	firstTreated  = string(pathways.FirstDefinitiveTreatment)
)

// waitingReportLocked counts completed waits to the first appointment and
// to treatment, each with the previous range's in the same pass.
func (c *Clinic) waitingReportLocked(r reports.Range) (reports.Report, error) {
	ps := reports.Periods(r)
	ws, err := c.store.WaitTimes(r, reports.PreviousRange(r), firstAttended)
	if err != nil {
		return reports.Report{}, err
	}
	treatedWaits, err := c.store.WaitTimes(r, reports.PreviousRange(r), firstTreated)
	if err != nil {
		return reports.Report{}, err
	}
	ws = append(ws, treatedWaits...)
	first, treated := make([]reports.Waits, len(ps)), make([]reports.Waits, len(ps))
	var prevFirst, prevTreated reports.Waits
	for _, w := range ws {
		n := reports.Waits{Pathways: int(w.Pathways), Days: int(w.Days), Within18: int(w.Within18)}
		per, prev := first, &prevFirst
		if w.Milestone == firstTreated {
			per, prev = treated, &prevTreated
		}
		if w.Key.IsZero() {
			*prev = prev.Add(n)
		} else if i := reports.Bin(ps, w.Key); i >= 0 {
			per[i] = per[i].Add(n)
		}
	}
	return reports.BuildWaiting(r, ps, first, treated, prevFirst, prevTreated), nil
}

// complaintsReportLocked counts complaints received by subject and outcome.
func (c *Clinic) complaintsReportLocked(r reports.Range) (reports.Report, error) {
	if err := wholeClinicOnly(reports.Complaints, r); err != nil {
		return reports.Report{}, err
	}
	ps := reports.Periods(r)
	prevRange := reports.PreviousRange(r)
	subjects, err1 := c.store.ComplaintSubjectCounts(r)
	prevSubjects, err2 := c.store.ComplaintSubjectCounts(prevRange)
	outcomes, err3 := c.store.ComplaintOutcomeCounts(r)
	prevOutcomes, err4 := c.store.ComplaintOutcomeCounts(prevRange)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return reports.Report{}, err
	}
	subjectKeys := []string{}
	for _, s := range complaints.SubjectAreas() {
		subjectKeys = append(subjectKeys, string(s))
	}
	subjectKeys = append(subjectKeys, "")
	subjectLabels := make([]string, len(subjectKeys))
	for j, k := range subjectKeys {
		subjectLabels[j] = complaints.SubjectArea(k).Label()
		if k == "" {
			subjectLabels[j] = "No subject recorded"
		}
	}
	outcomeKeys := []string{}
	for _, o := range complaints.Outcomes() {
		outcomeKeys = append(outcomeKeys, string(o))
	}
	outcomeKeys = append(outcomeKeys, string(complaints.NoOutcome))
	outcomeLabels := make([]string, len(outcomeKeys))
	for j, k := range outcomeKeys {
		outcomeLabels[j] = complaints.Outcome(k).Label()
	}
	// Every complaint has one outcome (or none yet), so the outcomes add
	// up to the complaints received.
	received := make([]int, len(ps))
	binCounts(ps, outcomes, func(i int, _ string, n int64) { received[i] += int(n) })
	return reports.BuildComplaints(r, ps, received, totalOf(prevOutcomes),
		subjectLabels, totalsIn(subjects, subjectKeys), totalsIn(prevSubjects, subjectKeys),
		outcomeLabels, totalsIn(outcomes, outcomeKeys), totalsIn(prevOutcomes, outcomeKeys)), nil
}

// lettersReportLocked counts the letters made, by template.
func (c *Clinic) lettersReportLocked(r reports.Range) (reports.Report, error) {
	if err := wholeClinicOnly(reports.Letters, r); err != nil {
		return reports.Report{}, err
	}
	ps := reports.Periods(r)
	counts, err1 := c.store.LetterCounts(r)
	prev, err2 := c.store.LetterCounts(reports.PreviousRange(r))
	templates, err3 := c.store.LetterTemplates()
	if err := errors.Join(err1, err2, err3); err != nil {
		return reports.Report{}, err
	}
	titles := map[string]string{}
	for _, t := range templates {
		titles[t.Name] = t.Title
	}
	// The templates used in either range, in the template list's order.
	var order []string
	for _, t := range templates {
		if slices.ContainsFunc(counts, func(n data.ReportCount) bool { return n.Group == t.Name }) ||
			slices.ContainsFunc(prev, func(n data.ReportCount) bool { return n.Group == t.Name }) {
			order = append(order, t.Name)
		}
	}
	for _, n := range prev {
		if !slices.Contains(order, n.Group) {
			order = append(order, n.Group)
		}
	}
	g := grouped(ps, counts, order, func(name string) string {
		if t, ok := titles[name]; ok && t != "" {
			return t
		}
		// A default template not copied into this clinic yet, or one since
		// deleted: the default's title, or its name as words.
		if d, err := letters.LookupDefaultTemplate(name); err == nil && d.Title != "" {
			return d.Title
		}
		return strings.ReplaceAll(name, "_", " ")
	})
	prevTotals := totalsIn(prev, order)
	for len(prevTotals) < len(g.Labels) {
		prevTotals = append(prevTotals, 0)
	}
	return reports.BuildLetters(r, ps, g, prevTotals), nil
}
