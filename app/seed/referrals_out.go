package seed

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/schedule"
)

// referralReasons are why a GP refers a patient in, by pathway.
var referralReasons = map[pathways.Kind][]string{
	pathways.RTT: {
		"Knee pain for six months, worse on stairs; X-ray shows moderate osteoarthritis",
		"Lower back pain with sciatica down the left leg for twelve weeks",
		"Right shoulder pain and stiffness, not better after two steroid injections",
		"Hip pain limiting walking to a few hundred yards",
		"Recurrent ankle giving way after a sports injury last year",
		"Neck pain with pins and needles in the right hand",
		"Carpal tunnel symptoms in both hands, waking her at night",
		"Tennis elbow for five months despite rest and a brace",
	},
	pathways.Cancer: {
		"Suspected cancer: a hard, painless lump on the thigh, growing over six weeks",
		"Suspected cancer: bone pain at night and unexplained weight loss",
		"Suspected cancer: a soft tissue swelling of the forearm larger than 5 cm",
	},
	pathways.Other: {
		"Physiotherapy after a total knee replacement",
		"Falls prevention: balance and strength exercises",
		"Self-referral: back pain after lifting at work",
		"Pelvic girdle pain in pregnancy",
		"Rehabilitation after a fractured wrist, out of plaster",
	},
}

var referralDocuments = []string{"GP referral letter", "GP referral letter; X-ray report",
	"GP referral letter; list of current medication", "GP referral letter; MRI report; blood results",
	"Referral form (e-RS)"}

// otherReferrers are referrers in who are not the patient's GP.
var otherReferrers = []pathways.Party{
	{Name: "Mr Adrian Beckett, consultant orthopaedic surgeon", Organisation: "Leeds Teaching Hospitals NHS Trust",
		Address: "Chapel Allerton Hospital\nChapeltown Road\nLeeds\nLS7 4SA", ODSCode: "RR8"},
	{Name: "Emergency Department", Organisation: "Mid Yorkshire Teaching NHS Trust",
		Address: "Pinderfields Hospital\nAberford Road\nWakefield\nWF1 4DG", ODSCode: "RXF"},
	{Name: "Occupational Health", Organisation: "Riverside Council",
		Address: "Civic Hall\nPortland Crescent\nLeeds\nLS1 1UR"},
}

// destinations are where patients are referred out to, with why.
var destinations = []struct {
	party  pathways.Party
	reason string
}{
	{pathways.Party{Name: "Radiology Department", Organisation: "Leeds Teaching Hospitals NHS Trust",
		Address: "St James's University Hospital\nBeckett Street\nLeeds\nLS9 7TF", ODSCode: "RR8"}, "MRI of the lumbar spine: radicular pain not settling"},
	{pathways.Party{Name: "Orthopaedic Outpatients", Organisation: "Leeds Teaching Hospitals NHS Trust",
		Address: "Chapel Allerton Hospital\nChapeltown Road\nLeeds\nLS7 4SA", ODSCode: "RR8"}, "Orthopaedic opinion: knee locking and giving way, ?meniscal tear"},
	{pathways.Party{Name: "Rheumatology Clinic", Organisation: "Harrogate and District NHS Foundation Trust",
		Address: "Harrogate District Hospital\nLancaster Park Road\nHarrogate\nHG2 7SX", ODSCode: "RCD"}, "Inflammatory back pain: morning stiffness over an hour"},
	{pathways.Party{Name: "Pain Management Service", Organisation: "Bradford Teaching Hospitals NHS Foundation Trust",
		Address: "St Luke's Hospital\nLittle Horton Lane\nBradford\nBD5 0NA", ODSCode: "RAE"}, "Chronic widespread pain: help with self-management"},
	{pathways.Party{Name: "MSK Podiatry", Organisation: "Leeds Community Healthcare NHS Trust",
		Address: "Stockdale House\nVictoria Road\nLeeds\nLS6 1PF", ODSCode: "RY6"}, "Plantar heel pain: orthoses assessment"},
	{pathways.Party{Name: "X-ray Department", Organisation: "Leeds Teaching Hospitals NHS Trust",
		Address: "St James's University Hospital\nBeckett Street\nLeeds\nLS9 7TF", ODSCode: "RR8"}, "X-ray of the hip: pain and loss of rotation"},
}

// referrer fills in who referred the patient in, why and what came: most
// often the patient's own GP.
func (g *referralGen) referrer(ref *pathways.Referral, pt ReferralPatient) {
	reasons := referralReasons[ref.Kind]
	ref.Reason = reasons[g.r.IntN(len(reasons))]
	ref.Documents = referralDocuments[g.r.IntN(len(referralDocuments))]
	switch u := g.r.Float64(); {
	case ref.Kind == pathways.Other && strings.HasPrefix(ref.Reason, "Self-referral"):
		ref.Source, ref.Documents = pathways.FromSelf, "Self-referral form"
	case u < 0.88 && pt.GP.Practice != "":
		ref.Source = pathways.FromGP
		ref.Party = pathways.Party{Name: pt.GP.Name, Organisation: pt.GP.Practice, Address: strings.Join(pt.GP.Address, "\n")}
		if g.r.Float64() < 0.7 {
			ref.Party.ODSCode = practiceCode(pt.GP.Practice)
		}
	case u < 0.88:
		ref.Source = pathways.FromGP
		ref.Party = pathways.Party{Name: gpNames[g.r.IntN(len(gpNames))], Organisation: "Out-of-area practice"}
	default:
		ref.Source = pathways.FromClinic
		ref.Party = otherReferrers[g.r.IntN(len(otherReferrers))]
		ref.Documents = "Referral letter"
	}
}

// practiceCode is a made-up ODS code of a GP practice's form (a letter
// and five digits), the same for every patient of the practice.
func practiceCode(practice string) string {
	h := 0
	for _, b := range []byte(practice) {
		h = (h*31 + int(b)) % 1000003
	}
	return fmt.Sprintf("%c%05d", "BCDEFGHJKLMNPY"[h%14], h%100000)
}

// referralOut makes one referral out: sent on a day over the years,
// a reply due in four weeks (two when urgent), chased when it is late,
// and mostly answered; the manager files most answered long ago.
func (g *referralGen) referralOut(p refPlan, diary []schedule.Appointment) app.HistoricReferral {
	pt := g.o.Patients[p.patient]
	d := destinations[g.r.IntN(len(destinations))]
	ref := pathways.Referral{PatientID: pt.ID, Direction: pathways.Out, Party: d.party, Reason: d.reason,
		Urgency: pathways.Routine, Kind: pathways.Other, OwnerID: g.desk(), Documents: "Referral letter; examination findings"}
	if g.r.Float64() < 0.25 {
		ref.Urgency = pathways.Urgent
	}
	from := g.firstDay(p.patient)
	ref.Date = g.between(from, 0, max(0, from.DaysUntil(g.today)))
	ref.CreatedBy, ref.CreatedAt = g.desk(), g.office(ref.Date, 9+g.r.IntN(8))
	// The clinician who asked for it: the one who last saw the patient.
	ref.ClinicianID = g.clinician().ID
	for _, a := range diary {
		if a.Status == schedule.StatusSeen && !a.Date.After(ref.Date) {
			ref.ClinicianID = a.ClinicianID
		}
	}
	due := 28
	if ref.Urgency == pathways.Urgent {
		due = 14
	}
	ref.ReplyDueBy = ref.Date.AddDays(due)
	reply := g.between(ref.Date, 7, due+21)
	answered := g.r.Float64() < 0.85 && !reply.After(g.today)
	for chase := g.region.AddWorkingDays(ref.ReplyDueBy, 1); len(ref.ChaseDates) < 2; chase = chase.AddDays(14) {
		if answered && !chase.Before(reply) {
			break
		}
		ref.ChaseDates = append(ref.ChaseDates, chase)
	}
	if !answered && ref.Date.DaysUntil(g.today) > 90 && g.o.ManagerID != "" {
		// Chased twice and never answered: the manager closed it long ago.
		at := g.office(ref.ChaseDates[len(ref.ChaseDates)-1].AddDays(7+g.r.IntN(21)), 9+g.r.IntN(8))
		ref.ClosedBy, ref.ClosedAt, ref.CloseReason = g.o.ManagerID, at, "No reply after two chases: the clinician and the GP were told"
	}
	if answered {
		ref.ReplyOn = reply
		if reply.DaysUntil(g.today) > 60 && g.r.Float64() < 0.7 && g.o.ManagerID != "" {
			at := g.office(reply.AddDays(3+g.r.IntN(28)), 9+g.r.IntN(8))
			if at.Before(ref.CreatedAt) {
				at = ref.CreatedAt
			}
			if now := g.o.Now.UTC(); at.After(now) {
				at = now
			}
			ref.ClosedBy, ref.ClosedAt, ref.CloseReason = g.o.ManagerID, at, "Reply received and filed on the patient's record"
		}
	}
	return app.HistoricReferral{Referral: ref}
}
