package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `letter --referral ID` writes a referral's letter to its other end, and
// refuses a patient or a complaint beside it.
func TestLetterForAReferral(t *testing.T) {
	db := sarCLIClinic(t)
	auth := []string{"--db", db, "--user", "manager", "--password-stdin"}
	run := func(args ...string) result { return sarRun(pw+"\n", append(args, auth...)...) }
	if r := run("referrals", "add", "--patient", "943 476 5919", "--direction", "in", "--date", "2026-11-20", "--urgency", "urgent",
		"--kind", "rtt", "--from", "Dr A Khan", "--organisation", "Harbour Medical Practice",
		"--address", "4 Quay Street\nSwansea\nSA1 1AA", "--reason", "knee pain"); r.code != 0 {
		t.Fatalf("add: %+v", r)
	}
	rows := referralsListJSON(t, db)
	if len(rows) != 1 {
		t.Fatalf("listed %+v", rows)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "ack.pdf")
	if r := run("letter", "--template", "referral_ack", "--referral", rows[0].ID, "--patient", "9434765919", "--out", out); r.code != 2 ||
		!strings.Contains(r.stderr, "--referral ID alone") {
		t.Errorf("a patient beside the referral: %+v", r)
	}
	if r := run("letter", "--template", "referral_chase", "--referral", rows[0].ID, "--out", out); r.code != 1 ||
		!strings.Contains(r.stderr, "choose the acknowledgement instead") {
		t.Errorf("a chase on a referral in: %+v", r)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("a refused letter left a file: %v", err)
	}
	if r := run("letter", "--template", "referral_ack", "--referral", rows[0].ID, "--out", out); r.code != 0 ||
		!strings.Contains(r.stdout, "Wrote the referral_ack letter") {
		t.Fatalf("ack: %+v", r)
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Harbour Medical Practice 4 Quay Street SWANSEA SA1 1AA", "Dear Dr Khan,", "as an urgent referral"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the acknowledgement lacks %q:\n%s", want, flat)
		}
	}
}
