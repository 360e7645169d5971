package cli

import (
	"encoding/json"
	"testing"
)

// The bench's figures are not asserted (timings belong to `clinicdesk
// bench`, not tests); its shape is: SPEC §3's JSON with the rows this build
// measures.
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
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, r.stdout)
	}
	if report.Patients == nil || report.Appointments == nil {
		t.Fatalf("missing patients/appointments: %s", r.stdout)
	}
	rows := map[string]int{}
	for _, res := range report.Results {
		if res.N == nil || res.P50 == nil || res.P95 == nil || res.Target == nil {
			t.Fatalf("row %q lacks a field: %s", res.Name, r.stdout)
		}
		rows[res.Name] = *res.N
		if *res.N > 0 && (*res.P50 <= 0 || *res.P95 < *res.P50) {
			t.Fatalf("row %q: p50 %v p95 %v", res.Name, *res.P50, *res.P95)
		}
	}
	for _, name := range []string{"startup", "unlock", "verify", "rss_mb"} {
		if _, ok := rows[name]; !ok {
			t.Errorf("no %q row: %s", name, r.stdout)
		}
	}
	if rows["unlock"] != 5 || rows["verify"] != 3 {
		t.Fatalf("unlock and verify must be measured: %v", rows)
	}
}
