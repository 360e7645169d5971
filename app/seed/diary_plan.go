package seed

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// build turns the set-up into the team, types and days to book.
func (g *DiaryGenerator) build() {
	st := g.setup
	g.region = ukcal.Region(st.Settings.Region)
	g.closed = st.Closures
	roomByName := map[string]int{}
	for i, r := range st.Rooms {
		if r.Active {
			roomByName[r.Name] = i
		}
	}
	g.types = g.types[:0]
	typeKind := []kind{}
	weights := []float64{}
	for _, t := range st.Types {
		if !t.Active {
			continue
		}
		ti := typeInfo{t: t, fallback: -1}
		k, w := anyKind, 10.0
		if i := slices.IndexFunc(standardTypes, func(s typeSpec) bool { return s.name == t.Name }); i >= 0 {
			s := standardTypes[i]
			k, w, ti.who = s.kind, s.weight, s.who
			for _, rn := range s.rooms {
				if ri, ok := roomByName[rn]; ok {
					ti.rooms = append(ti.rooms, ri)
				}
			}
		}
		if t.NeedsRoom && len(ti.rooms) == 0 {
			for _, ri := range roomByName {
				ti.rooms = append(ti.rooms, ri)
			}
			slices.Sort(ti.rooms)
		}
		if t.NeedsRoom && len(ti.rooms) == 0 {
			continue // no room to put it in
		}
		g.types = append(g.types, ti)
		typeKind, weights = append(typeKind, k), append(weights, w)
	}
	g.team = g.team[:0]
	for _, c := range st.Clinicians {
		h := scheduleHours(c.Hours)
		if !c.Active || h.IsZero() {
			continue
		}
		m := member{c: c, hours: h}
		ck := kindOf(c.Role)
		var ws []float64
		for i, k := range typeKind {
			if (k == ck || k == anyKind || ck == anyKind) && delivers(g.types[i].t, c) {
				m.types, ws = append(m.types, i), append(ws, weights[i])
			}
		}
		if len(m.types) == 0 {
			continue
		}
		m.pick = newCDF(ws)
		total := 0.0
		for j, ti := range m.types {
			total += ws[j] * float64(g.types[ti].t.Minutes)
		}
		m.mean = total / sum(ws)
		g.team = append(g.team, m)
	}
	// A room type's fallback is the same clinician's commonest type
	// without a room.
	for i := range g.types {
		best := -1.0
		for j := range g.types {
			if len(g.types[j].rooms) == 0 && typeKind[j] == typeKind[i] && weights[j] > best {
				g.types[i].fallback, best = j, weights[j]
			}
		}
	}
	g.planDays()
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

func scheduleHours(w schedule.WeekHours) schedule.WeekHours {
	var out schedule.WeekHours
	for d, spans := range w {
		for _, s := range spans {
			out[d] = append(out[d], schedule.Span{Start: schedule.Clock(s.Start), End: schedule.Clock(s.End)})
		}
	}
	return out
}

func (g *DiaryGenerator) closedOn(d ukcal.Date) bool {
	if !g.region.IsWorkingDay(d) {
		return true
	}
	for _, c := range g.closed {
		if c.Contains(d) {
			return true
		}
	}
	return false
}

// capacity is how many appointments the team could see on the day.
func (g *DiaryGenerator) capacity(d ukcal.Date) float64 {
	c := 0.0
	for _, m := range g.team {
		mins := 0
		for _, s := range m.hours.On(d.Weekday()) {
			mins += s.Minutes()
		}
		c += float64(mins) / m.mean
	}
	return c
}

// planDays picks the working days and how full each is: the past about
// evenly (quieter in August and at Christmas, busier in January and on
// Mondays), the weeks ahead less the further away.
func (g *DiaryGenerator) planDays() {
	first := g.today.AddMonths(-12 * g.o.Years)
	if !g.o.From.IsZero() {
		first = g.o.From
	}
	last := g.today.AddDays(7 * g.o.WeeksAhead)
	g.days, g.target = g.days[:0], g.target[:0]
	noise := rand.New(rand.NewPCG(g.o.Seed, 0x0da7))
	var weights []float64
	for d := first; !d.After(last); d = d.AddDays(1) {
		if g.closedOn(d) {
			continue
		}
		w := 1.0
		switch d.Month() {
		case time.August:
			w = 0.85
		case time.January:
			w = 1.1
		case time.December:
			if d.Day() > 18 {
				w = 0.8
			}
		}
		switch d.Weekday() {
		case time.Monday:
			w *= 1.1
		case time.Friday:
			w *= 0.9
		}
		w *= 0.9 + 0.2*noise.Float64()
		if ahead := g.today.DaysUntil(d); ahead > 0 {
			w *= 0.05 + 0.85*math.Exp(-float64(ahead)/10)
		}
		g.days, weights = append(g.days, d), append(weights, w)
	}
	total := float64(g.o.PerPatient * len(g.o.Patients))
	ws := sum(weights)
	if g.o.PerDay > 0 {
		var past []float64
		for i, d := range g.days {
			if !d.After(g.today) {
				past = append(past, weights[i])
			}
		}
		if len(past) > 0 {
			total = g.o.PerDay * ws / (sum(past) / float64(len(past)))
		}
	}
	for i, d := range g.days {
		t := 0.0
		if ws > 0 {
			t = total * weights[i] / ws
		}
		if g.full[d] {
			t = 0.9 * g.capacity(d)
		}
		g.target = append(g.target, t)
	}
}

// fill is how full the busiest ordinary past days would be.
func (g *DiaryGenerator) fill() float64 {
	worst := 0.0
	for i, d := range g.days {
		if g.full[d] || d.After(g.today) {
			continue
		}
		if c := g.capacity(d); c > 0 {
			worst = max(worst, g.target[i]/c)
		}
	}
	return worst
}
