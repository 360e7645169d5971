package seed

// The complaints register: a few complaints a month over the years of
// history, the way a small clinic gets them. Most are about appointments,
// waiting and attitude at the desk; most are made in writing or by email,
// some at the desk or on the phone, and about half of those are put right
// by the next working day. The rest follow the regulations: acknowledged
// within three working days (now and then late), investigated, answered
// within the agreed period with a finding signed off by the practice
// manager, and closed; one goes on to the Ombudsman. As of today a few are
// still open, and two are overdue: one not yet acknowledged, one whose
// final response is late.

import (
	"math/rand/v2"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// ComplaintOptions say what register Complaints makes.
type ComplaintOptions struct {
	// Seed picks the register: the same options give the same complaints.
	Seed uint64
	// Now is the clinic's present; nothing happens after it.
	Now time.Time
	// Years of history before today (at least the last few months are
	// always made, so the lists have something in them).
	Years int
	// PerMonth is the average number of complaints a month; 0 means 3.
	PerMonth float64
	// Patients the complaints may be about.
	Patients []patients.PatientBrief
	// Region decides the working days; zero is England and Wales.
	Region ukcal.Region
	// Desk logs and acknowledges (user names, e.g. the receptionists);
	// Manager decides, and ManagerName signs the final responses.
	Desk        []string
	Manager     string
	ManagerName string
	// OwnerID, when set, owns the open complaints (a user id).
	OwnerID string
}

// complaintTopic is a kind of complaint with what it is about and who.
type complaintTopic struct {
	subjects    []complaints.SubjectArea
	groups      []complaints.StaffGroup
	description string
	desired     string
	weight      float64
}

var complaintTopics = []complaintTopic{
	{[]complaints.SubjectArea{complaints.SubjectAppointments}, []complaints.StaffGroup{complaints.StaffAdministration},
		"Could not get through on the phone at 8am for three days running; when I did, there were no appointments left.",
		"A way to book that does not mean ringing at 8am", 5},
	{[]complaints.SubjectArea{complaints.SubjectWaitingTimes}, []complaints.StaffGroup{complaints.StaffAdministration},
		"Waited 50 minutes past my appointment time with no explanation and missed my bus.",
		"To be told when the clinic is running late", 4},
	{[]complaints.SubjectArea{complaints.SubjectStaffAttitude}, []complaints.StaffGroup{complaints.StaffAdministration},
		"The receptionist was short with me and discussed my appointment loudly in front of the waiting room.",
		"An apology", 3},
	{[]complaints.SubjectArea{complaints.SubjectClinical, complaints.SubjectCommunications}, []complaints.StaffGroup{complaints.StaffGP},
		"The doctor did not examine my knee and told me to take painkillers; a week later it turned out to be a torn ligament.",
		"An explanation and a review of my care", 2},
	{[]complaints.SubjectArea{complaints.SubjectPrescribing}, []complaints.StaffGroup{complaints.StaffGP, complaints.StaffAdministration},
		"My repeat prescription was not ready although I had ordered it a week before.",
		"The prescription sorted out and an apology", 2},
	{[]complaints.SubjectArea{complaints.SubjectCommunications}, []complaints.StaffGroup{complaints.StaffAlliedHealth},
		"Nobody told me my physiotherapy was cancelled until I arrived.",
		"To be phoned if an appointment is cancelled", 2},
	{[]complaints.SubjectArea{complaints.SubjectPrivacyDignity}, []complaints.StaffGroup{complaints.StaffNursing},
		"The door was left open while I was undressed for my dressing change.",
		"Assurance it will not happen again", 1},
	{[]complaints.SubjectArea{complaints.SubjectFacilities}, []complaints.StaffGroup{complaints.StaffOther},
		"There is no step-free way in when the side ramp is blocked by bins.",
		"The ramp kept clear", 1},
	{[]complaints.SubjectArea{complaints.SubjectAdministration}, []complaints.StaffGroup{complaints.StaffAdministration},
		"My address was changed on the wrong record and my letter went to someone else.",
		"My records corrected and an explanation", 1},
}

var relatives = []string{"Mrs Janet Hughes (daughter)", "Mr Tomasz Nowak (son)", "Ms Aisha Rahman (carer)",
	"Mr Gareth Price (husband)", "Mrs Ngozi Okafor (mother)", "Ms Siobhán Byrne (sister)"}

var others = []string{"Mr Derek Holt (neighbour)", "Ms Priya Nair (visitor)", "Mr Alan Reid (carer from an agency)"}

// complaintGenerator is the state of one Complaints run.
type complaintGenerator struct {
	o      ComplaintOptions
	r      *rand.Rand
	today  ukcal.Date
	topics cdf
}

// Complaints makes a register of complaints received over the years before
// o.Now, each with the history it would have by now, for
// app.Clinic.AddComplaintHistory. Complaints made by or for a patient are
// linked to one of o.Patients; with no patients, every complainant is
// someone else.
func Complaints(o ComplaintOptions) []app.HistoricComplaint {
	if o.PerMonth <= 0 {
		o.PerMonth = 3
	}
	if o.Manager == "" {
		o.Manager = "manager"
	}
	if o.ManagerName == "" {
		o.ManagerName = "the practice manager"
	}
	if len(o.Desk) == 0 {
		o.Desk = []string{o.Manager}
	}
	weights := make([]float64, len(complaintTopics))
	for i, t := range complaintTopics {
		weights[i] = t.weight
	}
	g := &complaintGenerator{o: o, r: rand.New(rand.NewPCG(o.Seed, 0xC0391A17)), today: ukcal.Today(o.Now), topics: newCDF(weights)}
	months := max(o.Years*12, 4)
	start := g.today.AddMonths(-months)
	var out []app.HistoricComplaint
	referred := false
	for day := start; day.Before(g.today.AddDays(-30)); day = day.AddDays(1) {
		// About PerMonth a month, on any day (letters and emails arrive at weekends).
		if g.r.Float64() >= o.PerMonth/30.4 {
			continue
		}
		h := g.complaint(day, !referred && day.After(g.today.AddMonths(-10)))
		out = append(out, h)
		referred = referred || last(h).To == complaints.ReferredPHSO
	}
	// The last month: a few still open, two of them overdue.
	return append(out, g.recent()...)
}

func last(h app.HistoricComplaint) app.HistoricMove {
	if len(h.Moves) == 0 {
		return app.HistoricMove{To: complaints.Received}
	}
	return h.Moves[len(h.Moves)-1]
}

// at is 10:00 plus a few minutes on the clinic date, as an instant.
func (g *complaintGenerator) at(d ukcal.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 9+g.r.IntN(7), g.r.IntN(60), 0, 0, ukcal.London())
}

func (g *complaintGenerator) desk() string { return g.o.Desk[g.r.IntN(len(g.o.Desk))] }

// details makes what was logged for a complaint received on the day.
func (g *complaintGenerator) details(day ukcal.Date, ch complaints.Channel) complaints.Details {
	t := complaintTopics[g.topics.pick(g.r)]
	d := complaints.Details{Channel: ch, Received: day, Subjects: t.subjects, StaffGroups: t.groups,
		Description: t.description, DesiredOutcome: t.desired, Events: day.AddDays(-g.r.IntN(21) - 1)}
	switch u := g.r.Float64(); {
	case len(g.o.Patients) > 0 && u < 0.7:
		d.Complainant, d.PatientID = complaints.ComplainantPatient, g.patient(day)
	case len(g.o.Patients) > 0 && u < 0.9:
		d.Complainant, d.PatientID = complaints.ComplainantOnBehalf, g.patient(day)
		d.ComplainantName = relatives[g.r.IntN(len(relatives))]
		d.Consent, d.ConsentDate = complaints.ConsentGiven, day
		d.ConsentNote = "Signed consent form received"
	default:
		d.Complainant, d.ComplainantName = complaints.ComplainantOther, others[g.r.IntN(len(others))]
	}
	if d.PatientID == "" && d.Complainant != complaints.ComplainantOther {
		d.Complainant, d.ComplainantName = complaints.ComplainantOther, others[g.r.IntN(len(others))]
		d.Consent, d.ConsentDate, d.ConsentNote = complaints.ConsentNotRecorded, ukcal.Date{}, ""
	}
	return d
}

// patient picks a patient born by the day.
func (g *complaintGenerator) patient(day ukcal.Date) string {
	for range 8 {
		p := g.o.Patients[g.r.IntN(len(g.o.Patients))]
		if !p.DOB.IsZero() && !p.DOB.After(day) {
			return p.ID
		}
	}
	return ""
}

var outcomeWeights = newCDF([]float64{3, 3, 4}) // upheld, partially upheld, not upheld

func (g *complaintGenerator) outcome() complaints.Outcome {
	return complaints.Outcomes()[outcomeWeights.pick(g.r)]
}

// workingDay is the first working day on or after d.
func (g *complaintGenerator) workingDay(d ukcal.Date) ukcal.Date {
	if g.o.Region.IsWorkingDay(d) {
		return d
	}
	return g.o.Region.NextWorkingDay(d)
}

// complaint makes one complaint received on the day and everything that
// happened to it up to today; phso lets it go on to the Ombudsman.
func (g *complaintGenerator) complaint(day ukcal.Date, phso bool) app.HistoricComplaint {
	r := g.o.Region
	channel := []complaints.Channel{complaints.Written, complaints.Email, complaints.Email, complaints.Oral}[g.r.IntN(4)]
	if channel == complaints.Oral {
		day = g.workingDay(day) // made at the desk or on the phone, when open
	}
	h := app.HistoricComplaint{Details: g.details(day, channel), LoggedAt: g.at(day), LoggedBy: g.desk()}
	move := func(to complaints.Status, on ukcal.Date, by string, outcome complaints.Outcome, signed, note string) bool {
		at := g.at(on)
		if prev := last(h); len(h.Moves) > 0 && !at.After(prev.At) {
			at = prev.At.Add(time.Hour)
		}
		if !at.After(h.LoggedAt) {
			at = h.LoggedAt.Add(time.Hour)
		}
		if ukcal.Today(at).After(g.today) || at.After(g.o.Now) {
			return false
		}
		h.Moves = append(h.Moves, app.HistoricMove{To: to, At: at, By: by, Outcome: outcome, SignedOffBy: signed, Note: note})
		return true
	}
	if channel == complaints.Oral && g.r.IntN(2) == 0 {
		move(complaints.Closed, r.AddWorkingDays(day, g.r.IntN(2)), g.o.Manager, g.outcome(), "",
			"Resolved with the complainant by phone: apology given")
		return h
	}
	ackDays := 1 + g.r.IntN(3)
	if g.r.IntN(12) == 0 {
		ackDays = 4 + g.r.IntN(3) // now and then late
	}
	ack := r.AddWorkingDays(day, ackDays)
	if !move(complaints.Acknowledged, ack, g.desk(), "", "", "") {
		return h
	}
	if !move(complaints.Investigating, r.AddWorkingDays(ack, 1+g.r.IntN(4)), g.o.Manager, "", "", "") {
		return h
	}
	outcome := g.outcome()
	respond := r.AddWorkingDays(day, 10+g.r.IntN(15))
	if g.r.IntN(15) == 0 {
		respond = r.AddWorkingDays(day, 27+g.r.IntN(10)) // answered late
	}
	if !move(complaints.ResponseSent, respond, g.o.Manager, outcome, g.o.ManagerName, "") {
		return h
	}
	h.Notes = append(h.Notes, complaints.Note{Kind: app.ComplaintLearningKind, By: g.o.Manager, At: last(h).At,
		Body: "Discussed at the team meeting; reminder sent to all staff."})
	if phso {
		move(complaints.ReferredPHSO, respond.AddDays(20+g.r.IntN(30)), g.o.Manager, "", "",
			"The complainant has asked the Parliamentary and Health Service Ombudsman to review the complaint")
		return h
	}
	move(complaints.Closed, r.AddWorkingDays(respond, 5+g.r.IntN(10)), g.o.Manager, "", "", "")
	return h
}

// recent makes the last month's complaints: one received today, one due
// to be acknowledged soon, one not acknowledged in time, and one whose
// final response is late.
func (g *complaintGenerator) recent() []app.HistoricComplaint {
	r := g.o.Region
	today := g.workingDayBack(g.today)
	var out []app.HistoricComplaint
	add := func(day ukcal.Date, ch complaints.Channel, moves ...app.HistoricMove) {
		h := app.HistoricComplaint{Details: g.details(day, ch), LoggedAt: g.at(day), LoggedBy: g.desk(), Moves: moves}
		h.Details.OwnerID = g.o.OwnerID
		for i := range h.Moves {
			if !h.Moves[i].At.After(h.LoggedAt) {
				h.Moves[i].At = h.LoggedAt.Add(time.Duration(i+1) * time.Hour)
			}
		}
		out = append(out, h)
	}
	// Not acknowledged: received six working days ago.
	add(r.AddWorkingDays(today, -6), complaints.Written)
	// Final response late: received 40 working days ago, 25 agreed.
	late := r.AddWorkingDays(today, -40)
	add(late, complaints.Email,
		app.HistoricMove{To: complaints.Acknowledged, At: g.at(r.AddWorkingDays(late, 2)), By: g.desk()},
		app.HistoricMove{To: complaints.Investigating, At: g.at(r.AddWorkingDays(late, 4)), By: g.o.Manager})
	// Due soon: received the working day before today.
	add(r.AddWorkingDays(today, -1), complaints.Email)
	// Under investigation, in time.
	mid := r.AddWorkingDays(today, -12)
	add(mid, complaints.Written,
		app.HistoricMove{To: complaints.Acknowledged, At: g.at(r.AddWorkingDays(mid, 1)), By: g.desk()},
		app.HistoricMove{To: complaints.Investigating, At: g.at(r.AddWorkingDays(mid, 3)), By: g.o.Manager})
	return out
}

// workingDayBack is the last working day on or before d.
func (g *complaintGenerator) workingDayBack(d ukcal.Date) ukcal.Date {
	for !g.o.Region.IsWorkingDay(d) {
		d = d.AddDays(-1)
	}
	return d
}
