package patientcsv

import (
	"bufio"
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

func fullPatient() patients.Patient {
	return patients.Patient{
		ID: "id-1", Title: "Ms", Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", PreferredName: "Zo", UseKnownAs: true,
		DOB: ukcal.MustParseDate("1984-05-17"), Sex: "female", GenderIdentity: "woman", NHSNumber: "9434765919",
		Address: patients.Address{Line1: "Flat 2, 14 Park Row", Line2: "Headingley", Town: "Leeds", County: "West Yorkshire", Postcode: "LS1 4AP"},
		Phones:  patients.Phones{Mobile: "+447700900123", Home: "+441134960123", Work: "+442079460123"},
		Email:   "zoe@example.co.uk", GP: patients.GP{Name: "Dr A \"Doc\" Patel", Practice: "Park Surgery"},
		NextOfKin: patients.NextOfKin{Name: "Siân Ŵyn", Relationship: "Partner", Phone: "+447700900456"},
		Language:  "Polish", Interpreter: true, Consent: patients.Consent{Letter: true, SMS: true},
		Alerts:        []patients.Alert{{Kind: "violent_warning"}, {Kind: "other", Text: "uses a wheelchair"}},
		AIS:           patients.AIS{Needs: []string{"large_print", "bsl_interpreter"}, Notes: "Book a BSL interpreter\nfor every visit", Reviewed: ukcal.MustParseDate("2025-01-31")},
		LastTreatment: ukcal.MustParseDate("2025-02-01"), Status: patients.Active,
	}
}

func TestWriteIsRFC4180WithABOMAndUKFormats(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, []patients.Patient{fullPatient()}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\xEF\xBB\xBFTitle,Forenames,Surname,Preferred name,Use known-as name in letters,Date of birth,") || !strings.HasSuffix(out, "\r\n") {
		t.Fatalf("start or end: %q", out)
	}
	if strings.Count(out, "\r\n") != 2 || strings.Count(strings.ReplaceAll(out, "\r\n", ""), "\n") != 1 {
		t.Fatalf("records must end CRLF; only the notes' own line break stays LF: %q", out)
	}
	for _, want := range []string{
		",Zo,Yes,17/05/1984,Female,woman,943 476 5919,\"Flat 2, 14 Park Row\",",
		",07700 900123,0113 496 0123,020 7946 0123,",
		`,"Dr A ""Doc"" Patel",`,
		",Polish,Yes,Yes,No,Yes,No,\"Violent warning; Other: uses a wheelchair\",\"Large print; BSL interpreter\",\"Book a BSL interpreter\nfor every visit\",31/01/2025,01/02/2025,,Active\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
}

func TestEmptyExportHasAHeader(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, nil); err != nil {
		t.Fatal(err)
	}
	if b.String() != "\xEF\xBB\xBF"+strings.Join(Header(), ",")+"\r\n" {
		t.Fatalf("%q", b.String())
	}
}

func TestExportImportsAgainUnchanged(t *testing.T) {
	p := fullPatient()
	var b bytes.Buffer
	if err := Write(&b, []patients.Patient{p}); err != nil {
		t.Fatal(err)
	}
	tb := mustRead(t, b.String())
	m := AutoMap(tb.Headers)
	if un := m.Unmapped(tb.Headers); len(un) != 1 || un[0].Header != StatusLabel {
		t.Fatalf("export columns the importer does not know: %v", un)
	}
	if len(m) != len(fields) {
		t.Fatalf("only %d of %d fields mapped back", len(m), len(fields))
	}
	rows := m.Rows(tb)
	if len(rows) != 1 || len(rows[0].Problems) != 0 || rows[0].Line != 2 {
		t.Fatalf("rows %+v", rows)
	}
	got := rows[0].Patient
	// Phones and NHS numbers come back as shown; the app normalises them.
	if got.NHSNumber != "943 476 5919" || got.Phones.Mobile != "07700 900123" || got.NextOfKin.Phone != "07700 900456" {
		t.Fatalf("shown forms: %+v", got)
	}
	got.NHSNumber, got.Phones, got.NextOfKin.Phone = p.NHSNumber, p.Phones, p.NextOfKin.Phone
	got.ID, got.Status = p.ID, p.Status
	if !reflect.DeepEqual(got, p) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, p)
	}
}

func TestDangerousCellsAreNeutralisedAndComeBack(t *testing.T) {
	p := patients.Patient{Forenames: "=HYPERLINK(\"http://evil.example\",\"Click\")", Surname: "+Smith", PreferredName: "-",
		Title: "@SUM(A1)", GenderIdentity: "\tindent", Language: "\rcarriage", Address: patients.Address{Line1: "'t Hart", County: "'=already quoted"},
		AIS: patients.AIS{Notes: "-cmd|' /C calc'!A0"}, DOB: ukcal.MustParseDate("1990-01-01")}
	var b bytes.Buffer
	if err := Write(&b, []patients.Patient{p}); err != nil {
		t.Fatal(err)
	}
	tb := mustRead(t, b.String())
	raw := map[string]string{}
	for i, h := range tb.Headers {
		raw[h] = tb.Records[0].Cells[i]
	}
	for h, want := range map[string]string{"Forenames": "'=HYPERLINK", "Surname": "'+Smith", "Preferred name": "'-", "Title": "'@SUM",
		"Gender identity": "'\tindent", "Preferred language": "'\rcarriage", "County": "''=already", "Address line 1": "'t Hart",
		"Communication needs notes": "'-cmd|"} {
		if !strings.HasPrefix(raw[h], want) {
			t.Errorf("%s written as %q, want it to start %q", h, raw[h], want)
		}
	}
	got := AutoMap(tb.Headers).Rows(tb)[0]
	if len(got.Problems) != 0 {
		t.Fatalf("problems: %q", got.Problems)
	}
	q := got.Patient
	if q.Forenames != p.Forenames || q.Surname != p.Surname || q.PreferredName != p.PreferredName || q.Title != p.Title ||
		q.GenderIdentity != p.GenderIdentity || q.Language != p.Language || q.Address.County != p.Address.County || q.Address.Line1 != p.Address.Line1 ||
		q.AIS.Notes != p.AIS.Notes {
		t.Fatalf("not restored:\n got %+v\nwant %+v", q, p)
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+44 7700 900123": "'+44 7700 900123", "-": "'-", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"'=x": "''=x", "''+x": "'''+x", "'t Hart": "'t Hart", "O'Brien": "O'Brien", "": "", "'": "'", "a=b": "a=b", " =x": "' =x", "\n @0": "'\n @0", "' =x": "'' =x", "' x": "' x", "\v=x": "\v=x",
	} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
		if back := Unneutralise(Neutralise(in)); back != in {
			t.Errorf("Unneutralise(Neutralise(%q)) = %q", in, back)
		}
	}
}

// FuzzNeutralise: a neutralised cell never starts with a dangerous
// character; taking the quote off gives the cell back; and a cell written
// to CSV and read again comes back the same (line breaks apart: encoding/
// csv reads a CRLF inside a cell as LF).
func FuzzNeutralise(f *testing.F) {
	for _, s := range []string{"=1+1", "+44 7700 900123", "-", "@SUM(A1)", "\t", "\r", "'=x", "'t Hart", "Zoë", "a,\"b\"\nc", " x ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, x string) {
		n := Neutralise(x)
		if n != "" && strings.IndexByte(dangerous, n[0]) >= 0 {
			t.Fatalf("Neutralise(%q) = %q starts with a dangerous character", x, n)
		}
		if !strings.HasPrefix(x, "'") && Unneutralise(n) != x {
			t.Fatalf("Unneutralise(Neutralise(%q)) = %q", x, Unneutralise(n))
		}
		if Unneutralise(n) != x {
			t.Fatalf("even with a leading quote, Unneutralise(Neutralise(%q)) = %q", x, Unneutralise(n))
		}
		if LooksLikeFormula(n) {
			t.Fatalf("%q still looks like a formula", n)
		}
		if !utf8.ValidString(x) || strings.ContainsRune(x, 0) || strings.Contains(x, "\r\n") {
			return // Read refuses these files, or folds CRLF
		}
		var b bytes.Buffer
		w := NewWriter(&b)
		w.start()
		w.record([]string{x, "end"})
		if err := w.w.Flush(); err != nil {
			t.Fatal(err)
		}
		tb, err := Read(bufio.NewReader(&b))
		if err != nil {
			t.Fatalf("cell %q: %v", x, err)
		}
		if len(tb.Records) != 1 || len(tb.Records[0].Cells) != 2 || Unneutralise(tb.Records[0].Cells[0]) != x || tb.Records[0].Line != 2 {
			t.Fatalf("cell %q came back as %+v", x, tb.Records)
		}
	})
}

// A date of death goes out as dd/mm/yyyy under "Date of death" and comes
// back in the same place, so a move between systems never loses it.
func TestDateOfDeathRoundTrips(t *testing.T) {
	p := fullPatient()
	p.DateOfDeath = ukcal.MustParseDate("2026-11-03")
	var b bytes.Buffer
	if err := Write(&b, []patients.Patient{p}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), ",Last seen,Date of death,Status\r\n") || !strings.Contains(b.String(), ",01/02/2025,03/11/2026,Active\r\n") {
		t.Fatalf("export:\n%s", b.String())
	}
	tb, err := Read(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows := AutoMap(tb.Headers).Rows(tb)
	if len(rows) != 1 || rows[0].Patient.DateOfDeath != ukcal.MustParseDate("2026-11-03") {
		t.Fatalf("read back: %+v", rows)
	}
	// The usual other names for the column are understood.
	if m := AutoMap([]string{"Surname", "DOD"}); m[KeyDateOfDeath] != 1 {
		t.Fatalf("a DOD column maps to %v", m)
	}
}
