// Package seed makes realistic fake patients for demo clinics, for
// `clinicdesk seed` and for `clinicdesk bench`. Nothing it makes is about a
// real person or reaches one:
//
//   - NHS numbers come only from the 999 test range (nhs.TestNHSNumber),
//     each patient's different;
//   - phone numbers come only from Ofcom's drama ranges (nhs.DramaPhone);
//   - email addresses are at the example domains;
//   - GPs, practices and the practices' addresses are made up.
//
// Everything else is as real as it can be: names from the communities a
// UK clinic serves, spelt as their owners spell them; real towns with
// postcode districts that are theirs; ages from babies to over 95s;
// interpreters, communication needs and alerts about as often as a
// clinic meets them. The same seed always gives the same patients.
package seed

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"unicode"

	"clinicdesk/app/nhs"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Options say which patients a Generator makes.
type Options struct {
	// Seed picks the patients: the same Seed, First and Today give the
	// same patients, byte for byte.
	Seed uint64
	// Today anchors ages, review dates and treatment dates.
	Today ukcal.Date
	// First numbers the first patient. NHS numbers and phone numbers follow
	// from a patient's number, so a second batch for the same clinic that
	// starts where the first ended (First = patients already there) gets
	// NHS numbers of its own.
	First int
}

// MaxNHSNumbers is how many patients can have a test NHS number of their
// own (the size of the 999 range); patients numbered beyond it have none.
const MaxNHSNumbers = 909091

// Generator makes one patient after another.
type Generator struct {
	r       *rand.Rand
	today   ukcal.Date
	next    int
	culture cdf
	town    cdf
}

// cdf picks an index with probability proportional to its weight.
type cdf []float64

func newCDF(weights []float64) cdf {
	c := make(cdf, len(weights))
	sum := 0.0
	for i, w := range weights {
		sum += w
		c[i] = sum
	}
	for i := range c {
		c[i] /= sum
	}
	return c
}

func (c cdf) pick(r *rand.Rand) int {
	u := r.Float64()
	for i, v := range c {
		if u < v {
			return i
		}
	}
	return len(c) - 1
}

// New makes a generator.
func New(o Options) *Generator {
	if o.Today.IsZero() {
		panic("seed: Options.Today is required")
	}
	cw := make([]float64, len(cultures))
	for i, c := range cultures {
		cw[i] = c.weight
	}
	tw := make([]float64, len(towns))
	for i, t := range towns {
		tw[i] = t.weight
	}
	return &Generator{
		r:       rand.New(rand.NewPCG(o.Seed, uint64(o.First)^0x9e3779b97f4a7c15)),
		today:   o.Today,
		next:    o.First,
		culture: newCDF(cw),
		town:    newCDF(tw),
	}
}

// Patients makes n patients from seed, numbered from 0.
func Patients(n int, seed uint64, today ukcal.Date) []data.Patient {
	g := New(Options{Seed: seed, Today: today})
	out := make([]data.Patient, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

// person is the parts of a patient the rest follow from.
type person struct {
	c      *culture
	female bool // which name forms: for sex "" and not_known, chosen at random
	age    int
}

// Next makes the next patient. The patient has no ID or status: adding it
// to a clinic (ImportPatients, CreatePatient) gives those.
func (g *Generator) Next() data.Patient {
	k := g.next
	g.next++
	r := g.r
	var p data.Patient
	pp := person{c: &cultures[g.culture.pick(r)]}

	switch u := r.Float64(); {
	case u < 0.508:
		p.Sex, pp.female = "female", true
	case u < 0.994:
		p.Sex = "male"
	case u < 0.998:
		p.Sex, pp.female = "", r.IntN(2) == 0 // not recorded
	default:
		p.Sex, pp.female = "not_known", r.IntN(2) == 0
	}
	pp.age = g.age()
	p.DOB = g.dob(pp.age).String()

	g.names(&p, pp)
	p.Title = g.title(p.Sex, pp)
	if pp.age >= 18 && r.Float64() < 0.004 {
		p.GenderIdentity, p.Title = "Non-binary", "Mx"
	}

	if k < MaxNHSNumbers && r.Float64() < 0.92 {
		// A bijection of 0..MaxNHSNumbers-1 (the size is prime), so numbers
		// spread over the range and never repeat.
		p.NHSNumber = nhs.TestNHSNumber(int((int64(k)*104729 + 4243) % MaxNHSNumbers))
	}

	t := g.address(&p, pp)
	g.phones(&p, pp, k, t)
	g.email(&p, pp)
	g.gp(&p, t)
	g.nextOfKin(&p, pp, k)
	g.language(&p, pp)
	g.consent(&p, pp)
	g.needs(&p, pp)
	g.alerts(&p)
	g.lastTreatment(&p, pp)
	return p
}

// age follows the mix of a clinic's list: children, a bulge of working
// age, and a long tail to over a hundred.
var ageBands = []struct{ lo, hi int }{{0, 4}, {5, 17}, {18, 29}, {30, 44}, {45, 64}, {65, 79}, {80, 94}, {95, 104}}

var ageCDF = newCDF([]float64{5, 13, 14, 19, 27, 15, 6, 1})

func (g *Generator) age() int {
	b := ageBands[ageCDF.pick(g.r)]
	return b.lo + g.r.IntN(b.hi-b.lo+1)
}

// dob is a birthday making someone age years old today.
func (g *Generator) dob(age int) ukcal.Date {
	last := ukcal.NewDate(g.today.Year()-age, g.today.Month(), g.today.Day()) // latest birthday for that age
	if last.After(g.today) {
		last = g.today
	}
	d := last.AddDays(-g.r.IntN(365))
	if d.Year() < 1900 {
		d = ukcal.NewDate(1900, 1, 1)
	}
	return d
}

func (g *Generator) pickS(list []string) string { return list[g.r.IntN(len(list))] }

func (g *Generator) chance(p float64) bool { return g.r.Float64() < p }

// forename picks a name and the short form some go by.
func (g *Generator) forename(pp person) (name, short string) {
	list, young := pp.c.male, pp.c.youngMale
	if pp.female {
		list, young = pp.c.female, pp.c.youngFemale
	}
	if len(young) > 0 && pp.age < 30 && g.chance(0.7) {
		list = young
	}
	name, short, _ = strings.Cut(g.pickS(list), "|")
	return name, short
}

func (g *Generator) names(p *data.Patient, pp person) {
	c := pp.c
	if c.hanSurnames != nil {
		s := c.hanSurnames[g.r.IntN(len(c.hanSurnames))]
		given := c.hanMale
		if pp.female {
			given = c.hanFemale
		}
		gn := given[g.r.IntN(len(given))]
		p.Forenames, p.Surname = gn.latin, s.latin
		switch u := g.r.Float64(); {
		case u < 0.3:
			p.PreferredName = s.han + gn.han // as they write it themselves
		case u < 0.5:
			if pp.female {
				p.PreferredName = g.pickS(c.nickFemale)
			} else {
				p.PreferredName = g.pickS(c.nickMale)
			}
		}
		return
	}

	first, short := g.forename(pp)
	sn := c.surnames[g.r.IntN(len(c.surnames))]
	p.Surname = sn.male
	if pp.female {
		p.Surname = sn.female
	}
	forenames := first
	switch {
	case c.sikh:
		if p.Surname != "Singh" && p.Surname != "Kaur" && g.chance(0.85) {
			if pp.female {
				forenames += " Kaur"
			} else {
				forenames += " Singh"
			}
		}
	case g.chance(0.3):
		if middle, _ := g.forename(pp); middle != first {
			forenames += " " + middle
		}
	}
	p.Forenames = forenames
	if short != "" && g.chance(0.45) {
		p.PreferredName = short
	}
	switch c.name {
	case "english":
		if g.chance(0.02) {
			if other := c.surnames[g.r.IntN(len(c.surnames))].male; other != p.Surname && !strings.Contains(other+p.Surname, "-") {
				p.Surname += "-" + other
			}
		}
	case "portuguese":
		if g.chance(0.35) {
			if other := c.surnames[g.r.IntN(len(c.surnames))].male; other != p.Surname {
				p.Surname = other + " " + p.Surname
			}
		}
	}
}

// title follows the recorded sex and age.
func (g *Generator) title(sex string, pp person) string {
	a := pp.age
	if a >= 28 {
		switch u := g.r.Float64(); {
		case u < 0.02:
			return "Dr"
		case u < 0.023 && a >= 45:
			return "Prof"
		case u < 0.026 && a >= 30:
			return "Rev"
		}
	}
	switch sex {
	case "female":
		switch {
		case a < 16:
			if g.chance(0.5) {
				return "Miss"
			}
			return ""
		case a < 26:
			if g.chance(0.7) {
				return "Miss"
			}
			return "Ms"
		default:
			switch u := g.r.Float64(); {
			case u < 0.55:
				return "Mrs"
			case u < 0.82:
				return "Ms"
			default:
				return "Miss"
			}
		}
	case "male":
		switch {
		case a < 12:
			if g.chance(0.4) {
				return "Master"
			}
			return ""
		case a < 16:
			return ""
		default:
			return "Mr"
		}
	}
	if a >= 16 && g.chance(0.5) {
		return "Mx"
	}
	return ""
}

// inwardLetters are the letters the last two places of a postcode may hold.
const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ"

func (g *Generator) address(p *data.Patient, pp person) *town {
	var t *town
	if len(pp.c.towns) > 0 && g.chance(pp.c.local) {
		i, ok := townByName[g.pickS(pp.c.towns)]
		if !ok {
			panic("seed: unknown town " + fmt.Sprint(pp.c.towns))
		}
		t = &towns[i]
	} else {
		t = &towns[g.town.pick(g.r)]
	}
	d := t.districts[g.r.IntN(len(t.districts))]
	p.Address.Postcode = fmt.Sprintf("%s %d%c%c", d.code, g.r.IntN(10),
		inwardLetters[g.r.IntN(len(inwardLetters))], inwardLetters[g.r.IntN(len(inwardLetters))])
	p.Address.Town, p.Address.County = t.name, t.county

	var street string
	switch {
	case t.nation == 'W' && g.chance(0.4):
		street = g.pickS(welshStreets)
	case t.nation == 'S':
		street = g.pickS(streetNames) + " " + g.pickS(scottishKinds)
	default:
		street = g.pickS(streetNames) + " " + g.pickS(streetKinds)
	}
	number := fmt.Sprint(1 + int(math.Pow(g.r.Float64(), 1.6)*240))
	switch u := g.r.Float64(); {
	case u < 0.13:
		p.Address.Line1 = fmt.Sprintf("Flat %d, %s", 1+g.r.IntN(40), g.pickS(blockNames))
		p.Address.Line2 = street
	case u < 0.19:
		p.Address.Line1 = g.pickS(houseNames)
		p.Address.Line2 = street
	case u < 0.23:
		p.Address.Line1 = number + string(rune('a'+g.r.IntN(3))) + " " + street
	default:
		p.Address.Line1 = number + " " + street
	}
	if p.Address.Line2 == "" && d.locality != "" && g.chance(0.6) {
		p.Address.Line2 = d.locality
	}
	return t
}

// landline is the drama range that fits the town: Leeds numbers (0113)
// for West Yorkshire, London numbers (020) for London; elsewhere none.
func landline(t *town) (rangeIndex int, ok bool) {
	switch {
	case t.name == "London":
		return 2, true
	case t.county == "West Yorkshire" || t.name == "Harrogate" || t.name == "York":
		return 1, true
	}
	return 0, false
}

// phones: each patient's mobile is their own among the first thousand
// patients of a batch (there are only a thousand drama mobiles); home
// numbers use 700 of each landline range and work numbers the other 300,
// so a home number is never someone else's work number.
func (g *Generator) phones(p *data.Patient, pp person, k int, t *town) {
	if (pp.age >= 16 && g.chance(0.93)) || (pp.age >= 11 && g.chance(0.5)) {
		p.Phones.Mobile = nhs.DramaPhone(3 * (k * 379 % 1000))
	}
	if ri, ok := landline(t); ok && pp.age >= 16 && g.chance(0.45) {
		p.Phones.Home = nhs.DramaPhone(3*(k*613%700) + ri)
	}
	if pp.age >= 18 && pp.age < 67 && g.chance(0.06) {
		p.Phones.Work = nhs.DramaPhone(3*(700+k*211%300) + 1 + g.r.IntN(2))
	}
}

// ascii folds a name for an email address: "Łukasz Wiśniewski" → "lukasz",
// "wisniewski".
func ascii(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, _ := transform.String(t, s)
	out = strings.NewReplacer("ł", "l", "Ł", "L", "ı", "i", "ø", "o", "ß", "ss", "đ", "d", "æ", "ae").Replace(out)
	var b strings.Builder
	for _, r := range strings.ToLower(out) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (g *Generator) email(p *data.Patient, pp person) {
	want := 0.7
	switch {
	case pp.age < 16:
		return
	case pp.age >= 80:
		want = 0.2
	case pp.age >= 65:
		want = 0.45
	}
	if !g.chance(want) {
		return
	}
	first := ascii(strings.Fields(p.Forenames)[0])
	last := ascii(strings.ReplaceAll(p.Surname, " ", ""))
	if first == "" || last == "" {
		return
	}
	var local string
	switch g.r.IntN(5) {
	case 0:
		local = first + "." + last
	case 1:
		local = first[:1] + last
	case 2:
		local = first + last + fmt.Sprint(g.r.IntN(100))
	case 3:
		local = first + "_" + last + p.DOB[:4]
	default:
		local = last + "." + first
	}
	p.Email = local + "@" + g.pickS(emailDomains)
}

// gpNames are made-up GPs.
var gpNames = []string{"Dr Helen Ashworth", "Dr Imran Qureshi", "Dr Sarah Okonkwo", "Dr James Whitaker",
	"Dr Priya Chandran", "Dr Gwen Pritchard", "Dr Alasdair Munro", "Dr Niamh Gallagher", "Dr Tomasz Nowicki",
	"Dr Wei Zhang", "Dr Fiona Hartley", "Dr Kwame Mensah", "Dr Ruth Ellison", "Dr Ahmed Farouk", "Dr Claire Dobson",
	"Dr Ioana Marinescu", "Dr Peter Haigh", "Dr Anjali Desai", "Dr Rhodri Bevan", "Dr Emma Stringer",
	"Dr Chidi Anozie", "Dr Laura Kettlewell", "Dr Hamza Siddiqui", "Dr Joanne Lumb", "Dr Mark Fenwick",
	"Dr Siobhán Keane", "Dr Oliver Pennington", "Dr Zeynep Arıkan", "Dr Catrin Rowlands", "Dr Rachel Ogden"}

// gp: a district's patients share a few practices, each with its GPs.
func (g *Generator) gp(p *data.Patient, t *town) {
	if !g.chance(0.95) {
		return
	}
	h := 0
	for _, b := range []byte(strings.Fields(p.Address.Postcode)[0]) {
		h = h*31 + int(b)
	}
	h = h*3 + g.r.IntN(3) // three practices per district
	word := practiceWords[h%len(practiceWords)]
	kind := practiceKinds[(h/len(practiceWords))%len(practiceKinds)]
	p.GP.Practice = word + " " + kind
	if g.chance(0.5) {
		p.GP.Practice += ", " + t.name
	}
	p.GP.Name = gpNames[(h*7+g.r.IntN(4))%len(gpNames)]
	p.GP.Address = practiceAddress(h, strings.Fields(p.Address.Postcode)[0], t)
}

// practiceAddress is where the practice numbered h in a postcode district
// is: a made-up street in that district, with a postcode of a valid form.
// It follows from h alone, so every patient of a practice has the same
// address, and it draws nothing from the generator, so the patients a
// seed gives are otherwise as they were before practices had addresses.
func practiceAddress(h int, outward string, t *town) []string {
	pick := func(list []string, salt int) string { return list[(h/salt)%len(list)] }
	var street string
	switch {
	case t.nation == 'W' && h%5 < 2:
		street = pick(welshStreets, 7)
	case t.nation == 'S':
		street = pick(streetNames, 7) + " " + pick(scottishKinds, 11)
	default:
		street = pick(streetNames, 7) + " " + pick(streetKinds, 11)
	}
	lines := []string{fmt.Sprintf("%d %s", 1+(h/13)%150, street)}
	for _, d := range t.districts {
		if d.code == outward && d.locality != "" {
			lines = append(lines, d.locality)
		}
	}
	postcode := fmt.Sprintf("%s %d%c%c", outward, (h/17)%10,
		inwardLetters[(h/19)%len(inwardLetters)], inwardLetters[(h/23)%len(inwardLetters)])
	return append(lines, t.name, postcode)
}

func (g *Generator) nextOfKin(p *data.Patient, pp person, k int) {
	var rel string
	var female bool
	switch {
	case pp.age < 18:
		female = g.chance(0.7)
		rel = "Father"
		if female {
			rel = "Mother"
		}
		if g.chance(0.05) {
			rel = "Guardian"
		}
	case g.chance(0.45):
		switch {
		case pp.age >= 70 && g.chance(0.6):
			female = g.chance(0.55)
			rel = "Son"
			if female {
				rel = "Daughter"
			}
		case pp.age < 26:
			female = g.chance(0.6)
			rel = "Father"
			if female {
				rel = "Mother"
			}
		default:
			female = !pp.female // mostly the other sex
			if g.chance(0.05) {
				female = pp.female
			}
			switch u := g.r.Float64(); {
			case u < 0.5:
				rel = "Husband"
				if female {
					rel = "Wife"
				}
			case u < 0.8:
				rel = "Partner"
			case u < 0.9:
				rel = "Friend"
			default:
				rel = "Brother"
				if female {
					rel = "Sister"
				}
			}
		}
	default:
		return
	}
	kin := person{c: pp.c, female: female, age: pp.age}
	switch rel {
	case "Mother", "Father":
		kin.age = pp.age + 25 + g.r.IntN(12)
	case "Son", "Daughter":
		kin.age = pp.age - 25 - g.r.IntN(12)
	}
	var n data.Patient
	g.names(&n, kin)
	if pp.c.hanSurnames == nil && rel != "Friend" && rel != "Partner" && rel != "Guardian" {
		// Family shares the surname more often than not (in its own form).
		n.Surname = p.Surname
		for _, s := range pp.c.surnames {
			if p.Surname == s.male || p.Surname == s.female {
				n.Surname = s.male
				if female {
					n.Surname = s.female
				}
			}
		}
	}
	first := strings.Fields(n.Forenames)[0]
	p.NextOfKin.Name = first + " " + n.Surname
	p.NextOfKin.Relationship = rel
	p.NextOfKin.Phone = nhs.DramaPhone(3 * ((k*379 + 500) % 1000))
}

func (g *Generator) language(p *data.Patient, pp person) {
	if g.chance(0.003) {
		p.Language, p.Interpreter = "British Sign Language", true
		p.AIS.Needs = append(p.AIS.Needs, "bsl_interpreter")
		return
	}
	scale := 1.0
	switch {
	case pp.age < 18:
		scale = 0.25
	case pp.age >= 60:
		scale = 1.6
	}
	for _, l := range pp.c.languages {
		if g.chance(l.prefer * scale) {
			p.Language = l.name
			p.Interpreter = g.chance(math.Min(1, l.interpreter*scale))
			return
		}
	}
	if g.chance(0.7) {
		p.Language = "English"
	}
}

func (g *Generator) consent(p *data.Patient, pp person) {
	p.Consent.Letter = g.chance(0.97)
	p.Consent.Phone = (p.Phones.Mobile != "" || p.Phones.Home != "" || p.NextOfKin.Phone != "") && g.chance(0.92)
	p.Consent.SMS = p.Phones.Mobile != "" && g.chance(0.75)
	p.Consent.Email = p.Email != "" && g.chance(0.7)
}

// needs: about one patient in twenty has an Accessible Information
// Standard need; large print is commoner with age.
func (g *Generator) needs(p *data.Patient, pp person) {
	if len(p.AIS.Needs) > 0 { // a BSL user: the interpreter is their need
		p.AIS.Notes = g.pickS(aisNeeds[bslNeed].notes)
		p.AIS.Reviewed = g.today.AddDays(-g.r.IntN(540)).String()
		return
	}
	want := 0.04
	if pp.age >= 75 {
		want = 0.12
	}
	if !g.chance(want) {
		return
	}
	ws := make([]float64, len(aisNeeds))
	for i, n := range aisNeeds {
		ws[i] = n.weight
		if n.code == "large_print" && pp.age >= 65 {
			ws[i] *= 3
		}
		if (n.code == "email_only" && p.Email == "") || (n.code == "text_only" && p.Phones.Mobile == "") {
			ws[i] = 0
		}
	}
	c := newCDF(ws)
	count := 1
	if g.chance(0.2) {
		count = 2
	}
	var notes []string
	for i := 0; i < count; i++ {
		n := aisNeeds[c.pick(g.r)]
		dup := false
		for _, x := range p.AIS.Needs {
			dup = dup || x == n.code
		}
		if dup {
			continue
		}
		p.AIS.Needs = append(p.AIS.Needs, n.code)
		if note := g.pickS(n.notes); note != "" {
			notes = append(notes, note)
		}
		switch n.code {
		case "text_only", "no_phone":
			p.Consent.Phone = false
		case "email_only":
			p.Consent.Email = true
		case "bsl_interpreter":
			p.Interpreter = true
			if p.Language == "" || p.Language == "English" {
				p.Language = "British Sign Language"
			}
		}
	}
	p.AIS.Notes = strings.Join(notes, ". ")
	p.AIS.Reviewed = g.today.AddDays(-g.r.IntN(540)).String()
}

var (
	alertKinds = []string{"other", "safeguarding", "infection_risk", "lone_working", "violent_warning"}
	alertCDF   = newCDF([]float64{40, 25, 15, 10, 10})
)

// alerts: about one patient in fifty.
func (g *Generator) alerts(p *data.Patient) {
	if !g.chance(0.02) {
		return
	}
	kind := alertKinds[alertCDF.pick(g.r)]
	text := ""
	if kind == "other" {
		text = g.pickS(otherAlerts)
	} else {
		text = g.pickS(alertTexts[kind])
	}
	p.Alerts = append(p.Alerts, data.Alert{Kind: kind, Text: text})
}

// lastTreatment: most patients were seen in the last few years, recent
// years more than older ones; some never yet.
func (g *Generator) lastTreatment(p *data.Patient, pp person) {
	if !g.chance(0.88) {
		return
	}
	days := int(math.Pow(g.r.Float64(), 1.7) * 3650)
	if lived := pp.age*365 + 364; days > lived {
		days = g.r.IntN(lived + 1)
	}
	d := g.today.AddDays(-days)
	if dob, err := ukcal.ParseDate(p.DOB); err == nil && d.Before(dob) {
		d = dob
	}
	p.LastTreatment = d.String()
}
