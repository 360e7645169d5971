package seed

import (
	"math/rand/v2"

	"clinicdesk/app/schedule"
)

var waitingNotes = map[string][]string{
	"urgent":  {"Acute low back pain: first available, any clinician", "Post-op wound check: needs seeing this week", "Chest infection not settling: GP asked to see soon"},
	"soon":    {"Knee pain after a fall: would like an assessment", "Medication review due", "Blood results to discuss", "Rash not clearing"},
	"routine": {"Annual review", "Would like a longer appointment to discuss several things", "Prefers mornings: works afternoons", "Flexible: can come at short notice", "Follow-up of physio exercises"},
}

// Waiting makes the waiting list: about twenty patients, urgent, soon and
// routine, some wanting one clinician. When today has a freed slot, one
// urgent patient fits it. Call it after the last day.
func (g *DiaryGenerator) Waiting() []schedule.WaitingEntry {
	r := rand.New(rand.NewPCG(g.o.Seed, 0x3a17))
	n := min(20, len(g.o.Patients)/5)
	var out []schedule.WaitingEntry
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
			out = append(out, schedule.WaitingEntry{PatientID: id, Priority: "urgent", Added: g.today.AddDays(-1),
				ClinicianID: f.ClinicianID, Minutes: f.EndMin - f.StartMin, Notes: waitingNotes["urgent"][0]})
		}
	}
	for len(out) < n {
		id := patient()
		if id == "" {
			break
		}
		w := schedule.WaitingEntry{PatientID: id}
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
