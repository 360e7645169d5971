package app

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// Everything held about the patient includes their GP practice's address,
// in the JSON copy with the other GP fields and in the PDF.
func TestSubjectAccessIncludesTheGPPracticeAddress(t *testing.T) {
	c, _ := sarClinic(t)
	address := []string{"Roath Health Centre", "Heol y Parc", "Caerdydd", "CF24 3AA"}
	p := zoe()
	p.GP = patients.GP{Name: "Dr Ahmed", Practice: "Roath Surgery", Address: address}
	p, err := c.CreatePatient(p, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	bare, err := c.CreatePatient(patients.Patient{Forenames: "John", Surname: "Smith", DOB: ukcal.MustParseDate("1970-01-01")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}

	gpOf := func(js []byte) map[string]any {
		t.Helper()
		var doc struct {
			Patient struct {
				GP map[string]any `json:"gp"`
			} `json:"patient"`
		}
		if err := json.Unmarshal(js, &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Patient.GP
	}

	var pdf, js bytes.Buffer
	if _, err := c.SubjectAccess(p.ID, ukcal.MustParseDate("2026-11-23"), "", &pdf, &js); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"name": "Dr Ahmed", "practice": "Roath Surgery",
		"address": []any{"Roath Health Centre", "Heol y Parc", "Caerdydd", "CF24 3AA"}}
	if got := gpOf(js.Bytes()); !reflect.DeepEqual(got, want) {
		t.Fatalf("JSON gp = %v, want %v", got, want)
	}
	if text := pdfTextOf(t, pdf.Bytes()); !strings.Contains(text, "GP practice’s address Roath Health Centre Heol y Parc Caerdydd CF24 3AA") {
		t.Fatalf("the PDF lacks the practice's address:\n%s", text)
	}

	// Without one, the key is still there, as an empty list.
	pdf.Reset()
	js.Reset()
	if _, err := c.SubjectAccess(bare.ID, ukcal.MustParseDate("2026-11-23"), "", &pdf, &js); err != nil {
		t.Fatal(err)
	}
	if got := gpOf(js.Bytes())["address"]; !reflect.DeepEqual(got, []any{}) {
		t.Fatalf("no address gives %#v, want []", got)
	}
}
