package main

import (
	"strings"
	"testing"
)

// A trimmed govulncheck -format json stream: a module vulnerability that
// is called, a standard library one that is called, and one only imported.
const stream = `{"config":{"go_version":"go1.26.8","scanner_version":"v1.10.0"}}
{"osv":{"id":"GO-2026-5066","summary":"Panic decoding image in x/image/tiff"}}
{"osv":{"id":"GO-2026-6809","summary":"Distrust compromised intermediate certificates in crypto/x509"}}
{"osv":{"id":"GO-2026-0001","summary":"only imported"}}
{"finding":{"osv":"GO-2026-5066","fixed_version":"v0.43.0","trace":[{"module":"golang.org/x/image","version":"v0.24.0"}]}}
{"finding":{"osv":"GO-2026-5066","fixed_version":"v0.43.0","trace":[{"module":"golang.org/x/image","version":"v0.24.0","package":"golang.org/x/image/tiff","function":"Decode"},{"module":"clinicdesk"}]}}
{"finding":{"osv":"GO-2026-5066","fixed_version":"v0.43.0","trace":[{"module":"golang.org/x/image","version":"v0.24.0","package":"golang.org/x/image/tiff","function":"DecodeConfig"}]}}
{"finding":{"osv":"GO-2026-6809","fixed_version":"v1.26.10","trace":[{"module":"stdlib","version":"v1.26.8","package":"crypto/x509","function":"Verify","receiver":"Certificate"}]}}
{"finding":{"osv":"GO-2026-0001","fixed_version":"v1.0.0","trace":[{"module":"example.com/m","version":"v0.9.0","package":"example.com/m/p"}]}}
`

func gate(t *testing.T, in string, stdlibFails bool) (int, string) {
	t.Helper()
	goVersion, found, err := read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	return report(&out, goVersion, found, stdlibFails), out.String()
}

func TestACalledModuleVulnerabilityFailsWithTheFix(t *testing.T) {
	status, out := gate(t, stream, false)
	if status != 1 || !strings.Contains(out, "go get golang.org/x/image@v0.43.0") || strings.Count(out, "GO-2026-5066") != 1 {
		t.Errorf("status %d, output:\n%s", status, out)
	}
	if strings.Contains(out, "GO-2026-0001") {
		t.Errorf("a vulnerability only imported, not called, is reported:\n%s", out)
	}
}

func TestTheStandardLibraryWarnsUnlessToldToFail(t *testing.T) {
	stdOnly := strings.Join(slicesWithout(strings.Split(stream, "\n"), "x/image"), "\n")
	status, out := gate(t, stdOnly, false)
	if status != 0 || !strings.Contains(out, "WARNING: this Go (go1.26.8)") || !strings.Contains(out, "go1.26.10") {
		t.Errorf("warn: status %d, output:\n%s", status, out)
	}
	if status, out = gate(t, stdOnly, true); status != 1 || !strings.Contains(out, "FAILED") {
		t.Errorf("fail: status %d, output:\n%s", status, out)
	}
}

func TestNothingReachedPasses(t *testing.T) {
	status, out := gate(t, `{"config":{"go_version":"go1.26.10"}}`, true)
	if status != 0 || !strings.Contains(out, "no known vulnerability") {
		t.Errorf("status %d, output:\n%s", status, out)
	}
}

func TestNotGovulncheckOutputIsAnError(t *testing.T) {
	for _, in := range []string{"", "Your code is affected by 3 vulnerabilities", `{"osv":{"id":"GO-1"}}`} {
		if _, _, err := read(strings.NewReader(in)); err == nil {
			t.Errorf("read(%q) gave no error", in)
		}
	}
}

func TestVersionsCompareAsNumbers(t *testing.T) {
	if !versionLess("v1.26.9", "v1.26.10") || versionLess("v1.26.10", "v1.26.9") {
		t.Error("v1.26.9 < v1.26.10")
	}
}

func slicesWithout(lines []string, needle string) []string {
	var kept []string
	for _, l := range lines {
		if !strings.Contains(l, needle) {
			kept = append(kept, l)
		}
	}
	return kept
}
