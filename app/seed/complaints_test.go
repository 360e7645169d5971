package seed

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/kdf"
	"clinicdesk/app/practice"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

func TestComplaintsAreAPlausibleRegisterThatTheAppAccepts(t *testing.T) {
	now := testclock.Base()
	c, _, err := app.Create(app.Setup{Path: filepath.Join(t.TempDir(), "clinic.db"),
		Clinic:  practice.Details{Name: "Seeded Clinic"},
		Manager: app.NewUser{Username: "manager", FullName: "Mo Manager", Password: "tidal-copper-wren-1"},
		KDF:     kdf.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1},
		Now:     func() time.Time { return now }}) // "overdue as of today" is the register's today
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	g := New(Options{Seed: 7, Today: ukcal.Today(now)})
	rows := make([]app.ImportRow, 40)
	for i := range rows {
		rows[i] = app.ImportRow{Line: i + 1, Patient: g.Next()}
	}
	if _, err := c.ImportPatients(rows, app.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	patients, err := c.ActivePatientBriefs()
	if err != nil {
		t.Fatal(err)
	}
	o := ComplaintOptions{Seed: 7, Now: now, Years: 2, Patients: patients, Manager: "manager", ManagerName: "Mo Manager"}
	batch := Complaints(o)
	if again := Complaints(o); !reflect.DeepEqual(batch, again) {
		t.Fatal("the same options gave a different register")
	}
	if other := Complaints(ComplaintOptions{Seed: 8, Now: now, Years: 2, Patients: patients}); reflect.DeepEqual(batch, other) {
		t.Fatal("another seed gave the same register")
	}
	if n := len(batch); n < 2*12*2 || n > 2*12*5 {
		t.Fatalf("%d complaints over two years: not a few a month", n)
	}
	channels := map[complaints.Channel]int{}
	finals := map[complaints.Status]int{}
	outcomes := map[complaints.Outcome]int{}
	subjects := map[complaints.SubjectArea]bool{}
	linked := 0
	for _, h := range batch {
		channels[h.Details.Channel]++
		finals[last(h).To]++
		for _, m := range h.Moves {
			if m.Outcome != complaints.NoOutcome {
				outcomes[m.Outcome]++
			}
		}
		for _, s := range h.Details.Subjects {
			subjects[s] = true
		}
		if h.Details.PatientID != "" {
			linked++
		}
	}
	if len(channels) != 3 || len(outcomes) != 3 || len(subjects) < 6 || finals[complaints.ReferredPHSO] != 1 ||
		finals[complaints.Closed] < len(batch)/2 || linked < len(batch)/2 {
		t.Fatalf("not a spread: channels %v, outcomes %v, %d subjects, final statuses %v, %d linked",
			channels, outcomes, len(subjects), finals, linked)
	}

	n, err := c.AddComplaintHistory(batch)
	if err != nil || n != len(batch) {
		t.Fatalf("the app refused the register: %d, %v", n, err)
	}
	over, err := c.OverdueComplaints()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, r := range over {
		kinds[r.Next.Key] = true
	}
	if !kinds["acknowledge_by"] || !kinds["response_due"] {
		t.Fatalf("overdue as of today: %+v", kinds)
	}
	all, err := c.ListComplaints(app.ComplaintQuery{})
	if err != nil {
		t.Fatal(err)
	}
	resolvedNextDay := 0
	for _, r := range all {
		if r.ResolvedNextDay {
			resolvedNextDay++
		}
	}
	if resolvedNextDay == 0 {
		t.Fatal("no oral complaint was resolved by the next working day")
	}
	// The last whole financial year (April to March) before today.
	year := now.Year() - 2
	if now.Month() >= time.April {
		year++
	}
	rep, err := c.ComplaintsReturn(year)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Count(complaints.MeasureNew) == 0 || len(rep.Warnings) != 0 {
		t.Fatalf("%d-%02d return: %d new, warnings %v", year, (year+1)%100, rep.Count(complaints.MeasureNew), rep.Warnings)
	}
}
