package cli

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/complaints"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// complaintClinic is a clinic file whose register holds a year counted by
// hand for 2025-26:
//
//	W  written, 06/01/2025, partially upheld 15/04/2025   brought forward, partially upheld
//	X  written, 06/05/2025, upheld 02/06/2025             new, upheld
//	Y  email,   03/11/2025, under investigation           new, carried forward
//	Z  oral,    12/01/2026, closed 13/01/2026             left out
//	C  written, 01/07/2025, NHS in Wales                  not part of the return
//
// and the practice code A81001 in Settings.
func complaintClinic(t *testing.T) string {
	t.Helper()
	db := initClinic(t)
	c := signIn(t, db, "manager", pw)
	defer c.Close()
	if _, err := c.AddUser(app.NewUser{Username: "rita", FullName: "Rita Desk", Role: app.Receptionist, Password: "staff-password-rita"}); err != nil {
		t.Fatal(err)
	}
	p, err := c.CreatePatient(patients.Patient{Forenames: "Zoë", Surname: "O'Brien", DOB: ukcal.MustParseDate("1984-02-29")}, app.PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(day string) time.Time {
		d := ukcal.MustParseDate(day)
		return time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, ukcal.London())
	}
	mv := func(to complaints.Status, day string, o complaints.Outcome) app.HistoricMove {
		m := app.HistoricMove{To: to, At: at(day), By: "manager", Outcome: o}
		if to == complaints.ResponseSent {
			m.SignedOffBy = "Mo Manager"
		}
		return m
	}
	h := func(ch complaints.Channel, received string, moves ...app.HistoricMove) app.HistoricComplaint {
		return app.HistoricComplaint{LoggedAt: at(received), LoggedBy: "manager", Moves: moves, Details: complaints.Details{
			Complainant: complaints.ComplainantPatient, PatientID: p.ID, Channel: ch, Received: ukcal.MustParseDate(received),
			Subjects: []complaints.SubjectArea{complaints.SubjectWaitingTimes}, StaffGroups: []complaints.StaffGroup{complaints.StaffAdministration},
			Description: `=HYPERLINK("http://example.com")`}}
	}
	welsh := h(complaints.Written, "2025-07-01")
	welsh.Details.Rules = complaints.Rules{Nation: complaints.Wales, Funding: complaints.NHSFunded}
	_, err = c.AddComplaintHistory([]app.HistoricComplaint{
		h(complaints.Written, "2025-01-06", mv(complaints.Acknowledged, "2025-01-07", ""), mv(complaints.Investigating, "2025-01-08", ""),
			mv(complaints.ResponseSent, "2025-04-15", complaints.PartiallyUpheld), mv(complaints.Closed, "2025-04-20", "")),
		h(complaints.Written, "2025-05-06", mv(complaints.Acknowledged, "2025-05-07", ""), mv(complaints.Investigating, "2025-05-08", ""),
			mv(complaints.ResponseSent, "2025-06-02", complaints.Upheld), mv(complaints.Closed, "2025-06-05", "")),
		h(complaints.Email, "2025-11-03", mv(complaints.Acknowledged, "2025-11-04", ""), mv(complaints.Investigating, "2025-11-05", "")),
		h(complaints.Oral, "2026-01-12", mv(complaints.Closed, "2026-01-13", complaints.NotUpheld)),
		welsh,
	})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := c.ComplaintSettings()
	if err != nil {
		t.Fatal(err)
	}
	cs.ODSCode = "a81001"
	if err := c.SaveComplaintSettings(cs); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestReportKO41bAsCSVAndPDF(t *testing.T) {
	db := complaintClinic(t)
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "ko41b.csv")
	r := run(pw+"\n", "report", "ko41b", "--db", db, "--year", "2025", "--out", csvPath, "--user", "manager", "--password-stdin")
	if r.code != 0 {
		t.Fatalf("report: %d %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "KO41(b) 2025-26, gp practice form: brought forward 1, new 2, resolved 2 (upheld 1, partially upheld 1, not upheld 0), carried forward 1") ||
		!strings.Contains(r.stdout, "Not part of the return: 1 about private care or under another nation's procedure, 0 from someone") {
		t.Fatalf("summary: %s", r.stdout)
	}
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, row := range rows[1:] {
		if row[0] != "A81001" || row[1] != "gp" {
			t.Fatalf("row without the practice code and form: %v", row)
		}
		got[row[3]+"/"+row[5]+"/"+row[7]] = row[9]
	}
	for cell, want := range map[string]string{
		"brought_forward/total/all": "1", "new/total/all": "2", "upheld/total/all": "1", "partially_upheld/total/all": "1",
		"not_upheld/total/all": "0", "carried_forward/total/all": "1", "new/subject_area/waiting_times": "2",
		"new/age_band/18_64": "2", "new/staff_group/practice_admin": "2",
		"carried_forward/staff_group/practice_admin": "", // breakdowns of new complaints only
	} {
		if got[cell] != want {
			t.Errorf("%s: %q, want %s", cell, got[cell], want)
		}
	}

	if _, err := exec.LookPath("pdftotext"); err == nil {
		pdfPath := filepath.Join(dir, "ko41b.pdf")
		r = run(pw+"\n", "report", "ko41b", "--db", db, "--year", "2025", "--out", pdfPath, "--user", "manager", "--password-stdin")
		if r.code != 0 {
			t.Fatalf("PDF report: %d %s", r.code, r.stderr)
		}
		out, err := exec.Command("pdftotext", pdfPath, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), " ")
		for _, want := range []string{"Zoë's Physio", "Complaints return KO41(b) 2025-26",
			"Brought forward 1 + new 2 − resolved 2 = carried forward 1.", "left out of the return: 1.", "Waiting times 2",
			"GP practice form. Practice code: A81001"} {
			if !strings.Contains(text, want) {
				t.Errorf("the PDF does not say %q:\n%s", want, text)
			}
		}
	}

	dental := filepath.Join(dir, "dental.csv")
	r = run(pw+"\n", "report", "ko41b", "--db", db, "--year", "2025", "--variant", "dental", "--out", dental, "--user", "manager", "--password-stdin")
	if body, _ := os.ReadFile(dental); r.code != 0 || !strings.Contains(r.stdout, "dental practice form") ||
		!strings.Contains(string(body), "A81001,dental,2025-26,new,New,staff_group,Staff group,dentist,Dentist,0") {
		t.Errorf("dental form: %d %s %s\n%s", r.code, r.stdout, r.stderr, body)
	}
	for _, x := range []struct {
		args []string
		code int
	}{
		{[]string{"report", "ko41b", "--db", db, "--year", "2025", "--variant", "hospital", "--out", filepath.Join(dir, "h.csv"), "--user", "manager", "--password-stdin"}, ExitUsage},
		{[]string{"report", "ko41b", "--db", db, "--year", "2025", "--out", csvPath, "--user", "manager", "--password-stdin"}, ExitFailure}, // exists
		{[]string{"report", "ko41b", "--db", db, "--year", "25", "--out", filepath.Join(dir, "a.csv"), "--user", "manager", "--password-stdin"}, ExitUsage},
		{[]string{"report", "ko41b", "--db", db, "--year", "2025", "--out", filepath.Join(dir, "a.xlsx"), "--user", "manager", "--password-stdin"}, ExitUsage},
		{[]string{"report", "dna", "--db", db, "--year", "2025", "--out", filepath.Join(dir, "a.csv"), "--user", "manager", "--password-stdin"}, ExitUsage},
	} {
		if r := run(pw+"\n", x.args...); r.code != x.code {
			t.Errorf("%v: exit %d, want %d (%s)", x.args, r.code, x.code, r.stderr)
		}
	}
	denied := filepath.Join(dir, "rita.csv")
	r = run("staff-password-rita\n", "report", "ko41b", "--db", db, "--year", "2025", "--out", denied, "--user", "rita", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "receptionist cannot produce the KO41(b) complaints return") {
		t.Fatalf("a receptionist's return: %d %s", r.code, r.stderr)
	}
	if _, err := os.Stat(denied); err == nil {
		t.Fatal("a refused report left a file")
	}
}

func TestExportComplaintsIsAManagersCSV(t *testing.T) {
	db := complaintClinic(t)
	out := filepath.Join(t.TempDir(), "complaints.csv")
	r := run(pw+"\n", "export", "complaints", "--db", db, "--out", out, "--user", "manager", "--password-stdin")
	if r.code != 0 || !strings.Contains(r.stdout, "Exported 5 complaints") {
		t.Fatalf("export: %d %s %s", r.code, r.stdout, r.stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), "\ufeffreference,received,acknowledge_by,acknowledged,response_due,status,outcome,channel") ||
		strings.Contains(string(raw), "HYPERLINK") || strings.Contains(string(raw), "Zoë") {
		t.Fatalf("export:\n%s", raw)
	}
	// 25 working days after Tuesday 6 May 2025 skip the spring bank holiday.
	if !strings.Contains(string(raw), "C-2025-002,06/05/2025,09/05/2025,07/05/2025,11/06/2025,closed,upheld,written,waiting_times,practice_admin,england,nhs\r\n") ||
		!strings.Contains(string(raw), "C-2025-004,01/07/2025,03/07/2025,,12/08/2025,received,,written,waiting_times,practice_admin,wales,nhs\r\n") {
		t.Fatalf("rows for C-2025-002 and the Welsh C-2025-004:\n%s", raw)
	}
	r = run("staff-password-rita\n", "export", "complaints", "--db", db, "--out", filepath.Join(t.TempDir(), "r.csv"), "--user", "rita", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "cannot export the complaints register") {
		t.Fatalf("a receptionist's export: %d %s", r.code, r.stderr)
	}
}
