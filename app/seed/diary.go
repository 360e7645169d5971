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

	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
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
	Settings   schedule.CalendarSettings
	Clinicians []schedule.Clinician
	Rooms      []schedule.Room
	Types      []schedule.AppointmentType
	Closures   []schedule.Closure
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
	c     schedule.Clinician
	hours schedule.WeekHours
	types []int // indices into g.types this clinician books
	pick  cdf
	mean  float64 // mean minutes of what they book
}

// typeInfo is an appointment type as the generator books it.
type typeInfo struct {
	t        schedule.AppointmentType
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
	closed []schedule.Closure
	today  ukcal.Date
	nowMin int
	team   []member
	types  []typeInfo
	pools  map[who]*pool
	days   []ukcal.Date
	target []float64 // appointments wanted per day
	full   map[ukcal.Date]bool
	next   int
	prior  map[ukcal.Date][]schedule.Appointment // existing, by date

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
		prior:  map[ukcal.Date][]schedule.Appointment{},
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

// Days are the working days the diary covers, oldest first.
func (g *DiaryGenerator) Days() []ukcal.Date { return slices.Clone(g.days) }

// DiaryPatients turns a clinic's patient list into who the diary may book.
// A record without a date of birth is left out.
func DiaryPatients(briefs []patients.PatientBrief) []DiaryPatient {
	out := make([]DiaryPatient, 0, len(briefs))
	for _, b := range briefs {
		if b.DOB.IsZero() {
			continue
		}
		out = append(out, DiaryPatient{ID: b.ID, DOB: b.DOB, Female: b.Sex == "female"})
	}
	return out
}
