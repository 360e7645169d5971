package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/seed"
	"clinicdesk/app/ukcal"
)

// The bench's figures are not asserted (timings belong to `clinicdesk
// bench`, not tests); its shape is: SPEC §3's JSON with the rows this build
// measures, ten appointments per patient, and the calendar rows.
func TestBenchPrintsTheSpecJSON(t *testing.T) {
	r := run("", "bench", "--patients", "20", "--json")
	if r.code != 0 {
		t.Fatalf("bench: %+v", r)
	}
	var report struct {
		Patients     *int `json:"patients"`
		Appointments *int `json:"appointments"`
		Results      []struct {
			Name   string   `json:"name"`
			N      *int     `json:"n"`
			P50    *float64 `json:"p50_ms"`
			P95    *float64 `json:"p95_ms"`
			Target *float64 `json:"target_ms"`
			Note   string   `json:"note"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if report.Patients == nil || report.Appointments == nil {
		t.Fatalf("missing patients/appointments: %s", r.stdout)
	}
	if *report.Patients != 20 {
		t.Fatalf("patients: %d, want the 20 asked for", *report.Patients)
	}
	rows := map[string]int{}
	for _, res := range report.Results {
		if res.N == nil || res.P50 == nil || res.P95 == nil || res.Target == nil {
			t.Fatalf("row %q lacks a field: %s", res.Name, r.stdout)
		}
		rows[res.Name] = *res.N
		// encrypted_vs_plain holds two ratios (of the medians, of the
		// p95s), and either may be the larger.
		ratios := res.Name == "encrypted_vs_plain"
		if *res.N > 0 && (*res.P50 <= 0 || *res.P95 <= 0 || !ratios && *res.P95 < *res.P50) {
			t.Fatalf("row %q: p50 %v p95 %v", res.Name, *res.P50, *res.P95)
		}
	}
	if *report.Appointments < 150 {
		t.Fatalf("%d appointments for 20 patients, want about ten each", *report.Appointments)
	}
	for _, name := range []string{"day_view", "day_view_10k", "day_view_cold", "week_view", "book_appointment"} {
		if rows[name] < 100 {
			t.Errorf("%q measured %d times: %s", name, rows[name], r.stdout)
		}
	}
	for _, name := range []string{"ptl", "today"} {
		if rows[name] < 50 {
			t.Errorf("%q measured %d times: %s", name, rows[name], r.stdout)
		}
	}
	// Each report is timed benchReportRuns times; the row is the slowest.
	if rows["report_year"] != benchReportRuns {
		t.Errorf("report_year measured %d times: %s", rows["report_year"], r.stdout)
	}
	if rows["letters_500"] != 3 {
		t.Errorf("letters_500 measured %d times: %s", rows["letters_500"], r.stdout)
	}
	for _, name := range []string{"startup", "unlock", "verify", "encrypted_vs_plain", "rss_mb", "rss_day_mb", "patient_search", "patient_search_raw_fts"} {
		if _, ok := rows[name]; !ok {
			t.Errorf("no %q row: %s", name, r.stdout)
		}
	}
	if rows["unlock"] != 5 || rows["verify"] != 3 {
		t.Fatalf("unlock and verify must be measured: %v", rows)
	}
	// A few hundred searches of every kind, and the raw FTS query on the
	// name searches among them.
	if rows["patient_search"] < 200 || rows["patient_search_raw_fts"] < 100 || rows["patient_search_raw_fts"] >= rows["patient_search"] {
		t.Fatalf("search rows: %v", rows)
	}
	for _, res := range report.Results {
		// No clinicdesk executable here: the window's memory is not
		// measured, and the rows say so rather than measure this test.
		if (res.Name == "rss_mb" || res.Name == "rss_day_mb") && (*res.N != 0 || !strings.HasPrefix(res.Note, "not measured:")) {
			t.Fatalf("%s measured without the window: %+v", res.Name, res)
		}
		if res.Name == "verify" && !strings.Contains(res.Note, "audit rows") {
			t.Fatalf("verify does not say how many audit rows it checked: %q", res.Note)
		}
		if res.Name == "day_view" && !strings.Contains(res.Note, "flat cost") {
			t.Fatalf("day_view does not give the flat-cost ratio: %q", res.Note)
		}
		if res.Name == "encrypted_vs_plain" && (*res.N == 0 || *res.Target != 1.3 || !strings.Contains(res.Note, "cold") || !strings.Contains(res.Note, "warm")) {
			t.Fatalf("encrypted_vs_plain is not the cold and warm ratios: %+v", res)
		}
		if res.Name == "patient_search" && !strings.Contains(res.Note, "raw FTS") {
			t.Fatalf("patient_search does not compare itself with the raw FTS query: %q", res.Note)
		}
	}
	// How long the build took is told on stderr, JSON or not.
	if !strings.Contains(r.stderr, "Built the clinic of 20 patients in") {
		t.Fatalf("no build time on stderr: %q", r.stderr)
	}
}

// The query mix covers every way the desk searches, whatever the data.
func TestBenchQueryMix(t *testing.T) {
	rows := make([]app.ImportRow, 500)
	g := seed.New(seed.Options{Seed: 4, Today: ukcal.NewDate(2026, 3, 18)})
	for i := range rows {
		rows[i] = app.ImportRow{Line: i + 1, Patient: g.Next()}
	}
	q := benchQueryMix(rows)
	kinds := map[string]int{}
	for _, bq := range q.all {
		pq := patients.ParseQuery(bq.text)
		switch {
		case pq.NHSNumber != "":
			kinds["nhs"]++
			if strings.Contains(bq.text, " ") {
				kinds["nhs spaced"]++
			}
		case !pq.DOB.IsZero():
			kinds["dob"]++
		case pq.Postcode != "":
			kinds["postcode"]++
		case pq.Phone != "":
			kinds["phone"]++
		case len(pq.NameTokens) == 1 && len([]rune(bq.text)) <= 4:
			kinds["prefix"]++
		case len(pq.NameTokens) > 0:
			kinds["name"]++
		}
		if bq.name != (len(pq.NameTokens) > 0) {
			t.Fatalf("%q: name %v but parsed as %+v", bq.text, bq.name, pq)
		}
	}
	for kind, least := range map[string]int{"nhs": 50, "nhs spaced": 20, "dob": 30, "postcode": 30, "phone": 30, "prefix": 150, "name": 30} {
		if kinds[kind] < least {
			t.Errorf("%d %s queries, want at least %d: %v", kinds[kind], kind, least, kinds)
		}
	}
	if benchQueryMix(nil).all != nil || len(benchQueryMix(rows[:1]).all) == 0 {
		t.Fatal("the mix must cope with tiny clinics")
	}
}
