package patients

import (
	"slices"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

func TestLetterKnownAsOnlyWhenTheRecordSaysSo(t *testing.T) {
	p := Patient{Title: "Mr", Forenames: "Robert", Surname: "Smith", PreferredName: "Bob"}
	if got := LetterKnownAs(p); got != "" {
		t.Fatalf("not asked for, yet %q", got)
	}
	p.UseKnownAs = true
	if got := LetterKnownAs(p); got != "Bob" {
		t.Fatalf("asked for: %q", got)
	}
}

func TestKnownAsInLettersNeedsAKnownAsName(t *testing.T) {
	p := Patient{Forenames: "Robert", Surname: "Smith", DOB: ukcal.MustParseDate("1961-04-02"), PreferredName: "   ", UseKnownAs: true}
	err := Normalise(&p, Options{Today: ukcal.MustParseDate("2026-11-23")})
	fe, ok := err.(FieldErrors)
	if !ok || len(fe) != 1 || fe[0].Field != FieldPreferredName || !strings.Contains(fe[0].Message, "untick") {
		t.Fatalf("%v", err)
	}
	p.PreferredName = " Bob "
	if err := Normalise(&p, Options{}); err != nil || p.PreferredName != "Bob" || !p.UseKnownAs {
		t.Fatalf("%+v: %v", p, err)
	}
}

func TestTickingKnownAsInLettersIsAChange(t *testing.T) {
	old := Patient{Forenames: "Robert", Surname: "Smith", PreferredName: "Bob"}
	now := old
	now.UseKnownAs = true
	if got := ChangedFields(old, now); !slices.Equal(got, []string{"known-as name in letters"}) {
		t.Fatalf("changed %q", got)
	}
}
