package seed

// The diary: a clinic's team, rooms and appointment types, and years of
// appointments that look like a real desk made them. Days are full the way
// real days are (back to back, a few gaps, lunch kept free), nobody is in
// two places at once, nothing is booked on a bank holiday or a closure,
// the past is mostly seen with a few DNAs and cancellations, today follows
// the clock, and the weeks ahead fill up less the further away they are.

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// DiaryPatient is a patient the diary may book, with what decides which
// appointments suit them.
type DiaryPatient struct {
	ID     string
	DOB    ukcal.Date
	Female bool
}

// Setup is a clinic's calendar set-up: what the diary books into.
type Setup struct {
	Settings   data.CalendarSettings
	Clinicians []data.Clinician
	Rooms      []data.Room
	Types      []data.AppointmentType
	Closures   []data.Closure
}

// DiaryOptions say what diary a DiaryGenerator makes.
type DiaryOptions struct {
	// Seed picks the diary: the same options give the same diary.
	Seed uint64
	// Now is the clinic's present: the past is behind it, today's
	// statuses follow its time of day.
	Now time.Time
	// Years of history before today (0: from today on).
	Years int
	// From, when set, is the first day instead (a diary of a few weeks).
	From ukcal.Date
	// WeeksAhead of bookings after today; 0 means 6.
	WeeksAhead int
	// PerPatient is the appointments per patient on average; 0 means 10.
	PerPatient int
	// PerDay, when set, is how many appointments an ordinary past day
	// holds on average instead: a diary of a few weeks as full as a
	// long one (the bench's reference clinic).
	PerDay float64
	// Patients are who may be booked.
	Patients []DiaryPatient
	// Setup is the clinic's own set-up to book into; nil makes the
	// standard team (NewSetup), larger when the patients need it.
	Setup *Setup
	// Existing are appointments already holding their slots, to book
	// around (a second batch).
	Existing []schedule.Appointment
	// FullDays are filled like a busy day whatever the list size (the
	// demo's today).
	FullDays []ukcal.Date
}

// member is a clinician as the generator books them.
type member struct {
	c     data.Clinician
	hours schedule.WeekHours
	types []int // indices into g.types this clinician books
	pick  cdf
	mean  float64 // mean minutes of what they book
}

// typeInfo is an appointment type as the generator books it.
type typeInfo struct {
	t        data.AppointmentType
	who      who
	rooms    []int // indices into setup rooms
	fallback int   // a same-clinician type without a room, or -1
}

// pool is patients to draw from, more often those who come more often.
type pool struct {
	idx []int
	cum []float64
}

func (p *pool) draw(r *rand.Rand) int {
	if len(p.idx) == 0 {
		return -1
	}
	u := r.Float64() * p.cum[len(p.cum)-1]
	i, _ := slices.BinarySearch(p.cum, u)
	return p.idx[min(i, len(p.idx)-1)]
}

// DiaryGenerator makes a diary one day at a time, oldest first.
type DiaryGenerator struct {
	r      *rand.Rand
	o      DiaryOptions
	setup  Setup
	fresh  bool // the set-up is new
	region ukcal.Region
	closed []data.Closure
	today  ukcal.Date
	nowMin int
	team   []member
	types  []typeInfo
	pools  map[who]*pool
	days   []ukcal.Date
	target []float64 // appointments wanted per day
	full   map[ukcal.Date]bool
	next   int
	prior  map[string][]schedule.Appointment // existing, by date

	// What today left, for the waiting list.
	todayBusy map[string]bool
	freed     *schedule.Appointment
}

// NewDiary prepares a diary. The set-up (new or the clinic's) is ready at
// once; the appointments come from NextDay.
func NewDiary(o DiaryOptions) *DiaryGenerator {
	if o.Now.IsZero() {
		panic("seed: DiaryOptions.Now is required")
	}
	if o.WeeksAhead == 0 {
		o.WeeksAhead = 6
	}
	if o.PerPatient == 0 {
		o.PerPatient = 10
	}
	london := o.Now.In(ukcal.London())
	g := &DiaryGenerator{
		r:      rand.New(rand.NewPCG(o.Seed, 0xd1a7_1e55)),
		o:      o,
		today:  ukcal.DateOf(london),
		nowMin: london.Hour()*60 + london.Minute(),
		full:   map[ukcal.Date]bool{},
		prior:  map[string][]schedule.Appointment{},
	}
	for _, d := range o.FullDays {
		g.full[d] = true
	}
	for _, a := range o.Existing {
		g.prior[a.Date] = append(g.prior[a.Date], a)
	}
	g.makePools()
	if o.Setup != nil {
		g.setup = *o.Setup
		g.build()
	} else {
		g.fresh = true
		// Grow the team until the diary fits at a busy clinic's fill.
		for extra := 0; ; extra += max(1, extra/4) {
			g.setup = NewSetup(g.today, o.Years, extra, o.Seed)
			g.build()
			if g.fill() <= 0.82 || extra > 2000 {
				break
			}
		}
	}
	return g
}

// Setup is the set-up the diary books into.
func (g *DiaryGenerator) Setup() Setup { return g.setup }

// NewSetup reports whether the set-up was made for this diary (and is to
// be saved with it) rather than the clinic's own.
func (g *DiaryGenerator) NewSetup() bool { return g.fresh }

func (g *DiaryGenerator) makePools() {
	g.pools = map[who]*pool{}
	for _, w := range []who{anyone, adults, youngChild, screening} {
		g.pools[w] = &pool{}
	}
	for i, p := range g.o.Patients {
		// Some patients come often, most now and then, some hardly ever.
		weight := math.Exp(0.9 * g.r.NormFloat64())
		age := ageAt(p.DOB, g.today)
		for _, w := range []who{anyone, adults, youngChild, screening} {
			switch {
			case w == adults && age < 16,
				w == youngChild && age >= 6,
				w == screening && (!p.Female || age < 25 || age > 64):
				continue
			}
			pl := g.pools[w]
			sum := weight
			if n := len(pl.cum); n > 0 {
				sum += pl.cum[n-1]
			}
			pl.idx, pl.cum = append(pl.idx, i), append(pl.cum, sum)
		}
	}
}

func ageAt(dob, d ukcal.Date) int {
	a := d.Year() - dob.Year()
	if d.Month() < dob.Month() || (d.Month() == dob.Month() && d.Day() < dob.Day()) {
		a--
	}
	return a
}

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

func scheduleHours(w data.WeekHours) schedule.WeekHours {
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
		if d.String() >= c.From && d.String() <= c.To {
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

// Days are the working days the diary covers, oldest first.
func (g *DiaryGenerator) Days() []ukcal.Date { return slices.Clone(g.days) }

// dayState is what one day has taken so far.
type dayState struct {
	d        ukcal.Date
	clinBusy map[string][]schedule.Span
	roomBusy map[int][]schedule.Span
	patients map[string]bool
	out      []data.HistoricAppointment
}

func (s *dayState) free(spans []schedule.Span, x schedule.Span) bool {
	for _, b := range spans {
		if b.Overlaps(x) {
			return false
		}
	}
	return true
}

var (
	patientReasons = []string{"Patient rang: feeling better", "Patient rang: work commitments", "Patient rang: childcare",
		"Patient rang: on holiday", "Patient rang: unwell with a cold", "Cancelled online", "Patient rang: no transport",
		"Patient rang: booked in error", "Carer rang: patient in hospital"}
	clinicReasons = []string{"Clinician off sick", "Clinician on training", "Clinician called to an emergency",
		"Room out of use", "Booked with the wrong clinician"}
	notes = []string{"Interpreter booked", "Wheelchair user: ground-floor room", "Brings last blood results",
		"First visit: allow time for forms", "Prefers a female clinician", "Fasting bloods: nothing to eat from midnight",
		"Carer will attend", "Insurance pre-authorised"}
)

// NextDay makes the next working day's appointments; ok is false after
// the last day.
func (g *DiaryGenerator) NextDay() (day ukcal.Date, appts []data.HistoricAppointment, ok bool) {
	if g.next >= len(g.days) {
		return ukcal.Date{}, nil, false
	}
	d, target := g.days[g.next], g.target[g.next]
	g.next++
	s := &dayState{d: d, clinBusy: map[string][]schedule.Span{}, roomBusy: map[int][]schedule.Span{}, patients: map[string]bool{}}
	roomIdx := map[string]int{}
	for i, r := range g.setup.Rooms {
		roomIdx[r.ID] = i
	}
	for _, a := range g.prior[d.String()] {
		sp := schedule.Span{Start: schedule.Clock(a.StartMin), End: schedule.Clock(a.EndMin)}
		s.clinBusy[a.ClinicianID] = append(s.clinBusy[a.ClinicianID], sp)
		if ri, ok := roomIdx[a.RoomID]; ok && a.RoomID != "" {
			s.roomBusy[ri] = append(s.roomBusy[ri], sp)
		}
		s.patients[a.PatientID] = true
	}
	c := g.capacity(d)
	f := 0.0
	if c > 0 {
		f = min(0.92, target/c)
	}
	for _, m := range g.team {
		for _, span := range m.hours.On(d.Weekday()) {
			g.layOut(s, m, span, f*(0.85+0.3*g.r.Float64()))
		}
	}
	if d == g.today {
		g.finishToday(s)
	}
	return d, s.out, true
}

// layOut books one stretch of a clinician's day to about the fill given:
// appointments in the order they come, with the spare minutes spread as
// gaps between them.
func (g *DiaryGenerator) layOut(s *dayState, m member, span schedule.Span, fill float64) {
	length := span.Minutes()
	want := fill * float64(length)
	var picked []int
	used := 0
	for {
		ti := m.types[m.pick.pick(g.r)]
		mins := g.types[ti].t.Minutes
		// The last one only as often as the fill left over says, so that
		// thin diaries come out right on average.
		if left := want - float64(used); used+mins > length || left < float64(mins)*g.r.Float64() {
			break
		}
		picked, used = append(picked, ti), used+mins
	}
	if len(picked) == 0 {
		return
	}
	// Spread the spare minutes, five at a time, over the gaps before,
	// between and after the appointments.
	gaps := make([]int, len(picked)+1)
	for spare := (length - used) / 5; spare > 0; spare-- {
		gaps[g.r.IntN(len(gaps))] += 5
	}
	at := int(span.Start)
	for i, ti := range picked {
		at += gaps[i]
		g.book(s, m, ti, at)
		at += g.types[ti].t.Minutes
	}
}

// book puts one appointment (and, for a cancelled one, perhaps the
// patient who took the slot after) in the diary, if the time, a room and
// a patient can be found.
func (g *DiaryGenerator) book(s *dayState, m member, ti, start int) {
	t := g.types[ti]
	sp := schedule.Span{Start: schedule.Clock(start), End: schedule.Clock(start + t.t.Minutes)}
	if !s.free(s.clinBusy[m.c.ID], sp) {
		return // someone booked earlier holds it (a second batch)
	}
	room := -1
	if len(t.rooms) > 0 {
		for _, ri := range t.rooms {
			if s.free(s.roomBusy[ri], sp) {
				room = ri
				break
			}
		}
		if room < 0 {
			if t.fallback < 0 || !slices.Contains(m.types, t.fallback) {
				return
			}
			t = g.types[t.fallback]
			sp.End = sp.Start.Add(t.t.Minutes)
		}
	}
	a := data.HistoricAppointment{Appointment: schedule.Appointment{ID: newID(), TypeID: t.t.ID,
		Slot: schedule.Slot{ClinicianID: m.c.ID, Date: s.d.String(), StartMin: int(sp.Start), EndMin: int(sp.End)}}}
	if room >= 0 {
		a.RoomID = g.setup.Rooms[room].ID
	}
	if !g.patientFor(s, t, &a) {
		return
	}
	if g.r.Float64() < 0.03 {
		a.Notes = notes[g.r.IntN(len(notes))]
	}
	g.status(s, &a, false)
	s.out = append(s.out, a)
	if a.Status.Occupies() {
		s.clinBusy[m.c.ID] = append(s.clinBusy[m.c.ID], sp)
		if room >= 0 {
			s.roomBusy[room] = append(s.roomBusy[room], sp)
		}
		return
	}
	if a.Status == schedule.StatusDNA || (s.d == g.today && int(sp.Start) >= g.nowMin) || g.r.Float64() < 0.5 {
		// A missed slot stays missed; today's freed slots wait for the
		// waiting list; half of the rest were never filled.
		s.clinBusy[m.c.ID] = append(s.clinBusy[m.c.ID], sp)
		if room >= 0 {
			s.roomBusy[room] = append(s.roomBusy[room], sp)
		}
		return
	}
	// Someone else took the cancelled slot.
	b := data.HistoricAppointment{Appointment: schedule.Appointment{ID: newID(), TypeID: a.TypeID, Slot: a.Slot}}
	if !g.patientFor(s, t, &b) {
		return
	}
	g.status(s, &b, true)
	if b.CreatedAt.Before(a.StatusAt) {
		// Booked into the slot after it was given up.
		start := schedule.At(s.d, schedule.Clock(b.StartMin)).UTC()
		b.CreatedAt = earlier(earlier(a.StatusAt.Add(time.Duration(1+g.r.IntN(120))*time.Minute), start), g.o.Now.UTC())
		if b.Status == schedule.StatusBooked {
			b.StatusAt = b.CreatedAt
		}
	}
	s.out = append(s.out, b)
	if b.Status.Occupies() {
		s.clinBusy[m.c.ID] = append(s.clinBusy[m.c.ID], sp)
		if room >= 0 {
			s.roomBusy[room] = append(s.roomBusy[room], sp)
		}
	}
}

// patientFor picks a patient the type suits who is not booked that day
// and was born by then.
func (g *DiaryGenerator) patientFor(s *dayState, t typeInfo, a *data.HistoricAppointment) bool {
	pl := g.pools[t.who]
	for try := 0; try < 40; try++ {
		i := pl.draw(g.r)
		if i < 0 {
			return false
		}
		p := g.o.Patients[i]
		if s.patients[p.ID] || p.DOB.After(s.d) {
			continue
		}
		s.patients[p.ID] = true
		a.PatientID = p.ID
		return true
	}
	return false
}

func earlier(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// status decides where the appointment stands now, and when each step
// happened. A refill (someone who took a cancelled slot) is not cancelled
// again.
func (g *DiaryGenerator) status(s *dayState, a *data.HistoricAppointment, refill bool) {
	r := g.r
	start := schedule.At(s.d, schedule.Clock(a.StartMin)).UTC()
	end := schedule.At(s.d, schedule.Clock(a.EndMin)).UTC()
	now := g.o.Now.UTC()
	// Booked a few days to a few weeks ahead, in office hours.
	lead := 1 + int(r.ExpFloat64()*9)
	if lead > 42 {
		lead = 42
	}
	made := schedule.At(s.d.AddDays(-lead), schedule.Clock(8*60+r.IntN(10*60))).UTC()
	if s.d == g.today && r.Float64() < 0.3 {
		// On the day: rung at eight for an appointment today.
		made = schedule.At(s.d, schedule.Clock(8*60+r.IntN(20))).UTC()
	}
	if made.After(now) {
		made = now.Add(-time.Duration(10+r.IntN(3*24*60)) * time.Minute)
	}
	if made.After(start) {
		made = start.Add(-time.Duration(5+r.IntN(60)) * time.Minute)
	}
	a.CreatedAt, a.Status, a.StatusAt = made, schedule.StatusBooked, made

	startMin, endMin := a.StartMin, a.EndMin
	past := s.d.Before(g.today) || (s.d == g.today && endMin <= g.nowMin)
	u := r.Float64()
	switch {
	case !refill && !past && u < 0.035:
		g.cancel(a, schedule.StatusCancelledPatient, made, earlier(start, now))
	case !refill && !past && u < 0.045:
		g.cancel(a, schedule.StatusCancelledClinic, made, earlier(start, now))
	case !refill && past && u < 0.055:
		g.cancel(a, schedule.StatusCancelledPatient, made, start)
	case !refill && past && u < 0.075:
		g.cancel(a, schedule.StatusCancelledClinic, made, start)
	case past && ((!refill && u < 0.14) || (refill && u < 0.065)):
		a.Status, a.StatusAt = schedule.StatusDNA, end.Add(time.Duration(5+r.IntN(55))*time.Minute)
	case past:
		a.Arrived = start.Add(-time.Duration(r.IntN(16)) * time.Minute)
		a.Status, a.StatusAt = schedule.StatusSeen, end.Add(time.Duration(r.IntN(8))*time.Minute)
	case s.d == g.today && startMin <= g.nowMin:
		// Under way now.
		a.Arrived = start.Add(-time.Duration(r.IntN(16)) * time.Minute)
		if r.Float64() < 0.85 {
			a.Started = start.Add(time.Duration(r.IntN(max(1, min(6, g.nowMin-startMin+1)))) * time.Minute)
			a.Status, a.StatusAt = schedule.StatusInProgress, a.Started
		} else {
			a.Status, a.StatusAt = schedule.StatusArrived, a.Arrived // the clinician is running late
		}
	case s.d == g.today && startMin-g.nowMin <= 20 && r.Float64() < 0.5:
		a.Arrived = now.Add(-time.Duration(r.IntN(max(1, min(15, g.nowMin-startMin+20)))) * time.Minute)
		a.Status, a.StatusAt = schedule.StatusArrived, a.Arrived
	}
	if a.Status == schedule.StatusSeen && s.d == g.today {
		// Today's history has each step; older days keep arrived and seen
		// (a million appointments would otherwise carry four rows each).
		a.Started = a.Arrived.Add(time.Duration(r.IntN(10)) * time.Minute)
		if a.Started.Before(start) {
			a.Started = start.Add(time.Duration(r.IntN(5)) * time.Minute)
		}
	}
	for _, t := range []*time.Time{&a.Arrived, &a.Started, &a.StatusAt} {
		if t.After(now) {
			*t = now
		}
	}
}

func (g *DiaryGenerator) cancel(a *data.HistoricAppointment, status schedule.Status, made, before time.Time) {
	at := made
	if before.After(made) {
		at = made.Add(time.Duration(g.r.Float64() * float64(before.Sub(made))))
	}
	reasons := patientReasons
	if status == schedule.StatusCancelledClinic {
		reasons = clinicReasons
	}
	a.Status, a.StatusAt, a.CancelReason = status, at, reasons[g.r.IntN(len(reasons))]
}

// finishToday makes sure today has a slot freed by a patient's call later
// on, for the waiting list to fill, and notes who is busy.
func (g *DiaryGenerator) finishToday(s *dayState) {
	g.todayBusy = map[string]bool{}
	for id := range s.patients {
		g.todayBusy[id] = true
	}
	pick := -1
	for i, a := range s.out {
		if a.Status == schedule.StatusCancelledPatient && a.StartMin >= g.nowMin && !g.refilled(s, a) {
			pick = i
			break
		}
	}
	if pick < 0 {
		// Turn a booking later today into this morning's cancellation: the
		// latest one, whose slot nobody else holds.
		for i := len(s.out) - 1; i >= 0; i-- {
			if a := s.out[i]; a.Status == schedule.StatusBooked && a.StartMin >= g.nowMin {
				pick = i
				break
			}
		}
		if pick < 0 {
			return
		}
		a := &s.out[pick]
		now := g.o.Now.UTC()
		a.Status, a.CancelReason = schedule.StatusCancelledPatient, "Patient rang: childcare fell through"
		a.StatusAt = now.Add(-time.Duration(g.r.IntN(30)) * time.Minute)
		if a.StatusAt.Before(a.CreatedAt) {
			a.StatusAt = a.CreatedAt
		}
	}
	freed := s.out[pick].Appointment
	g.freed = &freed
}

func (g *DiaryGenerator) refilled(s *dayState, a data.HistoricAppointment) bool {
	for _, b := range s.out {
		if b.ID != a.ID && b.ClinicianID == a.ClinicianID && b.StartMin < a.EndMin && a.StartMin < b.EndMin && b.Status.Occupies() {
			return true
		}
	}
	return false
}

var waitingNotes = map[string][]string{
	"urgent":  {"Acute low back pain: first available, any clinician", "Post-op wound check: needs seeing this week", "Chest infection not settling: GP asked to see soon"},
	"soon":    {"Knee pain after a fall: would like an assessment", "Medication review due", "Blood results to discuss", "Rash not clearing"},
	"routine": {"Annual review", "Would like a longer appointment to discuss several things", "Prefers mornings: works afternoons", "Flexible: can come at short notice", "Follow-up of physio exercises"},
}

// Waiting makes the waiting list: about twenty patients, urgent, soon and
// routine, some wanting one clinician. When today has a freed slot, one
// urgent patient fits it. Call it after the last day.
func (g *DiaryGenerator) Waiting() []data.WaitingEntry {
	r := rand.New(rand.NewPCG(g.o.Seed, 0x3a17))
	n := min(20, len(g.o.Patients)/5)
	var out []data.WaitingEntry
	taken := map[string]bool{}
	patient := func() string {
		for try := 0; try < 100; try++ {
			p := g.o.Patients[r.IntN(len(g.o.Patients))]
			if !taken[p.ID] && !g.todayBusy[p.ID] && !p.DOB.After(g.today) {
				taken[p.ID] = true
				return p.ID
			}
		}
		return ""
	}
	if g.freed != nil && n > 0 {
		if id := patient(); id != "" {
			f := g.freed
			out = append(out, data.WaitingEntry{PatientID: id, Priority: "urgent", Added: g.today.AddDays(-1),
				ClinicianID: f.ClinicianID, Minutes: f.EndMin - f.StartMin, Notes: waitingNotes["urgent"][0]})
		}
	}
	for len(out) < n {
		id := patient()
		if id == "" {
			break
		}
		w := data.WaitingEntry{PatientID: id}
		var days int
		switch u := r.Float64(); {
		case u < 0.15:
			w.Priority, days = "urgent", 1+r.IntN(7)
		case u < 0.5:
			w.Priority, days = "soon", 3+r.IntN(30)
		default:
			w.Priority, days = "routine", 7+r.IntN(120)
		}
		w.Added = g.today.AddDays(-days)
		if len(g.team) > 0 && r.Float64() < 0.5 {
			m := g.team[r.IntN(len(g.team))]
			w.ClinicianID = m.c.ID
			w.Minutes = g.types[m.types[m.pick.pick(r)]].t.Minutes
		}
		switch u := r.Float64(); {
		case u < 0.2:
			w.PartOfDay = "morning"
		case u < 0.35:
			w.PartOfDay = "afternoon"
		}
		list := waitingNotes[w.Priority]
		w.Notes = list[r.IntN(len(list))]
		out = append(out, w)
	}
	return out
}

// DiaryPatients turns a clinic's patient list into who the diary may book.
// A record without a readable date of birth is left out.
func DiaryPatients(briefs []data.PatientBrief) []DiaryPatient {
	out := make([]DiaryPatient, 0, len(briefs))
	for _, b := range briefs {
		dob, err := ukcal.ParseDate(b.DOB)
		if err != nil {
			continue
		}
		out = append(out, DiaryPatient{ID: b.ID, DOB: dob, Female: b.Sex == "female"})
	}
	return out
}
