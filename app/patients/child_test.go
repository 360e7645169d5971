package patients

import (
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

func TestWasNotBroughtIsTheAgeOnTheDayOfTheAppointment(t *testing.T) {
	for _, c := range []struct {
		dob, on string
		under   int
		want    bool
	}{
		{"2010-11-22", "2026-11-21", 16, true},  // the day before her 16th birthday
		{"2010-11-22", "2026-11-22", 16, false}, // the birthday itself
		{"2010-11-22", "2026-11-23", 16, false}, // the day after
		{"2021-03-14", "2026-11-23", 0, true},   // five; 0 is the default, 16
		{"2008-02-29", "2024-02-28", 16, true},  // a leap-day birthday counts on the day…
		{"2008-02-29", "2024-02-29", 16, false},
		{"2008-02-29", "2023-02-28", 15, true}, // …and from 1 March in other years
		{"2008-02-29", "2023-03-01", 15, false},
		{"2009-06-01", "2026-11-23", 18, true}, // a clinic that says under 18
		{"", "2026-11-23", 16, false},          // no date of birth: an adult's wording
	} {
		var dob ukcal.Date
		if c.dob != "" {
			dob = ukcal.MustParseDate(c.dob)
		}
		if got := WasNotBrought(dob, ukcal.MustParseDate(c.on), c.under); got != c.want {
			t.Errorf("born %s, on %s, under %d: %v, want %v", c.dob, c.on, c.under, got, c.want)
		}
	}
}

func TestParentOrCarerIsTidiedAndNeedsAName(t *testing.T) {
	p := Patient{Forenames: "Ruby", Surname: "Shaw", DOB: ukcal.MustParseDate("2021-03-14"),
		ParentCarer: ParentCarer{Title: " Mrs ", Forenames: "Hannah", Surname: " Shaw", Relationship: "Mother",
			Phone: "07700 900456", Address: []string{" Flat 2,  19 Bridge Street", "", "Otley\nls21 1bq"}}}
	if err := Normalise(&p, Options{Today: ukcal.MustParseDate("2026-11-23")}); err != nil {
		t.Fatal(err)
	}
	c := p.ParentCarer
	if c.Title != "Mrs" || c.Surname != "Shaw" || c.Phone != "+447700900456" ||
		strings.Join(c.Address, "|") != "Flat 2, 19 Bridge Street|Otley|LS21 1BQ" || CarerName(c) != "Mrs Hannah Shaw" {
		t.Fatalf("tidied: %+v", c)
	}
	for _, bad := range []ParentCarer{
		{Relationship: "Mother"},
		{Forenames: "Hannah"},
		{Forenames: "Hannah", Surname: "Shaw", Phone: "12"},
		{Forenames: "Hannah", Surname: "Shaw", Address: []string{"1", "2", "3", "4", "5", "6"}},
	} {
		q := Patient{Forenames: "Ruby", Surname: "Shaw", DOB: ukcal.MustParseDate("2021-03-14"), ParentCarer: bad}
		err := Normalise(&q, Options{})
		fe, ok := err.(FieldErrors)
		if !ok || len(fe) != 1 || !strings.Contains(fe[0].Field, "carer") {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}
