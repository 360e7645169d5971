package app

import (
	"strings"

	"clinicdesk/app/letters"
	"clinicdesk/app/pathways"
)

// A subject access copy holds the patient's referrals, in and out, with
// every step recorded on their pathways: they are personal data as much
// as the appointments are.

// sarReferrals are the referrals as the copy prints them.
func (g *sarGathered) sarReferrals() []letters.SARReferral {
	out := make([]letters.SARReferral, 0, len(g.referrals))
	for _, r := range g.referrals {
		sr := letters.SARReferral{Date: r.Date, What: sarReferralWhat(r), Status: sarReferralStatus(r)}
		for _, e := range g.referralEvents[r.ID] {
			sr.Events = append(sr.Events, letters.SARPathwayEvent{On: e.On, What: e.Kind.Label(), By: g.ownerName(e.By), Note: e.Note})
		}
		out = append(out, sr)
	}
	return out
}

// sarReferralWhat is one referral in a sentence: who referred the patient
// to us (or where we referred them), how urgently, and why.
func sarReferralWhat(r pathways.Referral) string {
	var what string
	switch {
	case r.Direction == pathways.Out:
		what = "Our referral of you to " + r.Party.Named("another service")
	case r.Source == pathways.FromSelf:
		what = "Your own referral to us"
	case r.Source == pathways.FromGP:
		what = "Referral to us from " + r.Party.Named("your GP") + " (your GP)"
	default:
		what = "Referral to us from " + r.Party.Named("another service")
	}
	what += ": " + strings.ToLower(r.Urgency.Label())
	if r.Reason != "" {
		what += ", for " + r.Reason
	}
	if r.Documents != "" {
		what += "\nWith it: " + r.Documents
	}
	return what
}

// sarReferralStatus is where the referral stands, in words.
func sarReferralStatus(r pathways.Referral) string {
	if r.Status == pathways.StatusClosed && r.CloseReason != "" {
		return "Closed: " + r.CloseReason
	}
	return r.Status.Label()
}

// sarJSONReferral is a referral in the computer-readable copy.
type sarJSONReferral struct {
	ID             string             `json:"id"`
	Direction      string             `json:"direction"` // in, out
	Source         string             `json:"source"`    // in: gp, clinic, self
	Referrer       sarJSONParty       `json:"other_party"`
	Date           string             `json:"date"` // received (in) or sent (out)
	Urgency        sarJSONCode        `json:"urgency"`
	Pathway        sarJSONCode        `json:"pathway"`
	Reason         string             `json:"reason"`
	Documents      string             `json:"documents"`
	Status         sarJSONCode        `json:"status"`
	AcknowledgedOn *string            `json:"acknowledged_on"`
	ReplyDueBy     *string            `json:"reply_due_by"`
	ChaseDates     []string           `json:"chase_dates"`
	ReplyOn        *string            `json:"reply_on"`
	CloseReason    string             `json:"close_reason"`
	ClosedAt       *string            `json:"closed_at"`
	CreatedAt      *string            `json:"created_at"`
	Events         []sarJSONPathEvent `json:"events"`
}

type sarJSONParty struct {
	Name         string `json:"name"`
	Organisation string `json:"organisation"`
	Address      string `json:"address"`
	ODSCode      string `json:"ods_code"`
}

type sarJSONPathEvent struct {
	ID         string      `json:"id"`
	Kind       sarJSONCode `json:"kind"`
	On         string      `json:"on"`
	Note       string      `json:"note"`
	RecordedAt *string     `json:"recorded_at"`
	RecordedBy string      `json:"recorded_by"` // the member of staff's name
}

// jsonReferrals are the referrals for the computer-readable copy.
func (g *sarGathered) jsonReferrals() []sarJSONReferral {
	out := make([]sarJSONReferral, 0, len(g.referrals))
	for _, r := range g.referrals {
		jr := sarJSONReferral{ID: r.ID, Direction: string(r.Direction), Source: string(r.Source),
			Referrer: sarJSONParty{Name: r.Party.Name, Organisation: r.Party.Organisation, Address: r.Party.Address, ODSCode: r.Party.ODSCode},
			Date:     r.Date.String(), Urgency: sarJSONCode{Code: string(r.Urgency), Label: r.Urgency.Label()},
			Pathway: sarJSONCode{Code: string(r.Kind), Label: r.Kind.Label()}, Reason: r.Reason, Documents: r.Documents,
			Status: sarJSONCode{Code: string(r.Status), Label: r.Status.Label()}, AcknowledgedOn: sarDateJSON(r.AcknowledgedOn),
			ReplyDueBy: sarDateJSON(r.ReplyDueBy), ChaseDates: []string{}, ReplyOn: sarDateJSON(r.ReplyOn),
			CloseReason: r.CloseReason, ClosedAt: sarInstant(r.ClosedAt), CreatedAt: sarInstant(r.CreatedAt),
			Events: []sarJSONPathEvent{}}
		for _, d := range r.ChaseDates {
			jr.ChaseDates = append(jr.ChaseDates, d.String())
		}
		for _, e := range g.referralEvents[r.ID] {
			jr.Events = append(jr.Events, sarJSONPathEvent{ID: e.ID, Kind: sarJSONCode{Code: string(e.Kind), Label: e.Kind.Label()},
				On: e.On.String(), Note: e.Note, RecordedAt: sarInstant(e.At), RecordedBy: g.ownerName(e.By)})
		}
		out = append(out, jr)
	}
	return out
}
