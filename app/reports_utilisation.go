package app

import (
	"slices"

	"clinicdesk/app/reports"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// utilisationReportLocked is booked ÷ available minutes. Booked minutes
// are summed in SQL; available minutes are worked out here from each
// clinician's working hours, one step per clinician per day (a year of a
// dozen clinicians is a few thousand steps), never per appointment.
func (c *Clinic) utilisationReportLocked(r reports.Range) (reports.Report, error) {
	all, err := c.store.Clinicians(false)
	if err != nil {
		return reports.Report{}, err
	}
	spans, err := c.store.ClinicianSpans()
	if err != nil {
		return reports.Report{}, err
	}
	var cls []schedule.Clinician
	for _, cl := range all {
		if r.ClinicianID == "" || cl.ID == r.ClinicianID {
			cls = append(cls, cl)
		}
	}
	region := c.bankHolidayRegionLocked()
	count := func(r reports.Range) ([]reports.ClinicianTime, error) {
		ps := reports.Periods(r)
		closures, err := c.store.Closures(r.From, r.To)
		if err != nil {
			return nil, err
		}
		// Booked and available minutes both stop at today: the days to
		// come would count as empty hours.
		var booked []data.ReportCount
		if past, ok := r.Past(); ok {
			if booked, err = c.store.BookedMinutes(past); err != nil {
				return nil, err
			}
		}
		out := make([]reports.ClinicianTime, len(cls))
		for j, cl := range cls {
			out[j] = reports.ClinicianTime{Name: cl.Name, Booked: make([]float64, len(ps)), Available: make([]float64, len(ps))}
			from, to := workingSpan(cl, spans[cl.ID])
			for i, p := range ps {
				last := p.To
				if !r.Today.IsZero() && last.After(r.Today) {
					last = r.Today
				}
				out[j].Available[i] = float64(availableMinutes(cl.Hours, p.From, last, from, to, region, closures))
			}
		}
		binCounts(ps, booked, func(i int, id string, n int64) {
			if j := slices.IndexFunc(cls, func(cl schedule.Clinician) bool { return cl.ID == id }); j >= 0 {
				out[j].Booked[i] += float64(n)
			}
		})
		return out, nil
	}
	now, err := count(r)
	if err != nil {
		return reports.Report{}, err
	}
	before, err := count(reports.PreviousRange(r))
	if err != nil {
		return reports.Report{}, err
	}
	var prevBooked, prevAvailable float64
	for _, t := range before {
		for i := range t.Booked {
			prevBooked += t.Booked[i]
			prevAvailable += t.Available[i]
		}
	}
	// A clinician with neither hours nor bookings in the range is not
	// shown: they had nothing to use.
	shown := now[:0]
	for _, t := range now {
		if sumOf(t.Booked) > 0 || sumOf(t.Available) > 0 {
			shown = append(shown, t)
		}
	}
	return reports.BuildUtilisation(r, reports.Periods(r), shown, prevBooked, prevAvailable), nil
}

func sumOf(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// workingSpan is the stretch in which a clinician's hours count: from the
// day they were added to the diary, or their first appointment if earlier
// (clinicians set up before their start were often added late), and, for
// one no longer active, to their last appointment. The diary keeps no
// start or leaving date of its own.
func workingSpan(cl schedule.Clinician, appts [2]ukcal.Date) (from, to ukcal.Date) {
	from = ukcal.WallDate(cl.CreatedAt)
	if !appts[0].IsZero() && appts[0].Before(from) {
		from = appts[0]
	}
	if !cl.Active {
		to = appts[1] // zero, when they never had one: no time at all
		if to.IsZero() {
			to = from.AddDays(-1)
		}
	}
	return from, to
}

// availableMinutes is the working minutes (breaks are the gaps between
// spans) on the days from–to that fall within [start, end] (end zero for
// no end), skipping bank holidays and closures. Minutes are wall-clock:
// the clock change does not lengthen or shorten a working day.
func availableMinutes(hours schedule.WeekHours, from, to, start, end ukcal.Date, region ukcal.Region, closures []schedule.Closure) int {
	if from.Before(start) {
		from = start
	}
	if !end.IsZero() && to.After(end) {
		to = end
	}
	total := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		if region.IsHoliday(d) || slices.ContainsFunc(closures, func(cl schedule.Closure) bool { return cl.Contains(d) }) {
			continue
		}
		for _, s := range hours[d.Weekday()] {
			total += int(s.End - s.Start)
		}
	}
	return total
}
