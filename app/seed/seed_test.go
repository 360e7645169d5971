package seed

import (
	"reflect"
	"strings"
	"testing"

	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

var today = ukcal.NewDate(2026, 3, 18)

func TestTenThousandPatientsAreValidAndAlreadyNormal(t *testing.T) {
	ps := Patients(10000, 42, today)
	nhsSeen := map[string]bool{}
	for i, p := range ps {
		q := p
		if err := patients.Normalise(&q, patients.Options{Today: today}); err != nil {
			t.Fatalf("patient %d (%s %s) does not pass Normalise: %v", i, p.Forenames, p.Surname, err)
		}
		q.Status = p.Status
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("patient %d changes when normalised:\n%+v\n%+v", i, p, q)
		}
		if p.NHSNumber != "" {
			if !nhs.IsTestNHSNumber(p.NHSNumber) {
				t.Fatalf("patient %d: %s is not a 999 test number", i, p.NHSNumber)
			}
			if nhsSeen[p.NHSNumber] {
				t.Fatalf("patient %d: NHS number %s given twice", i, p.NHSNumber)
			}
			nhsSeen[p.NHSNumber] = true
		}
		for _, ph := range []string{p.Phones.Mobile, p.Phones.Home, p.Phones.Work, p.NextOfKin.Phone} {
			if ph != "" && !nhs.IsDramaNumber(ph) {
				t.Fatalf("patient %d: %s is not in Ofcom's drama ranges", i, ph)
			}
		}
		if p.Email != "" {
			domain := p.Email[strings.LastIndex(p.Email, "@")+1:]
			if domain != "example.com" && domain != "example.org" && domain != "example.co.uk" && domain != "example.net" {
				t.Fatalf("patient %d: %s is not at an example domain", i, p.Email)
			}
		}
		if _, err := nhs.NormalisePostcode(p.Address.Postcode); err != nil {
			t.Fatalf("patient %d: postcode %q: %v", i, p.Address.Postcode, err)
		}
		if !postcodeFitsTown(p.Address.Postcode, p.Address.Town) {
			t.Fatalf("patient %d: %s is not a postcode of %s", i, p.Address.Postcode, p.Address.Town)
		}
		if !titleFitsSex(p.Title, p.Sex) {
			t.Fatalf("patient %d: title %q with sex %q", i, p.Title, p.Sex)
		}
		dob := p.DOB
		if !p.LastTreatment.IsZero() {
			lt := p.LastTreatment
			if lt.After(today) || lt.Before(dob) {
				t.Fatalf("patient %d: last treated %s, born %s", i, p.LastTreatment, p.DOB)
			}
		}
		if len(p.AIS.Needs) > 0 && p.AIS.Reviewed.IsZero() {
			t.Fatalf("patient %d has communication needs never reviewed", i)
		}
	}
}

func postcodeFitsTown(postcode, town string) bool {
	outward := strings.Fields(postcode)[0]
	for _, d := range towns[townByName[town]].districts {
		if d.code == outward {
			return true
		}
	}
	return false
}

func titleFitsSex(title, sex string) bool {
	switch title {
	case "Mrs", "Miss", "Ms":
		return sex == "female"
	case "Mr", "Master":
		return sex == "male"
	}
	return true // Dr, Prof, Rev, Mx, none
}

func TestTheSameSeedGivesTheSamePatients(t *testing.T) {
	a, b := Patients(500, 7, today), Patients(500, 7, today)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed gave different patients")
	}
	c := Patients(500, 8, today)
	same := 0
	for i := range a {
		if a[i].Forenames == c[i].Forenames && a[i].Surname == c[i].Surname && a[i].DOB == c[i].DOB {
			same++
		}
	}
	if same > 5 {
		t.Fatalf("seeds 7 and 8 gave %d identical patients", same)
	}
}

// A second batch for the same clinic starts where the first ended and
// shares no NHS number with it.
func TestASecondBatchHasNHSNumbersOfItsOwn(t *testing.T) {
	first := Patients(2000, 1, today)
	seen := map[string]bool{}
	for _, p := range first {
		seen[p.NHSNumber] = true
	}
	g := New(Options{Seed: 1, Today: today, First: len(first)})
	for i := 0; i < 2000; i++ {
		p := g.Next()
		if p.NHSNumber != "" && seen[p.NHSNumber] {
			t.Fatalf("second batch patient %d repeats NHS number %s", i, p.NHSNumber)
		}
	}
}

// The mix looks like a UK clinic's list: the names, forms and proportions
// the brief asks for.
func TestTheMixIsRealistic(t *testing.T) {
	ps := Patients(10000, 3, today)
	var ais, alerts, children, over95, interpreters, noNHS, nonLatin, nok int
	names := map[string]bool{}
	langs := map[string]int{}
	for _, p := range ps {
		names[p.Forenames] = true
		names[p.Surname] = true
		for _, f := range strings.Fields(p.Forenames) {
			names[f] = true
		}
		if len(p.AIS.Needs) > 0 {
			ais++
		}
		if len(p.Alerts) > 0 {
			alerts++
		}
		age := ageOn(p.DOB, today)
		if age < 16 {
			children++
			if p.NextOfKin.Name == "" {
				t.Fatalf("child %s %s has no next of kin", p.Forenames, p.Surname)
			}
			if p.Email != "" {
				t.Fatalf("child %s %s has an email address", p.Forenames, p.Surname)
			}
		}
		if age >= 95 {
			over95++
		}
		if p.Interpreter {
			interpreters++
		}
		if p.NHSNumber == "" {
			noNHS++
		}
		if p.NextOfKin.Name != "" {
			nok++
		}
		for _, r := range p.PreferredName {
			if r >= 0x4E00 && r <= 0x9FFF {
				nonLatin++
				break
			}
		}
		langs[p.Language]++
		// Polish women carry the feminine form of -ski/-cki surnames.
		if p.Sex == "female" && (strings.HasSuffix(p.Surname, "ski") || strings.HasSuffix(p.Surname, "cki")) {
			t.Fatalf("%s %s: a woman with a masculine Polish surname", p.Forenames, p.Surname)
		}
		if p.Sex == "male" && strings.HasPrefix(p.Surname, "Ní ") {
			t.Fatalf("%s %s: a man with a woman's Irish surname", p.Forenames, p.Surname)
		}
	}
	for _, want := range []string{"Siân", "Rhys", "Llewellyn", "Ŵyn", "Siobhán", "Niamh", "Łukasz", "Wiśniewska",
		"Adebayo", "Chiamaka", "Xiuying", "Wang", "Patel", "Smith"} {
		if !names[want] {
			t.Errorf("no %s among 10,000 patients", want)
		}
	}
	within := func(what string, got int, lo, hi float64) {
		t.Helper()
		share := float64(got) / float64(len(ps))
		if share < lo || share > hi {
			t.Errorf("%s: %.1f%% of patients, want %.1f%%–%.1f%%", what, share*100, lo*100, hi*100)
		}
	}
	within("AIS needs", ais, 0.035, 0.07)
	within("alerts", alerts, 0.012, 0.03)
	within("children", children, 0.1, 0.3)
	within("over 95", over95, 0.003, 0.03)
	within("interpreter", interpreters, 0.01, 0.08)
	within("no NHS number", noNHS, 0.04, 0.12)
	within("Chinese characters", nonLatin, 0.003, 0.03)
	within("next of kin", nok, 0.3, 0.7)
	for _, l := range []string{"Polish", "Urdu", "Punjabi", "Bengali", "Arabic", "Romanian", "Mandarin", "British Sign Language"} {
		if langs[l] == 0 {
			t.Errorf("nobody prefers %s", l)
		}
	}
}

func ageOn(dob, day ukcal.Date) int {
	age := day.Year() - dob.Year()
	if day.Month() < dob.Month() || day.Month() == dob.Month() && day.Day() < dob.Day() {
		age--
	}
	return age
}

func TestASCIIFolding(t *testing.T) {
	for in, want := range map[string]string{"Łukasz": "lukasz", "Wiśniewska": "wisniewska", "İbrahim": "ibrahim",
		"Yılmaz": "yilmaz", "O'Brien": "obrien", "Ștefan": "stefan", "Siân": "sian", "Ŵyn": "wyn"} {
		if got := ascii(in); got != want {
			t.Errorf("ascii(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkNext(b *testing.B) {
	g := New(Options{Seed: 1, Today: today})
	var p patients.Patient
	for i := 0; i < b.N; i++ {
		p = g.Next()
	}
	_ = p
}
