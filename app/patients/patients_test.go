package patients

import (
	"errors"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"
)

var today = ukcal.MustParseDate("2026-11-23")

func TestNormaliseTidiesAndKeepsNamesAsTyped(t *testing.T) {
	// "Zoë" typed with a combining diaeresis becomes the one NFC character.
	p := Patient{Forenames: "  Zoe\u0308 ", Surname: "Łukasiewicz-O'Brien", PreferredName: "王秀英", DOB: ukcal.MustParseDate("1984-02-29"),
		NHSNumber: " 943-476-5919 ", Address: Address{Postcode: "cf101aa"}, Phones: Phones{Mobile: "(07700) 900-123"},
		AIS: AIS{Needs: []string{"large_print", "large_print"}}}
	if err := Normalise(&p, Options{Today: today}); err != nil {
		t.Fatal(err)
	}
	if p.Forenames != "Zoë" || p.Surname != "Łukasiewicz-O'Brien" || p.PreferredName != "王秀英" {
		t.Fatalf("names: %q %q %q", p.Forenames, p.Surname, p.PreferredName)
	}
	if p.NHSNumber != "9434765919" || p.Address.Postcode != "CF10 1AA" || p.Phones.Mobile != "+447700900123" {
		t.Fatalf("normalised: %+v", p)
	}
	if len(p.AIS.Needs) != 1 || p.Status != Active {
		t.Fatalf("needs %v status %q", p.AIS.Needs, p.Status)
	}
	again := p
	if err := Normalise(&again, Options{Today: today}); err != nil || again.NHSNumber != p.NHSNumber || again.Address != p.Address || again.Phones != p.Phones {
		t.Fatal("normalising twice changed the record")
	}
}

func TestNormaliseNamesEachBadField(t *testing.T) {
	p := Patient{Forenames: "", Surname: " ", DOB: ukcal.MustParseDate("2027-01-01"), NHSNumber: "1234567890", Address: Address{Postcode: "EH1 JS"},
		Phones: Phones{Home: "123"}, Email: "not-an-email", Sex: "robot", AIS: AIS{Needs: []string{"telepathy"}, Reviewed: ukcal.MustParseDate("2030-01-01")},
		Alerts: []Alert{{Kind: "other"}}}
	err := Normalise(&p, Options{Today: today})
	fe, ok := err.(FieldErrors)
	if !ok {
		t.Fatalf("err = %v", err)
	}
	for _, f := range []string{FieldForenames, FieldSurname, FieldDOB, FieldNHSNumber, FieldPostcode, FieldHome, FieldEmail, FieldSex, FieldAISNeeds, FieldAISReviewed, FieldAlerts} {
		if fe.For(f) == "" {
			t.Errorf("no message for %s: %v", f, err)
		}
	}
	if msg := fe.For(FieldDOB); msg != "the date of birth 01/01/2027 is in the future: check the year" {
		t.Errorf("DOB message: %q", msg)
	}
}

func TestPseudoPostcodesOnlyWhenChosen(t *testing.T) {
	p := Patient{Forenames: "A", Surname: "B", DOB: ukcal.MustParseDate("1990-01-01"), Address: Address{Postcode: "zz993vz"}}
	if err := Normalise(&p, Options{Today: today}); err == nil {
		t.Fatal("pseudo-postcode accepted without the choice")
	}
	p.Address.Postcode = "zz993vz"
	if err := Normalise(&p, Options{Today: today, AllowPseudoPostcode: true}); err != nil || p.Address.Postcode != "ZZ99 3VZ" {
		t.Fatalf("chosen pseudo-postcode: %v %q", err, p.Address.Postcode)
	}
}

func TestParseQuery(t *testing.T) {
	cases := []struct {
		in   string
		want PatientQuery
	}{
		{"smith", PatientQuery{NameTokens: []string{"smith"}}},
		{"john smi", PatientQuery{NameTokens: []string{"john", "smi"}}},
		{"943 476 5919", PatientQuery{NHSNumber: "9434765919"}},
		{"9434765919", PatientQuery{NHSNumber: "9434765919"}},
		{"12/03/1980", PatientQuery{DOB: ukcal.MustParseDate("1980-03-12")}},
		{"1/3/1980", PatientQuery{DOB: ukcal.MustParseDate("1980-03-01")}},
		{"smith 12/03/1980", PatientQuery{NameTokens: []string{"smith"}, DOB: ukcal.MustParseDate("1980-03-12")}},
		{"ls1 4ap", PatientQuery{Postcode: "LS1 4AP"}},
		{"LS14AP", PatientQuery{Postcode: "LS1 4AP"}},
		{"07700 900123", PatientQuery{Phone: "+447700900123"}},
		{"+44 113 496 0000", PatientQuery{Phone: "+441134960000"}},
		{"LS1", PatientQuery{Postcode: "LS1"}},
		{"31/02/1980", PatientQuery{NameTokens: []string{"31/02/1980"}}},
		{"", PatientQuery{}},
	}
	for _, tc := range cases {
		got := ParseQuery(tc.in)
		if !sameQuery(got, tc.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestParseQueryReadsAShortDateOfBirthFromToday(t *testing.T) {
	today := ukcal.MustParseDate("2026-12-06")
	for _, tc := range []struct{ in, dob string }{
		{"25/12/02", "2002-12-25"},
		{"25/12/30", "1930-12-25"},
		{"smith 1/2/03", "2003-02-01"},
		{"25-12-02", "2002-12-25"},
	} {
		if got := ParseQueryOn(tc.in, today); got.DOB.String() != tc.dob {
			t.Errorf("ParseQueryOn(%q) DOB = %q, want %q", tc.in, got.DOB, tc.dob)
		}
	}
	// With no today to count from, a short year is only a name part.
	if got := ParseQuery("25/12/02"); !got.DOB.IsZero() {
		t.Errorf("ParseQuery with no today guessed a century: %q", got.DOB)
	}
}

func sameQuery(a, b PatientQuery) bool {
	if len(a.NameTokens) != len(b.NameTokens) {
		return false
	}
	for i := range a.NameTokens {
		if a.NameTokens[i] != b.NameTokens[i] {
			return false
		}
	}
	return a.NHSNumber == b.NHSNumber && a.DOB == b.DOB && a.Postcode == b.Postcode && a.Phone == b.Phone
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"smith", "943 476 5919", "12/03/1980", "LS1 4AP", "07700 900123", "\"*)(", "ł ø ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		if q.NHSNumber != "" && len(q.NHSNumber) != 10 {
			t.Fatalf("NHS number %q", q.NHSNumber)
		}
		if !q.DOB.IsZero() && (q.DOB.Year() < 1000 || q.DOB.Year() > 9999) {
			t.Fatalf("DOB %v", q.DOB)
		}
	})
}

func TestSimilarNames(t *testing.T) {
	p := func(f, s string) Patient { return Patient{Forenames: f, Surname: s} }
	similar := [][2]Patient{
		{p("John", "Smith"), p("Jon", "Smith")},
		{p("Zoë", "Łukasiewicz-O'Brien"), p("zoe", "Lukasiewicz OBrien")},
		{p("Siobhán", "Ó Briain"), p("Siobhan", "O Briain")},
		{p("Catherine", "Jones"), p("Cathrine", "Jones")},
		{p("Mohammed", "Khan"), p("Mohammed Ali", "Khan")},
	}
	for _, pair := range similar {
		if !SimilarNames(pair[0], pair[1]) {
			t.Errorf("%v and %v should be similar", pair[0].Forenames+" "+pair[0].Surname, pair[1].Forenames+" "+pair[1].Surname)
		}
	}
	different := [][2]Patient{
		{p("John", "Smith"), p("Mary", "Smith")},
		{p("John", "Smith"), p("John", "Jones")},
		{p("Adam", "Brown"), p("Alexandra", "Brown")},
	}
	for _, pair := range different {
		if SimilarNames(pair[0], pair[1]) {
			t.Errorf("%v and %v should not be similar", pair[0].Forenames+" "+pair[0].Surname, pair[1].Forenames+" "+pair[1].Surname)
		}
	}
}

func TestParseAISNeeds(t *testing.T) {
	codes, unknown := ParseAISNeeds("Large print; BSL interpreter, easy read / telepathy")
	if len(codes) != 3 || codes[0] != "large_print" || codes[1] != "bsl_interpreter" || codes[2] != "easy_read" {
		t.Fatalf("codes %v", codes)
	}
	if len(unknown) != 1 || unknown[0] != "telepathy" {
		t.Fatalf("unknown %v", unknown)
	}
}

// An over-long line is named for what it is and marked on its own field,
// not as "a field" under the address.
func TestNormaliseNamesEachOverLongField(t *testing.T) {
	long := strings.Repeat("x", 201)
	p := Patient{Forenames: "A", Surname: "B", DOB: ukcal.MustParseDate("1990-01-01"),
		GP: GP{Name: long}, NextOfKin: NextOfKin{Relationship: long}, Address: Address{Town: long}}
	err := Normalise(&p, Options{})
	var fe FieldErrors
	if !errors.As(err, &fe) {
		t.Fatalf("Normalise: %v", err)
	}
	want := map[string]string{FieldGPName: "the GP's name is longer than 200 characters",
		FieldNOKRelation: "the relationship is longer than 200 characters", FieldTown: "the town is longer than 200 characters"}
	if len(fe) != len(want) {
		t.Fatalf("errors %+v", fe)
	}
	for _, e := range fe {
		if want[e.Field] != e.Message {
			t.Errorf("%s: %q, want %q", e.Field, e.Message, want[e.Field])
		}
	}
}
