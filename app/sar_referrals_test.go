package app

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"clinicdesk/app/pathways"
)

// The copy holds the patient's referrals and each step on their pathways,
// in the PDF and the JSON, and a task's note with the task.
func TestSubjectAccessCopyHoldsReferralsAndTaskNotes(t *testing.T) {
	c, _ := sarClinic(t)
	p := sarPatient(t, c)
	in := gpReferral(p.ID, "2026-11-02")
	in.Party.Address = "4 Quay Street\nSwansea\nSA1 1AA"
	in.AcknowledgedOn = sd("2026-11-03") // so no rule's task joins the one below
	r := addReferral(t, c, in)
	if _, err := c.RecordReferralEvent(r.ID, pathways.FirstAppointmentBooked, sd("2026-11-10"), "booked by phone"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.NewTask(TaskInput{Title: "Send the exercise sheet", Note: "large print, 18 point", PatientID: p.ID, Due: sd("2026-11-27")}); err != nil {
		t.Fatal(err)
	}
	req, err := c.LogSAR(SARLog{PatientID: p.ID, Received: sd("2026-11-20"), IdentityCheck: "known to the practice"})
	if err != nil {
		t.Fatal(err)
	}
	var pdf, js bytes.Buffer
	if _, err := c.ProduceSAR(req.ID, &pdf, &js); err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, pdf.Bytes())
	for _, want := range []string{"4. Referrals", "Referrals to us and from us (1 referral)",
		"Referral to us from Dr A Khan, Harbour Medical Practice (your GP): routine, for knee pain for six months",
		"10 November 2026: First appointment booked. Booked by phone. Recorded by Ann Manager.",
		"Send the exercise sheet large print, 18 point"} {
		if !strings.Contains(text, want) {
			t.Errorf("the copy lacks %q:\n%s", want, text)
		}
	}
	var cp struct {
		Referrals []struct {
			ID       string `json:"id"`
			Source   string `json:"source"`
			Referrer struct {
				Address string `json:"address"`
			} `json:"other_party"`
			Events []struct {
				Kind struct{ Code string } `json:"kind"`
				On   string                `json:"on"`
				Note string                `json:"note"`
			} `json:"events"`
		} `json:"referrals"`
		FollowUps []struct {
			Note string `json:"note"`
		} `json:"follow_ups"`
	}
	if err := json.Unmarshal(js.Bytes(), &cp); err != nil {
		t.Fatal(err)
	}
	if len(cp.Referrals) != 1 || cp.Referrals[0].ID != r.ID || cp.Referrals[0].Source != "gp" ||
		cp.Referrals[0].Referrer.Address != "4 Quay Street\nSwansea\nSA1 1AA" || len(cp.Referrals[0].Events) != 2 ||
		cp.Referrals[0].Events[1].Kind.Code != "first_appointment_booked" || cp.Referrals[0].Events[1].Note != "booked by phone" {
		t.Errorf("the JSON's referrals: %+v", cp.Referrals)
	}
	if len(cp.FollowUps) != 1 || cp.FollowUps[0].Note != "large print, 18 point" {
		t.Errorf("the JSON's tasks: %+v", cp.FollowUps)
	}
}
