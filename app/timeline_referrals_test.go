package app

import (
	"strings"
	"testing"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

// timelineReferralTitles are the referral entries of a patient's timeline.
func timelineReferralTitles(t *testing.T, c *Clinic, patientID string) []string {
	t.Helper()
	entries, err := c.Timeline(patientID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Kind == "referral" {
			if e.ReferralID == "" {
				t.Errorf("%q names no referral to open", e.Title)
			}
			out = append(out, e.Title+" | "+e.By)
		}
	}
	return out
}

func TestTimelineShowsReferralsInAndOutWithTheirEvents(t *testing.T) { // today is Monday 23 November 2026
	d := newDiary(t)
	c := d.c
	doc := addUser(t, c, "drevans", Clinician)
	d.evans.UserID = doc.ID
	if _, err := c.SaveClinician(d.evans); err != nil {
		t.Fatal(err)
	}
	in := gpReferral(d.zoe.ID, "2026-11-02")
	in.ClinicianID = d.evans.ID
	r := addReferral(t, c, in)
	out := addReferral(t, c, pathways.Referral{PatientID: d.zoe.ID, Direction: pathways.Out, Date: ukcal.MustParseDate("2026-11-10"),
		Party: pathways.Party{Organisation: "York Hospital Radiology"}, Urgency: pathways.Urgent, Reason: "MRI of the knee"})
	if _, err := c.RecordReferralEvent(r.ID, pathways.DecisionToTreat, ukcal.MustParseDate("2026-11-20"), "surgery agreed"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CloseReferral(out.ID, "sent in error"); err != nil {
		t.Fatal(err)
	}

	got := strings.Join(timelineReferralTitles(t, c, d.zoe.ID), "\n")
	for _, want := range []string{
		"Referral received 02/11/2026 from Dr A Khan, Harbour Medical Practice | amanager",
		"Referral sent 10/11/2026 to York Hospital Radiology | amanager",
		"Referral: Decision to treat on 20/11/2026 | amanager",
		"Referral pathway closed | amanager",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the timeline lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Referral: Referral received") {
		t.Errorf("the receipt shows twice:\n%s", got)
	}

	// A clinician sees their own referral on the timeline, not the other.
	if err := c.SignIn("drevans", "staff-password-drevans"); err != nil {
		t.Fatal(err)
	}
	got = strings.Join(timelineReferralTitles(t, c, d.zoe.ID), "\n")
	if !strings.Contains(got, "Referral received 02/11/2026") || strings.Contains(got, "York Hospital") {
		t.Errorf("the clinician's timeline shows:\n%s", got)
	}
}
