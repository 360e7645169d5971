package app

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

func zoe() patients.Patient {
	return patients.Patient{Title: "Ms", Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1984-02-29"),
		NHSNumber: "943 476 5919", Address: patients.Address{Line1: "3 Heol y Frenhines", Town: "Caerdydd", Postcode: "cf10 1aa"},
		Phones: patients.Phones{Mobile: "07700 900123"}, AIS: patients.AIS{Needs: []string{"large_print"}},
		Alerts: []patients.Alert{{Kind: "safeguarding"}}}
}

func TestCreatePatientNormalisesAndAudits(t *testing.T) {
	c, _, _ := newClinic(t)
	p, err := c.CreatePatient(zoe(), PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.NHSNumber != "9434765919" || p.Address.Postcode != "CF10 1AA" || p.Phones.Mobile != "+447700900123" {
		t.Fatalf("not normalised: %+v", p)
	}
	got, err := c.Patient(p.ID)
	if err != nil || got.Surname != "Łukasiewicz-O'Brien" || got.Forenames != "Zoë" {
		t.Fatalf("read back %+v %v", got, err)
	}
	acts := strings.Join(auditActions(t, c), ",")
	if !strings.Contains(acts, "patient.create") || !strings.Contains(acts, "patient.view") {
		t.Fatalf("audit: %s", acts)
	}
}

func TestCreatePatientRefusesBadInputAndSavesNothing(t *testing.T) {
	c, _, _ := newClinic(t)
	bad := zoe()
	bad.NHSNumber = "943 476 5918"
	bad.DOB = ukcal.MustParseDate("2999-01-01")
	_, err := c.CreatePatient(bad, PatientOptions{})
	var fe patients.FieldErrors
	if !errors.As(err, &fe) || fe.For(patients.FieldNHSNumber) == "" || fe.For(patients.FieldDOB) == "" {
		t.Fatalf("err = %v", err)
	}
	if n, _ := c.CountPatients(""); n != 0 {
		t.Fatalf("%d patients saved from bad input", n)
	}
	pseudo := zoe()
	pseudo.Address.Postcode = "ZZ99 3VZ"
	if _, err := c.CreatePatient(pseudo, PatientOptions{}); err == nil {
		t.Fatal("a pseudo-postcode was accepted without being chosen")
	}
	if _, err := c.CreatePatient(pseudo, PatientOptions{AllowPseudoPostcode: true}); err != nil {
		t.Fatalf("chosen pseudo-postcode: %v", err)
	}
}

func TestSearchFindsByEveryKindOfKey(t *testing.T) {
	c, _, _ := newClinic(t)
	z, _ := c.CreatePatient(zoe(), PatientOptions{})
	other := patients.Patient{Forenames: "John", Surname: "Smith", DOB: ukcal.MustParseDate("1970-01-01"), Address: patients.Address{Postcode: "LS1 4AP"}}
	c.CreatePatient(other, PatientOptions{})
	for _, q := range []string{"zoe", "ZOË", "luk", "zo luk", "9434765919", "943 476 5919", "29/02/1984", "cf10 1aa", "07700 900123", "+44 7700 900123", "zoe 29/02/1984"} {
		got, err := c.SearchPatients(q, false, 20)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if len(got) != 1 || got[0].ID != z.ID {
			t.Errorf("%q found %d patients", q, len(got))
		}
	}
	if got, _ := c.SearchPatients("smith 29/02/1984", false, 20); len(got) != 0 {
		t.Errorf("parts must all match: %d", len(got))
	}
	if got, _ := c.SearchPatients(`"); DROP TABLE patients; --`, false, 20); len(got) != 0 {
		t.Errorf("junk matched %d", len(got))
	}
}

func TestRenameKeepsTheSearchIndexInStep(t *testing.T) {
	c, _, _ := newClinic(t)
	p, _ := c.CreatePatient(zoe(), PatientOptions{})
	p.Surname = "Wiśniewska"
	if _, err := c.UpdatePatient(p, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.SearchPatients("lukas", false, 20); len(got) != 0 {
		t.Fatal("old name still found")
	}
	if got, _ := c.SearchPatients("wisniew", false, 20); len(got) != 1 {
		t.Fatal("new name not found")
	}
	rows, _ := c.AuditLog(audit.Filter{Action: "patient.update"})
	if len(rows) != 1 || rows[0].Detail != "changed: surname" {
		t.Fatalf("update audit: %+v", rows)
	}
	if strings.Contains(rows[0].Detail, "Wiśniewska") {
		t.Fatal("the audit detail holds patient data")
	}
}

func TestDuplicatesAreFoundByNHSDOBAndNameOrPhone(t *testing.T) {
	c, _, _ := newClinic(t)
	z, _ := c.CreatePatient(zoe(), PatientOptions{})
	cases := []struct {
		name string
		p    patients.Patient
		want string
	}{
		{"same NHS number", patients.Patient{Forenames: "Z", Surname: "Other", DOB: ukcal.MustParseDate("1990-01-01"), NHSNumber: "9434765919"}, "NHS number"},
		{"same DOB, similar name", patients.Patient{Forenames: "Zoe", Surname: "Lukasiewicz-OBrien", DOB: ukcal.MustParseDate("1984-02-29")}, "date of birth"},
		{"same phone", patients.Patient{Forenames: "Zed", Surname: "Different", DOB: ukcal.MustParseDate("1999-09-09"), Phones: patients.Phones{Home: "+447700900123"}}, "phone"},
	}
	for _, tc := range cases {
		d, err := c.PossibleDuplicates(tc.p)
		if err != nil || len(d) != 1 || d[0].Patient.ID != z.ID || !strings.Contains(d[0].Reason, tc.want) {
			t.Errorf("%s: %+v %v", tc.name, d, err)
		}
	}
	if d, _ := c.PossibleDuplicates(patients.Patient{Forenames: "Mary", Surname: "Jones", DOB: ukcal.MustParseDate("1984-02-29")}); len(d) != 0 {
		t.Errorf("a different person with the same birthday was flagged: %+v", d)
	}
}

func TestMergeMovesEverythingAndUndoPutsItBack(t *testing.T) {
	c, _, _ := newClinic(t)
	a, _ := c.CreatePatient(zoe(), PatientOptions{})
	dup := zoe()
	dup.NHSNumber = ""
	b, _ := c.CreatePatient(dup, PatientOptions{})
	c.AddNote(a.ID, "note on the survivor")
	n, _ := c.AddNote(b.ID, "note on the duplicate")
	task, _ := c.AddTask(b.ID, "Call back", ukcal.MustParseDate("2026-12-01"), "")
	m, err := c.MergePatients(a.ID, b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Moved["patient_notes"]) != 1 || m.Moved["patient_notes"][0] != n.ID || m.Moved["tasks"][0] != task.ID {
		t.Fatalf("moved: %+v", m.Moved)
	}
	notes, _ := c.store.Notes(a.ID)
	if len(notes) != 2 {
		t.Fatalf("survivor has %d notes", len(notes))
	}
	if got, _ := c.SearchPatients("zoe", false, 20); len(got) != 1 || got[0].ID != a.ID {
		t.Fatalf("merged record still searchable: %d", len(got))
	}
	if err := c.UndoMerge(m.ID); err != nil {
		t.Fatal(err)
	}
	if notes, _ := c.store.Notes(b.ID); len(notes) != 1 || notes[0].ID != n.ID {
		t.Fatal("undo did not move the note back")
	}
	if notes, _ := c.store.Notes(a.ID); len(notes) != 1 {
		t.Fatal("the survivor kept the duplicate's note")
	}
	if bb, _ := c.store.Patient(b.ID); bb.Status != patients.Active || bb.MergedInto != "" {
		t.Fatalf("duplicate not restored: %+v", bb)
	}
	if err := c.UndoMerge(m.ID); err == nil {
		t.Fatal("a merge was undone twice")
	}
	acts := strings.Join(auditActions(t, c), ",")
	if !strings.Contains(acts, "patient.merge") || !strings.Contains(acts, "patient.unmerge") {
		t.Fatalf("merge not audited: %s", acts)
	}
}

func TestPatientPermissionsAreCheckedInTheAppLayer(t *testing.T) {
	c, path, _ := newClinic(t)
	a, _ := c.CreatePatient(zoe(), PatientOptions{})
	b, _ := c.CreatePatient(patients.Patient{Forenames: "Bob", Surname: "Jones", DOB: ukcal.MustParseDate("1960-05-05")}, PatientOptions{})
	addUser(t, c, "reception", Receptionist)
	addUser(t, c, "physio", Clinician)
	var pe *PermissionError

	c = reopen(t, c, path)
	if err := c.SignIn("reception", "staff-password-reception"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.MergePatients(a.ID, b.ID); !errors.As(err, &pe) {
		t.Errorf("receptionist merged: %v", err)
	}
	if err := c.DeletePatient(b.ID, DeleteConfirmation(b)); !errors.As(err, &pe) {
		t.Errorf("receptionist deleted: %v", err)
	}
	if _, err := c.ImportPatients(nil, ImportOptions{}); !errors.As(err, &pe) {
		t.Errorf("receptionist imported: %v", err)
	}
	if _, err := c.CreatePatient(patients.Patient{Forenames: "New", Surname: "Patient", DOB: ukcal.MustParseDate("2000-01-01")}, PatientOptions{}); err != nil {
		t.Errorf("receptionist cannot add a patient: %v", err)
	}

	c = reopen(t, c, path)
	if err := c.SignIn("physio", "staff-password-physio"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreatePatient(patients.Patient{Forenames: "X", Surname: "Y", DOB: ukcal.MustParseDate("2000-01-01")}, PatientOptions{}); !errors.As(err, &pe) {
		t.Errorf("clinician added a patient: %v", err)
	}
	if _, err := c.UpdatePatient(a, PatientOptions{}); !errors.As(err, &pe) {
		t.Errorf("clinician edited a patient: %v", err)
	}
	if _, err := c.AddNote(a.ID, "seen today, improving"); err != nil {
		t.Errorf("clinician cannot add a note: %v", err)
	}
	if _, err := c.Patient(a.ID); err != nil {
		t.Errorf("clinician cannot read a record: %v", err)
	}
}

func TestDeleteNeedsTheTypedConfirmation(t *testing.T) {
	c, _, _ := newClinic(t)
	p, _ := c.CreatePatient(zoe(), PatientOptions{})
	c.AddNote(p.ID, "a note")
	if err := c.DeletePatient(p.ID, "delete"); err == nil {
		t.Fatal("deleted without the exact confirmation")
	}
	if err := c.DeletePatient(p.ID, DeleteConfirmation(p)); err != nil {
		t.Fatal(err)
	}
	if n, _ := c.CountPatients(""); n != 0 {
		t.Fatal("still there")
	}
	if notes, _ := c.store.Notes(p.ID); len(notes) != 0 {
		t.Fatal("the patient's notes survived")
	}
	if got, _ := c.SearchPatients("zoe", true, 20); len(got) != 0 {
		t.Fatal("still in the search index")
	}
	if _, err := c.Verify(false); err != nil {
		t.Fatalf("verify after delete: %v", err)
	}
}

func TestArchiveHidesFromEverydaySearch(t *testing.T) {
	c, _, _ := newClinic(t)
	p, _ := c.CreatePatient(zoe(), PatientOptions{})
	if err := c.ArchivePatient(p.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.SearchPatients("zoe", false, 20); len(got) != 0 {
		t.Fatal("archived patient in everyday search")
	}
	if got, _ := c.SearchPatients("zoe", true, 20); len(got) != 1 {
		t.Fatal("archived patient not found with archived included")
	}
	if err := c.UnarchivePatient(p.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := c.SearchPatients("zoe", false, 20); len(got) != 1 {
		t.Fatal("unarchived patient not found")
	}
}

func TestTimelineShowsChangesNotesCallsAndTasks(t *testing.T) {
	c, _, _ := newClinic(t)
	p, _ := c.CreatePatient(zoe(), PatientOptions{})
	p.Email = "zoe@example.com"
	c.UpdatePatient(p, PatientOptions{})
	c.AddNote(p.ID, "Prefers morning appointments")
	c.LogCall(p.ID, "in", "Asked about parking")
	k, _ := c.AddTask(p.ID, "Send exercise sheet", ukcal.MustParseDate("2026-12-01"), "")
	c.CompleteTask(k.ID)
	tl, err := c.Timeline(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range tl {
		titles = append(titles, e.Title+"|"+e.Detail)
	}
	all := strings.Join(titles, "\n")
	for _, want := range []string{"Record created", "Details changed|email", "Note|Prefers morning appointments",
		"Phone call from the patient|Asked about parking", "Follow-up due 01/12/2026|Send exercise sheet", "Follow-up done|Send exercise sheet"} {
		if !strings.Contains(all, want) {
			t.Errorf("timeline lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "patient.view") {
		t.Error("views belong in the audit trail, not the timeline")
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	c, _, _ := newClinic(t)
	rows := []ImportRow{
		{Line: 2, Patient: patients.Patient{Forenames: "Siân", Surname: "Ŵyn", DOB: ukcal.MustParseDate("1990-01-01"), NHSNumber: "9990000018"}},
		{Line: 3, Patient: patients.Patient{Forenames: "Bad", Surname: "Check", DOB: ukcal.MustParseDate("1990-01-01"), NHSNumber: "9434765918"}},
		{Line: 4, Patient: patients.Patient{Forenames: "", Surname: "Nameless", DOB: ukcal.MustParseDate("1990-01-01")}},
		{Line: 5, Patient: patients.Patient{Forenames: "Dup", Surname: "Number", DOB: ukcal.MustParseDate("1991-01-01"), NHSNumber: "9990000018"}},
	}
	r, err := c.ImportPatients(rows, ImportOptions{})
	if !errors.Is(err, ErrImportRejected) || r.Imported != 0 {
		t.Fatalf("rejected import: %+v %v", r, err)
	}
	var lines []int
	for _, p := range r.Problems {
		lines = append(lines, p.Line)
	}
	if len(lines) != 3 || lines[0] != 3 || lines[1] != 4 || lines[2] != 5 {
		t.Fatalf("problems on lines %v: %+v", lines, r.Problems)
	}
	if !strings.Contains(r.Problems[2].String(), "line 5: ") || !strings.Contains(r.Problems[2].Reason, "line 2") {
		t.Fatalf("duplicate in file: %s", r.Problems[2])
	}
	if n, _ := c.CountPatients(""); n != 0 {
		t.Fatal("a rejected import left patients behind")
	}
	r, err = c.ImportPatients(rows, ImportOptions{SkipInvalid: true})
	if err != nil || r.Imported != 1 || r.Skipped != 3 {
		t.Fatalf("skip invalid: %+v %v", r, err)
	}
	r, err = c.ImportPatients(rows[:1], ImportOptions{})
	if !errors.Is(err, ErrImportRejected) || !strings.Contains(r.Problems[0].Reason, "already in the clinic file") {
		t.Fatalf("re-import of the same NHS number: %+v %v", r, err)
	}
}
