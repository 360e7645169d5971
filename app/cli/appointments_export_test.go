package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/schedule"
	"clinicdesk/app/testclock"
	"clinicdesk/app/ukcal"
)

// diaryClinic is a clinic file with two clinicians and three appointments.
func diaryClinic(t *testing.T) string {
	t.Helper()
	db := initClinic(t)
	c := signIn(t, db, "manager", pw)
	defer c.Close()
	evans, err := c.SaveClinician(schedule.Clinician{Name: "Dr Siân Evans", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	patel, _ := c.SaveClinician(schedule.Clinician{Name: "Ms Priya Patel", Active: true})
	typ, _ := c.SaveAppointmentType(schedule.AppointmentType{Name: "Follow-up", Minutes: 20, Active: true})
	p, err := c.CreatePatient(patients.Patient{Forenames: "Zoë", Surname: "O'Brien, Jr", DOB: ukcal.MustParseDate("1984-02-29")}, app.PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []struct {
		cl  schedule.Clinician
		day string
	}{{evans, "2026-11-24"}, {evans, "2026-12-01"}, {patel, "2026-11-25"}} {
		if _, _, err := c.Book(app.BookingRequest{PatientID: p.ID, ClinicianID: b.cl.ID, TypeID: typ.ID,
			Date: ukcal.MustParseDate(b.day), Start: schedule.MustParseClock("09:00")}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func exportAppointments(stdin string, args ...string) result {
	var r result
	var out, errb strings.Builder
	err := runExportAppointments(&Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Now: testclock.Now}, args)
	r.code, r.stdout = ExitCode(err), out.String()
	if err != nil {
		r.stderr = err.Error()
	}
	return r
}

func TestExportAppointmentsAsICSForOneClinician(t *testing.T) {
	db := diaryClinic(t)
	out := filepath.Join(t.TempDir(), "evans.ics")
	args := []string{"appointments", "--db", db, "--out", out, "--format", "ics", "--clinician", "dr siân evans",
		"--from", "2026-11-23", "--to", "2026-11-29", "--user", "manager", "--password-stdin"}
	if !wantsAppointments(args) || wantsAppointments([]string{"patients", "--db", db, "--out", "appointments"}) {
		t.Fatal("the export line was not told apart")
	}
	r := exportAppointments(pw+"\n", args...)
	if r.code != 0 || !strings.Contains(r.stdout, "Exported 1 appointment to") {
		t.Fatalf("%d %q %q", r.code, r.stdout, r.stderr)
	}
	b, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(b), "BEGIN:VCALENDAR\r\n") || strings.Count(string(b), "BEGIN:VEVENT") != 1 {
		t.Fatalf("ics:\n%s", b)
	}
	if r := exportAppointments(pw+"\n", args...); r.code != ExitFailure || !strings.Contains(r.stderr, "already exists") {
		t.Fatalf("overwrote a file: %+v", r)
	}
}

func TestExportAppointmentsCSVAndUsageErrors(t *testing.T) {
	db := diaryClinic(t)
	out := filepath.Join(t.TempDir(), "all.csv")
	r := exportAppointments(pw+"\n", "appointments", "--db", db, "--out", out, "--user", "manager", "--password-stdin")
	if r.code != 0 || !strings.Contains(r.stdout, "Exported 3 appointments") {
		t.Fatalf("%+v", r)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), `"Zoë O'Brien, Jr"`) {
		t.Fatalf("csv:\n%s", b)
	}
	for _, args := range [][]string{
		{"appointments", "--db", db, "--out", out + "2", "--format", "pdf"},
		{"appointments", "--db", db, "--out", out + "2", "--from", "24/11/2026"},
		{"appointments", "--db", db, "--out", out + "2", "--from", "2026-12-01", "--to", "2026-11-01"},
		{"appointments", "--db", db},
	} {
		if r := exportAppointments(pw+"\n", append(args, "--user", "manager", "--password-stdin")...); r.code != ExitUsage {
			t.Errorf("%v: exit %d %s", args, r.code, r.stderr)
		}
	}
	r = exportAppointments(pw+"\n", "appointments", "--db", db, "--out", strings.TrimSuffix(out, ".csv")+"3.csv", "--clinician", "Dr Nobody", "--user", "manager", "--password-stdin")
	if r.code != ExitFailure || !strings.Contains(r.stderr, "no clinician called") {
		t.Fatalf("%+v", r)
	}
	if _, err := os.Stat(strings.TrimSuffix(out, ".csv") + "3.csv"); err == nil {
		t.Fatal("a failed export left a file")
	}
}
