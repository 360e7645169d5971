package patientcsv

import (
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

func TestAutoMapRecognisesWhatSpreadsheetsCallThings(t *testing.T) {
	cases := map[string]string{
		"first NAME": KeyForenames, "Forename(s)": KeyForenames, " Given name ": KeyForenames, "First names": KeyForenames,
		"FORENAMES": KeyForenames, "first_name": KeyForenames,
		"Surname": KeySurname, "Last name": KeySurname, "family-name": KeySurname,
		"Known as": KeyPreferredName, "Preferred name": KeyPreferredName, "Known as in letters": KeyUseKnownAs,
		"D.O.B.": KeyDOB, "DOB": KeyDOB, "Date of birth": KeyDOB, "Date of Birth (dd/mm/yyyy)": KeyDOB,
		"Gender": KeySex, "Sex": KeySex, "Gender identity": KeyGenderIdentity,
		"NHS No": KeyNHSNumber, "NHS No.": KeyNHSNumber, "NHS number": KeyNHSNumber, "NHS": KeyNHSNumber,
		"Address": KeyAddressLine1, "Address 1": KeyAddressLine1, "Address line 1": KeyAddressLine1,
		"Address 2": KeyAddressLine2, "City": KeyTown, "Town": KeyTown, "County": KeyCounty,
		"Post code": KeyPostcode, "Postcode": KeyPostcode, "ZIP": KeyPostcode,
		"Mobile phone": KeyMobile, "Mobile": KeyMobile, "Home phone": KeyHomePhone, "Work phone": KeyWorkPhone,
		"E-mail": KeyEmail, "Email": KeyEmail, "GP": KeyGPName, "GP name": KeyGPName,
		"GP practice": KeyGPPractice, "Surgery": KeyGPPractice,
		"Next of kin": KeyNOKName, "NOK": KeyNOKName, "NOK relationship": KeyNOKRelation, "NOK phone": KeyNOKPhone,
		"Language": KeyLanguage, "Preferred language": KeyLanguage,
		"Interpreter": KeyInterpreter, "Interpreter needed": KeyInterpreter,
		"Communication needs": KeyAISNeeds, "AIS needs": KeyAISNeeds, "Accessible information": KeyAISNeeds,
		"Alerts": KeyAlerts, "Last seen": KeyLastTreatment, "Last treatment": KeyLastTreatment, "Last appointment": KeyLastTreatment,
	}
	for _, phone := range []string{"Phone", "Telephone", "Tel", "tel."} {
		cases[phone] = KeyMobile
	}
	for h, want := range cases {
		m := AutoMap([]string{"x", h})
		if m[want] != 1 || len(m) != 1 {
			t.Errorf("%q: mapped %v, want %s", h, m, want)
		}
	}
}

func TestEveryHeaderNameMeansOneField(t *testing.T) {
	seen := map[string]string{}
	for _, f := range fields {
		for _, name := range append([]string{f.Label}, f.Synonyms...) {
			k := headerKey(name)
			if other, ok := seen[k]; ok && other != f.Key {
				t.Errorf("%q names both %s and %s", name, other, f.Key)
			}
			seen[k] = f.Key
		}
	}
}

func TestAutoMapPhoneColumnsAndLeftovers(t *testing.T) {
	headers := []string{"Phone", "Surname", "Mobile", "first name", "Notes", "", "Surname", "DOB"}
	m := AutoMap(headers)
	want := Mapping{KeyHomePhone: 0, KeySurname: 1, KeyMobile: 2, KeyForenames: 3, KeyDOB: 7}
	if !reflect.DeepEqual(m, want) {
		t.Fatalf("mapping %v, want %v", m, want)
	}
	var ignored []string
	for _, c := range m.Unmapped(headers) {
		ignored = append(ignored, c.String())
	}
	if got := strings.Join(ignored, ", "); got != `"Notes", column 6 (no heading), "Surname"` {
		t.Fatalf("ignored: %s", got)
	}
	if len(m.Missing()) != 0 || m.Validate(headers) != nil {
		t.Fatalf("missing %v, validate %v", m.Missing(), m.Validate(headers))
	}
	var mapped []string
	for _, c := range m.Mapped(headers) {
		mapped = append(mapped, c.Column.Header+"="+c.Field.Label)
	}
	if got := strings.Join(mapped, ","); got != "Phone=Home phone,Surname=Surname,Mobile=Mobile,first name=Forenames,DOB=Date of birth" {
		t.Fatalf("mapped: %s", got)
	}
}

func TestMissingAndValidate(t *testing.T) {
	headers := []string{"Name", "Date of birth"}
	m := AutoMap(headers)
	missing := m.Missing()
	if len(missing) != 2 || missing[0].Key != KeyForenames || missing[1].Key != KeySurname {
		t.Fatalf("missing %v", missing)
	}
	err := m.Validate(headers)
	if err == nil || !strings.Contains(err.Error(), "first name") || !strings.Contains(err.Error(), `"Surname"`) || !strings.Contains(err.Error(), "split it") {
		t.Fatalf("validate: %v", err)
	}
	m[KeySurname], m[KeyForenames] = 0, 0
	if err := m.Validate(headers); err == nil || !strings.Contains(err.Error(), "both") {
		t.Fatalf("one column for two fields: %v", err)
	}
	m[KeyForenames] = 5
	if err := m.Validate(headers); err == nil || !strings.Contains(err.Error(), "only 2 columns") {
		t.Fatalf("column out of range: %v", err)
	}
	if err := (Mapping{"shoe_size": 0}).Validate(headers); err == nil {
		t.Fatal("an unknown field was accepted")
	}
}

func rowsOf(t *testing.T, csv string) []Row {
	t.Helper()
	tb := mustRead(t, csv)
	return AutoMap(tb.Headers).Rows(tb)
}

func TestRowsReadEachKindOfCell(t *testing.T) {
	rows := rowsOf(t, "Title,First name,Surname,DOB,Gender,NHS No,Mobile,Interpreter,Communication needs,Alerts,Last seen,Known as\r\n"+
		"Ms,Zoë,Łukasiewicz-O'Brien,7/5/1984,F,943 476 5919,+44 7700 900123,yes,Large print; BSL interpreter,Safeguarding; Other: uses a wheelchair,2024-03-01 00:00,-\r\n"+
		",,,,,,,,,,,\r\n"+ // blank row: skipped
		"Mr,Ahmed,Ivanov,31/02/1980,X,,,maybe,Large print; Telepathy,,17/05/24,\r\n")
	if len(rows) != 2 {
		t.Fatalf("rows %+v", rows)
	}
	good := rows[0]
	if len(good.Problems) != 0 || good.Line != 2 {
		t.Fatalf("good row: %+v", good)
	}
	p := good.Patient
	if p.Title != "Ms" || p.Forenames != "Zoë" || p.Surname != "Łukasiewicz-O'Brien" || p.DOB != ukcal.MustParseDate("1984-05-07") ||
		p.Sex != "female" || p.NHSNumber != "943 476 5919" || p.Phones.Mobile != "+44 7700 900123" || !p.Interpreter ||
		!reflect.DeepEqual(p.AIS.Needs, []string{"large_print", "bsl_interpreter"}) || p.LastTreatment != ukcal.MustParseDate("2024-03-01") || p.PreferredName != "-" ||
		!reflect.DeepEqual(p.Alerts, []patients.Alert{{Kind: "safeguarding"}, {Kind: "other", Text: "uses a wheelchair"}}) {
		t.Fatalf("patient %+v", p)
	}
	bad := rows[1]
	if bad.Line != 4 {
		t.Fatalf("bad row line %d", bad.Line)
	}
	got := strings.Join(bad.Problems, "\n")
	for _, want := range []string{`date of birth "31/02/1980" is not a real date`, `sex "X"`, `"interpreter needed" should be yes or no, not "maybe"`,
		`unknown communication need "Telepathy"`, `"17/05/24" has a two-digit year`} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

func TestRowsReportRaggedRows(t *testing.T) {
	rows := rowsOf(t, "First name,Surname,DOB\nAnn,Smith,01/01/1990\nBob,Jones,1 High St, Leeds,01/01/1990\nCai\n")
	if len(rows[0].Problems) != 0 || !strings.Contains(strings.Join(rows[1].Problems, ";"), "has 5 cells but the header has 3") ||
		!strings.Contains(strings.Join(rows[2].Problems, ";"), "has 1 cells") || rows[2].Line != 4 {
		t.Fatalf("%+v", rows)
	}
}

func TestRowsRefuseFormulasButNotPhonesOrDashes(t *testing.T) {
	rows := rowsOf(t, "First name,Surname,DOB,Mobile,Known as\n"+
		`"=HYPERLINK(""http://evil.example"",""Click"")",Smith,01/01/1990,+44 7700 900123,-`+"\n"+
		`Ann,@SUM(A1),01/01/1990,"-2+3",--`+"\n"+
		`'=Ann,'+Smith,01/01/1990,'+44 7700 900123,'-`+"\n")
	if len(rows[0].Problems) != 1 || !strings.HasPrefix(rows[0].Problems[0], `the first name is a spreadsheet formula (it starts with "=")`) {
		t.Fatalf("formula in first name: %q", rows[0].Problems)
	}
	if rows[0].Patient.Phones.Mobile != "+44 7700 900123" || rows[0].Patient.PreferredName != "-" {
		t.Fatalf("phone or dash lost: %+v", rows[0].Patient)
	}
	if len(rows[1].Problems) != 2 || rows[1].Patient.PreferredName != "--" {
		t.Fatalf("@SUM and -2+3: %q %+v", rows[1].Problems, rows[1].Patient)
	}
	// Quoted on export: text on purpose, the quote comes off.
	p := rows[2].Patient
	if len(rows[2].Problems) != 0 || p.Forenames != "=Ann" || p.Surname != "+Smith" || p.Phones.Mobile != "+44 7700 900123" || p.PreferredName != "-" {
		t.Fatalf("neutralised cells: %q %+v", rows[2].Problems, p)
	}
}

func TestPlaceholdersMeanNothingInCodedFields(t *testing.T) {
	rows := rowsOf(t, "First name,Surname,DOB,NHS No,Post code,Mobile,Email,Interpreter,Alerts,Communication needs,Last seen,Sex,Known as\n"+
		"-,N/A,01/01/1990,-,N/A,none,-,n/a,None,-,Unknown,-,-\n"+
		"Ann,Smith,-,,,,,,,,,unknown,\n")
	p := rows[0].Patient
	if len(rows[0].Problems) != 0 || p.NHSNumber != "" || p.Address.Postcode != "" || p.Phones.Mobile != "" || p.Email != "" ||
		p.Interpreter || p.Alerts != nil || p.AIS.Needs != nil || !p.LastTreatment.IsZero() || p.Sex != "" {
		t.Fatalf("placeholders: %q %+v", rows[0].Problems, p)
	}
	if p.Forenames != "-" || p.Surname != "N/A" || p.PreferredName != "-" {
		t.Fatalf("names must stay as typed: %+v", p)
	}
	if len(rows[1].Problems) != 1 || !strings.Contains(rows[1].Problems[0], `date of birth "-"`) || rows[1].Patient.Sex != "not_known" {
		t.Fatalf("a date of birth of \"-\" is still a problem: %q %+v", rows[1].Problems, rows[1].Patient)
	}
}

func TestLooksLikeFormula(t *testing.T) {
	for cell, want := range map[string]bool{
		"=1+1": true, `=HYPERLINK("http://x","y")`: true, "@SUM(A1:A3)": true, " =A1": true,
		"+1+1": true, "-2+3": true, "-cmd|' /C calc'!A0": true, "+HYPERLINK(\"x\")": true, "-SUM(A1)": true,
		"-A1*2": true, "+Sheet2!A1": true,
		"+44 7700 900123": false, "+44 (0)20 7946 0123": false, "-": false, "--": false, "-12": false,
		"- none -": false, "-Smith": false, "=": false, "@": false, "Smith": false, "": false,
		"- prefers afternoons (after 2pm)": false, "O'Brien": false, "'=1+1": false,
	} {
		if got := LooksLikeFormula(cell); got != want {
			t.Errorf("LooksLikeFormula(%q) = %v", cell, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"17/05/1984": "1984-05-17", "7/5/1984": "1984-05-07", "17-05-1984": "1984-05-17", "17.05.1984": "1984-05-17",
		"1984-05-17": "1984-05-17", " 17/05/1984 00:00 ": "1984-05-17", "29/02/2024": "2024-02-29",
	} {
		d, err := ParseDate(in)
		if err != nil || d.String() != want {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	for _, in := range []string{"31/02/1980", "1984-02-30", "17/05/84", "May 1984", "05/17/1984", "1984/05/17"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) accepted", in)
		}
	}
}

// Whatever a spreadsheet cell holds, ParseDate does not panic; a date it
// reads is a real one that reads back the same, and a refusal quotes the
// cell.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"17/05/1984", "7/5/1984", "1984-05-17", " 17/05/1984 00:00 ", "29/02/2024", "31/02/1980",
		"17/05/84", "May 1984", "", "N/A", "17 05 1984", "1984-02-30", "=1+1", strings.Repeat("1/", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() || !strings.Contains(err.Error(), "\"") {
				t.Fatalf("ParseDate(%q) = %v, %v", s, d, err)
			}
			return
		}
		if back, err := ParseDate(d.Short()); err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v, which reads back as %v, %v", s, d, back, err)
		}
		if back, err := ParseDate(d.String()); err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v, whose ISO form reads back as %v, %v", s, d, back, err)
		}
	})
}
