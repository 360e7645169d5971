package patientcsv

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

func TestImportMapsAGPAddressColumn(t *testing.T) {
	for _, h := range []string{"GP practice address", "GP address", "practice_address", "Surgery address"} {
		if m := AutoMap([]string{"x", h}); m[KeyGPAddress] != 1 || len(m) != 1 {
			t.Errorf("%q: mapped %v, want %s", h, m, KeyGPAddress)
		}
	}

	rows := rowsOf(t, "First name,Surname,DOB,GP practice,GP address\r\n"+
		"Zoë,Price,01/02/1990,Hyde Park Surgery,7 Mayfield Row; Leeds ;LS6 9ZZ\r\n"+
		"Ann,Lee,01/02/1990,Park Surgery,\"Flat 2, 14 Park Row\n\nLeeds\nLS1 4AP\"\r\n"+
		"Bob,Ray,01/02/1990,,N/A\r\n")
	if len(rows) != 3 {
		t.Fatalf("rows %+v", rows)
	}
	for i, want := range [][]string{
		{"7 Mayfield Row", "Leeds", "LS6 9ZZ"},      // semicolons
		{"Flat 2, 14 Park Row", "Leeds", "LS1 4AP"}, // line breaks; the comma stays in its line
		nil, // "N/A" is nothing
	} {
		r := rows[i]
		if len(r.Problems) != 0 || !reflect.DeepEqual(r.Patient.GP.Address, want) {
			t.Errorf("line %d: address %#v (problems %q), want %#v", r.Line, r.Patient.GP.Address, r.Problems, want)
		}
	}
}

func TestExportWritesTheGPAddressAndImportsItBack(t *testing.T) {
	p := patients.Patient{Forenames: "Zoë", Surname: "Price", DOB: ukcal.MustParseDate("1990-02-01"),
		GP: patients.GP{Name: "Dr Amara Okafor", Practice: "Hyde Park Surgery",
			Address: []string{"Unit 2, Tŷ Gwyn", "7 Mayfield Row", "Leeds", "LS6 9ZZ"}}}
	var b bytes.Buffer
	if err := Write(&b, []patients.Patient{p}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), ",GP practice address,") ||
		!strings.Contains(b.String(), ",\"Unit 2, Tŷ Gwyn\n7 Mayfield Row\nLeeds\nLS6 9ZZ\",") {
		t.Fatalf("export:\n%s", b.String())
	}
	tb := mustRead(t, b.String())
	rows := AutoMap(tb.Headers).Rows(tb)
	if len(rows) != 1 || len(rows[0].Problems) != 0 {
		t.Fatalf("rows %+v", rows)
	}
	if got := rows[0].Patient.GP; !reflect.DeepEqual(got, p.GP) {
		t.Fatalf("round trip: %#v, want %#v", got, p.GP)
	}

	// A ';' inside a line would split it on import: it goes out as ','.
	if got := ParseAddressLines(FormatAddressLines([]string{"Suite 1; Floor 2", "Leeds"})); !reflect.DeepEqual(got, []string{"Suite 1, Floor 2", "Leeds"}) {
		t.Fatalf("semicolon in a line: %q", got)
	}
}
