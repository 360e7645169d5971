package patients

import (
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

func TestGPAddressIsTidiedWithThePostcodeLast(t *testing.T) {
	typed := []string{"  Hyde Park   Surgery Annexe ", "", "14 Hyde Park Road\r\n\nHeadingley", "Leeds", " ls6 1ab "}
	kept := append([]string(nil), typed...)
	got, problem := NormaliseGPAddress(typed)
	want := []string{"Hyde Park Surgery Annexe", "14 Hyde Park Road", "Headingley", "Leeds", "LS6 1AB"}
	if problem != "" || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q (%s), want %q", got, problem, want)
	}
	if !reflect.DeepEqual(typed, kept) {
		t.Fatalf("the lines given were changed: %q", typed)
	}

	// A last line that is not a postcode stays as typed; nothing is no lines.
	if got, problem := NormaliseGPAddress([]string{"The Health Centre", "Stornoway"}); problem != "" ||
		!reflect.DeepEqual(got, []string{"The Health Centre", "Stornoway"}) {
		t.Fatalf("no postcode: %q %s", got, problem)
	}
	if got, problem := NormaliseGPAddress([]string{" ", "\n"}); got != nil || problem != "" {
		t.Fatalf("blank lines: %#v %s", got, problem)
	}
}

func TestGPAddressRefusesTooManyOrTooLongLines(t *testing.T) {
	six := []string{"Unit 4", "Riverside Business Park", "Kirkstall Road", "Kirkstall", "Leeds", "LS4 2AB"}
	if _, problem := NormaliseGPAddress(six); problem == "" || !strings.Contains(problem, "has 6 lines") ||
		!strings.Contains(problem, "at most 5") || !strings.Contains(problem, "GP practice's address") {
		t.Fatalf("six lines: %q", problem)
	}
	long := []string{"The Surgery", strings.Repeat("x", MaxGPAddressLineChars+1), "LS1 4AP"}
	if _, problem := NormaliseGPAddress(long); !strings.Contains(problem, "line 2 of the GP practice's address is longer than 50 characters") {
		t.Fatalf("long line: %q", problem)
	}
	fits := []string{strings.Repeat("ŵ", MaxGPAddressLineChars)} // characters, not bytes
	if _, problem := NormaliseGPAddress(fits); problem != "" {
		t.Fatalf("a line of exactly %d characters: %q", MaxGPAddressLineChars, problem)
	}

	// Through Normalise the message is the field's own.
	p := Patient{Forenames: "Ann", Surname: "Lee", DOB: ukcal.MustParseDate("1980-01-01"), GP: GP{Address: six}}
	err := Normalise(&p, Options{Today: today})
	fe, ok := err.(FieldErrors)
	if !ok || len(fe) != 1 || !strings.Contains(fe.For(FieldGPAddress), "at most 5") {
		t.Fatalf("Normalise: %v", err)
	}
}
