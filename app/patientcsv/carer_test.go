package patientcsv

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

func TestExportWritesTheParentOrCarerAndImportsItBack(t *testing.T) {
	p := patients.Patient{Forenames: "Ruby", Surname: "Shaw", DOB: ukcal.MustParseDate("2021-03-14"),
		ParentCarer: patients.ParentCarer{Title: "Mrs", Forenames: "Hannah", Surname: "Shaw", Relationship: "Mother",
			Phone: "+447700900456", Address: []string{"Flat 2, 19 Bridge Street", "Otley", "LS21 1BQ"}}}
	var b bytes.Buffer
	if err := Write(&b, []patients.Patient{p}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{",Parent or carer surname,", ",Parent or carer address,", ",07700 900456,",
		",\"Flat 2, 19 Bridge Street\nOtley\nLS21 1BQ\","} {
		if !strings.Contains(b.String(), want) {
			t.Fatalf("export lacks %q:\n%s", want, b.String())
		}
	}
	tb := mustRead(t, b.String())
	rows := AutoMap(tb.Headers).Rows(tb)
	if len(rows) != 1 || len(rows[0].Problems) != 0 {
		t.Fatalf("rows %+v", rows)
	}
	got := rows[0].Patient.ParentCarer
	if got.Phone != "07700 900456" {
		t.Fatalf("phone read as %q", got.Phone)
	}
	got.Phone = p.ParentCarer.Phone // read as written; saving normalises it
	if !reflect.DeepEqual(got, p.ParentCarer) {
		t.Fatalf("round trip: %#v, want %#v", got, p.ParentCarer)
	}
	if m := AutoMap([]string{"Parent first name", "Parent surname", "Carer phone"}); m[KeyCarerForenames] != 0 || m[KeyCarerSurname] != 1 || m[KeyCarerPhone] != 2 {
		t.Fatalf("mapped %v", m)
	}
}
