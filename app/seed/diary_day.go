package seed

import (
	"slices"
	"time"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
)

// dayState is what one day has taken so far.
type dayState struct {
	d        ukcal.Date
	clinBusy map[string][]schedule.Span
	roomBusy map[int][]schedule.Span
	patients map[string]bool
	out      []schedule.HistoricAppointment
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
func (g *DiaryGenerator) NextDay() (day ukcal.Date, appts []schedule.HistoricAppointment, ok bool) {
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
	for _, a := range g.prior[d] {
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
	a := schedule.HistoricAppointment{Appointment: schedule.Appointment{ID: newID(), TypeID: t.t.ID,
		Slot: schedule.Slot{ClinicianID: m.c.ID, Date: s.d, StartMin: int(sp.Start), EndMin: int(sp.End)}}}
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
	b := schedule.HistoricAppointment{Appointment: schedule.Appointment{ID: newID(), TypeID: a.TypeID, Slot: a.Slot}}
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
func (g *DiaryGenerator) patientFor(s *dayState, t typeInfo, a *schedule.HistoricAppointment) bool {
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
func (g *DiaryGenerator) status(s *dayState, a *schedule.HistoricAppointment, refill bool) {
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

func (g *DiaryGenerator) cancel(a *schedule.HistoricAppointment, status schedule.Status, made, before time.Time) {
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

func (g *DiaryGenerator) refilled(s *dayState, a schedule.HistoricAppointment) bool {
	for _, b := range s.out {
		if b.ID != a.ID && b.ClinicianID == a.ClinicianID && b.StartMin < a.EndMin && a.StartMin < b.EndMin && b.Status.Occupies() {
			return true
		}
	}
	return false
}
