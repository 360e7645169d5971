package app

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patientcsv"
	"clinicdesk/app/patients"
	"clinicdesk/app/practice"
	"clinicdesk/app/ukcal"

	"golang.org/x/text/unicode/norm"
)

// badCheckDigit is a 999 test number with its last digit changed.
func badCheckDigit() string {
	n := nhs.TestNHSNumber(7)
	last := (n[9]-'0'+1)%10 + '0'
	return n[:9] + string(last)
}

// messyCSV is a clinic's spreadsheet as it really arrives: a BOM, CRLF,
// headers in odd case, quoted commas, a cell with line breaks, names in
// several scripts (one in decomposed Unicode), and a bad row of each kind.
// It returns the file and the lines that must be reported.
func messyCSV() (string, map[int]string) {
	nhs0 := nhs.FormatNHSNumber(nhs.TestNHSNumber(0))
	rows := []string{
		"Title,first NAME,Surname,D.O.B.,Gender,NHS No,Address,Town,Post code,Mobile,Communication needs,Known as,Notes",                                                            // 1
		"Ms,Zoe\u0308,Łukasiewicz-O'Brien,17/05/1984,F," + nhs0 + `,"Flat 2, 14 Park Row",Leeds,ls1 4ap,07700 900123,Large print; BSL interpreter,Zo,"likes mornings, not Mondays"`, // 2
		"Mrs,Siân,Ŵyn,01/03/1950,Female," + nhs.TestNHSNumber(1) + ",\"Tŷ Gwyn\r\nHeol y Bont\",Caerdydd,CF10 1AA,+44 7700 900124,,-,",                                              // 3-4
		"Mr,Ахмед,Иванов,1975-12-31,M,,1 Red Square Road,London,SW1A 1AA,020 7946 0123,Easy read,,",                                                                                 // 5
		",秀英,王,02/02/2002,f," + nhs.TestNHSNumber(2) + ",,,E1 6AN,,,,",                                                                                                              // 6
		"Ms,Thị Minh Khai,Nguyễn,09/09/1999,female,,,,,,,,",                                                                                                                         // 7
		"Mr,John,Smith,01/01/1980,M," + badCheckDigit() + ",,,,,,,",                                                                                                                 // 8
		"Ms,Jane,Doe,02/02/1982,F,,,,XYZ 123,,,,",                                                                                                                                   // 9
		"Ms,Future,Baby,01/01/2099,F,,,,,,,,",                                                                                                                                       // 10
		"Mr,Nameless,,03/03/1973,M,,,,,,,,",                                                                                                                                         // 11
		`Mr,"=HYPERLINK(""http://evil.example"",""Click"")",Hacker,04/04/1974,M,,,,,,,,`,                                                                                            // 12
		"Ms,Tele,Pathic,05/05/1975,F,,,,,,Large print; Telepathy,,",                                                                                                                 // 13
		"Ms,Twin,Number,06/06/1976,F," + nhs0 + ",,,,,,,",                                                                                                                           // 14
		"Mr,Bob,Jones,05/05/1955,M,,12 High St, Leeds,Leeds,LS1 4AP,,,,",                                                                                                            // 15
		"Mr,D'Arcy,O'Neill,07/07/1977,M,,,,LS2 9JT,+44 7700 900125,large print,,",                                                                                                   // 16
		"Ms,Feb,Thirtyfirst,31/02/1980,F,,,,,,,,",                                                                                                                                   // 17
		`Ms,Stray,Qu"ote,08/08/1988,F,,,,,,,,`,                                                                                                                                      // 18
		",,,,,,,,,,,,",                                                                                                                                                              // 19: the blank row at the bottom of every spreadsheet
	}
	bad := map[int]string{
		8: "check digit", 9: "postcode", 10: "future", 11: "surname", 12: "formula",
		13: "Telepathy", 14: "also on line 2", 15: "14 cells", 17: "31/02/1980", 18: "quote mark",
	}
	return "\xEF\xBB\xBF" + strings.Join(rows, "\r\n") + "\r\n", bad
}

func readRows(t *testing.T, csv string) []ImportRow {
	t.Helper()
	tb, err := patientcsv.Read(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	m := patientcsv.AutoMap(tb.Headers)
	if err := m.Validate(tb.Headers); err != nil {
		t.Fatal(err)
	}
	return ImportRowsFromCSV(m.Rows(tb))
}

func allPatients(t *testing.T, c *Clinic) []patients.Patient {
	t.Helper()
	var out []patients.Patient
	for _, status := range []patients.Status{patients.Active, patients.Archived} {
		ps, err := c.ListPatients(patients.PatientFilter{Status: status, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ps...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Surname < out[j].Surname })
	return out
}

func TestImportAMessySpreadsheet(t *testing.T) {
	c, _, _ := newClinic(t)
	csv, bad := messyCSV()
	rows := readRows(t, csv)
	if len(rows) != 16 {
		t.Fatalf("%d rows read, want 16 (the blank one skipped)", len(rows))
	}

	check := func(r ImportReport) {
		t.Helper()
		got := map[int]string{}
		for _, p := range r.Problems {
			got[p.Line] = p.Reason
		}
		if len(got) != len(bad) {
			t.Errorf("problems on lines %v, want %v", keys(got), keys(bad))
		}
		for line, want := range bad {
			if !strings.Contains(got[line], want) {
				t.Errorf("line %d: %q, want it to mention %q", line, got[line], want)
			}
		}
	}

	// Without --skip-invalid: every bad line reported, nothing imported.
	r, err := c.ImportPatients(rows, ImportOptions{})
	if !errors.Is(err, ErrImportRejected) {
		t.Fatalf("import with bad rows: %v", err)
	}
	check(r)
	if n, _ := c.CountPatients(""); n != 0 {
		t.Fatalf("%d patients imported from a rejected file", n)
	}
	// A dry run with --skip-invalid says what would happen, changes nothing.
	r, err = c.ImportPatients(rows, ImportOptions{DryRun: true, SkipInvalid: true})
	if err != nil || r.Imported != 0 {
		t.Fatalf("dry run: %+v %v", r, err)
	}
	check(r)
	if n, _ := c.CountPatients(""); n != 0 {
		t.Fatalf("a dry run imported %d", n)
	}
	r, err = c.ImportPatients(rows, ImportOptions{SkipInvalid: true})
	if err != nil || r.Imported != 6 {
		t.Fatalf("--skip-invalid: %+v %v", r, err)
	}
	check(r)

	ps := allPatients(t, c)
	names := map[string]patients.Patient{}
	for _, p := range ps {
		names[p.Forenames+" "+p.Surname] = p
	}
	for _, want := range []string{"Zoë Łukasiewicz-O'Brien", "Siân Ŵyn", "Ахмед Иванов", "秀英 王", "Thị Minh Khai Nguyễn", "D'Arcy O'Neill"} {
		if _, ok := names[norm.NFC.String(want)]; !ok {
			t.Errorf("%s not imported (have %v)", want, keys2(names))
		}
	}
	zoe := names["Zoë Łukasiewicz-O'Brien"]
	if !reflect.DeepEqual(zoe.AIS.Needs, []string{"large_print", "bsl_interpreter"}) || zoe.Address.Line1 != "Flat 2, 14 Park Row" ||
		zoe.Address.Postcode != "LS1 4AP" || zoe.Phones.Mobile != "+447700900123" || zoe.DOB != ukcal.MustParseDate("1984-05-17") || zoe.Sex != "female" || zoe.PreferredName != "Zo" {
		t.Errorf("Zoë: %+v", zoe)
	}
	if s := names["Siân Ŵyn"]; s.Address.Line1 != "Tŷ Gwyn\r\nHeol y Bont" && s.Address.Line1 != "Tŷ Gwyn Heol y Bont" {
		t.Errorf("multi-line address: %q", s.Address.Line1)
	}
	if a := names["Ахмед Иванов"]; a.DOB != ukcal.MustParseDate("1975-12-31") || a.Phones.Mobile != "+442079460123" || a.AIS.Needs[0] != "easy_read" {
		t.Errorf("Ахмед: %+v", a)
	}
	if d := names["D'Arcy O'Neill"]; d.Phones.Mobile != "+447700900125" || d.AIS.Needs[0] != "large_print" {
		t.Errorf("D'Arcy: %+v", d)
	}
}

func keys[V any](m map[int]V) []int {
	var out []int
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

func keys2(m map[string]patients.Patient) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// comparable drops what a new clinic file gives every record anew.
func comparable(p patients.Patient) patients.Patient {
	p.ID, p.CreatedAt, p.UpdatedAt, p.ArchivedAt, p.Status, p.MergedInto = "", time.Time{}, time.Time{}, time.Time{}, "", ""
	return p
}

func TestImportExportImportKeepsEveryField(t *testing.T) {
	c, _, _ := newClinic(t)
	csv, _ := messyCSV()
	if _, err := c.ImportPatients(readRows(t, csv), ImportOptions{SkipInvalid: true}); err != nil {
		t.Fatal(err)
	}
	// Fill the fields the spreadsheet did not have, on one record.
	ps := allPatients(t, c)
	p := ps[0]
	p.GenderIdentity, p.Address.Line2, p.Address.County = "non-binary", "Headingley", "West Yorkshire"
	p.Phones.Home, p.Phones.Work, p.Email = "0113 496 0123", "020 7946 0999", "someone@example.co.uk"
	p.GP, p.NextOfKin = patients.GP{Name: "Dr Ṣeun Adébáyọ̀", Practice: "Park Surgery"}, patients.NextOfKin{Name: "Siobhán Ní Bhriain", Relationship: "Sister", Phone: "07700 900999"}
	p.Language, p.Interpreter, p.Consent = "Yoruba", true, patients.Consent{Letter: true, Phone: true, SMS: false, Email: true}
	p.Alerts = []patients.Alert{{Kind: "safeguarding", Text: "child protection plan"}, {Kind: "other", Text: "uses a wheelchair"}}
	p.AIS.Notes, p.AIS.Reviewed, p.LastTreatment = "Book the interpreter two weeks ahead", ukcal.MustParseDate("2025-01-31"), ukcal.MustParseDate("2025-02-01")
	if _, err := c.UpdatePatient(p, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := c.ArchivePatient(ps[1].ID); err != nil {
		t.Fatal(err)
	}
	before := allPatients(t, c)

	var active, all bytes.Buffer
	if n, err := c.ExportPatients(&active, false); err != nil || n != len(before)-1 {
		t.Fatalf("export of active records: %d %v", n, err)
	}
	n, err := c.ExportPatients(&all, true)
	if err != nil || n != len(before) {
		t.Fatalf("export with archived: %d %v", n, err)
	}
	if !strings.Contains(all.String(), ",Archived\r\n") || strings.Contains(active.String(), "Archived") {
		t.Fatal("archived records: only with includeArchived, marked Archived")
	}

	// Every name is in the file byte for byte (NFC), as the source had it.
	for _, want := range []string{"Zoe\u0308", "Łukasiewicz-O'Brien", "Siân", "Ŵyn", "Ахмед", "Иванов", "秀英", "王", "Thị Minh Khai", "Nguyễn", "D'Arcy", "O'Neill", "Ṣeun Adébáyọ̀"} {
		if !bytes.Contains(all.Bytes(), []byte(norm.NFC.String(want))) {
			t.Errorf("the export lacks %q in NFC", want)
		}
	}
	if bytes.Contains(all.Bytes(), []byte("Zoe\u0308")) {
		t.Error("the decomposed form reached the export")
	}

	// Into a fresh clinic: the same records, field for field.
	c2, _, _ := newClinic(t)
	r, err := c2.ImportPatients(readRows(t, all.String()), ImportOptions{})
	if err != nil || r.Imported != len(before) {
		t.Fatalf("re-import: %+v %v", r, err)
	}
	after := allPatients(t, c2)
	for i := range before {
		if got, want := comparable(after[i]), comparable(before[i]); !reflect.DeepEqual(got, want) {
			t.Errorf("round trip changed a record:\n got %+v\nwant %+v", got, want)
		}
	}

	// One audit row per patient exported, and a summary per export.
	var perPatient, summaries int
	rows, _ := c.store.ListAudit(audit.Filter{Limit: 1000})
	for _, a := range rows {
		if a.Action == "patient.export" && a.Entity == "patient" && a.Patient == a.EntityID {
			perPatient++
		}
		if a.Action == "patient.export" && a.Entity == "export" {
			summaries++
		}
	}
	if perPatient != 2*len(before)-1 || summaries != 2 {
		t.Fatalf("audit: %d per-patient rows, %d summaries", perPatient, summaries)
	}
}

func TestExportNeutralisesFormulasAndReimportRestoresThem(t *testing.T) {
	c, _, _ := newClinic(t)
	p := patients.Patient{Title: "@Dr", Forenames: "+Ann", Surname: `=HYPERLINK("http://evil.example","Click")`, PreferredName: "-",
		DOB: ukcal.MustParseDate("1990-01-01"), GP: patients.GP{Practice: "-cmd|' /C calc'!A0"}, AIS: patients.AIS{Notes: "=1+1"},
		Alerts: []patients.Alert{{Kind: "other", Text: "@risk"}}, Address: patients.Address{Line1: "'t Hart", Line2: "'=already quoted"}}
	if _, err := c.CreatePatient(p, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := c.ExportPatients(&out, false); err != nil {
		t.Fatal(err)
	}
	tb, err := patientcsv.Read(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for i, cell := range tb.Records[0].Cells {
		if cell != "" && strings.ContainsAny(cell[:1], "=+-@\t\r") {
			t.Errorf("%s exported as %q: a spreadsheet would run it", tb.Headers[i], cell)
		}
	}
	for _, want := range []string{`"'=HYPERLINK(""http://evil.example"",""Click"")"`, "'@Dr,'+Ann,", ",'-,", ",'-cmd|' /C calc'!A0,", ",''=already quoted,", ",'t Hart,", ",'=1+1,"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("export lacks %s:\n%s", want, out.String())
		}
	}
	c2, _, _ := newClinic(t)
	if r, err := c2.ImportPatients(readRows(t, out.String()), ImportOptions{}); err != nil {
		t.Fatalf("re-import: %+v %v", r, err)
	}
	got := allPatients(t, c2)[0]
	want := allPatients(t, c)[0]
	if !reflect.DeepEqual(comparable(got), comparable(want)) {
		t.Fatalf("not restored:\n got %+v\nwant %+v", got, want)
	}
}

func TestExportAndImportPermissions(t *testing.T) {
	c, path, _ := newClinic(t)
	addUser(t, c, "clin", Clinician)
	addUser(t, c, "recep", Receptionist)
	if _, err := c.CreatePatient(patients.Patient{Forenames: "Ann", Surname: "Smith", DOB: ukcal.MustParseDate("1990-01-01")}, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	c = reopen(t, c, path)

	if err := c.SignIn("clin", "staff-password-clin"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	var pe *PermissionError
	if n, err := c.ExportPatients(&out, false); !errors.As(err, &pe) || pe.Perm != PermExportPatients || n != 0 || out.Len() != 0 {
		t.Fatalf("a clinician exported: %d %v %q", n, err, out.String())
	}

	if err := c.SignIn("recep", "staff-password-recep"); err != nil {
		t.Fatal(err)
	}
	rows := readRows(t, "First name,Surname,DOB\nBob,Jones,02/02/1992\n")
	if _, err := c.ImportPatients(rows, ImportOptions{}); !errors.As(err, &pe) || pe.Perm != PermImportPatients {
		t.Fatalf("a receptionist imported: %v", err)
	}
	if n, _ := c.CountPatients(""); n != 1 {
		t.Fatalf("%d patients after a refused import", n)
	}
	if n, err := c.ExportPatients(&out, false); err != nil || n != 1 {
		t.Fatalf("a receptionist may export: %d %v", n, err)
	}
	c.Lock()
	if _, err := c.ExportPatients(&out, false); !errors.Is(err, ErrLocked) {
		t.Fatalf("export while locked: %v", err)
	}
}

type exportFailWriter struct{ after int }

func (w *exportFailWriter) Write(p []byte) (int, error) {
	if w.after -= len(p); w.after < 0 {
		return 0, fmt.Errorf("disk full")
	}
	return len(p), nil
}

func TestAFailedExportIsNotAudited(t *testing.T) {
	c, _, _ := newClinic(t)
	for i := range 3 {
		if _, err := c.CreatePatient(patients.Patient{Forenames: "Ann", Surname: fmt.Sprintf("Smith%03d", i), DOB: ukcal.MustParseDate("1990-01-01")}, PatientOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := c.ExportPatients(&exportFailWriter{after: 100}, false); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("export to a full disk: %v", err)
	}
	for _, a := range auditActions(t, c) {
		if strings.HasSuffix(a, "patient.export") {
			t.Fatal("a failed export was audited")
		}
	}
}

// BenchmarkExportPatients times an export of 5,000 patients (read in the
// write transaction, one audit row each). Run: go test -bench ExportPatients -benchtime 1x
func BenchmarkExportPatients(b *testing.B) {
	path := b.TempDir() + "/clinic.db"
	c, _, err := Create(Setup{Path: path, Clinic: practice.Details{Name: "Bench"},
		Manager: NewUser{Username: "amanager", FullName: "Ann Manager", Password: managerPassword}, KDF: fastKDF})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	const n = 5000
	rows := make([]ImportRow, n)
	for i := range rows {
		rows[i] = ImportRow{Line: i + 2, Patient: patients.Patient{Forenames: "Ann", Surname: fmt.Sprintf("Smith%05d", i),
			DOB: ukcal.NewDate(1930, time.January, 1+i), NHSNumber: nhs.TestNHSNumber(i)}}
	}
	if _, err := c.ImportPatients(rows, ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		var out bytes.Buffer
		if got, err := c.ExportPatients(&out, false); err != nil || got != n {
			b.Fatal(got, err)
		}
		b.ReportMetric(float64(out.Len())/1e6, "MB")
	}
}
