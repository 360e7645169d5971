package seed

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// inwardLetters are the letters the last two places of a postcode may hold.
const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ"

func (g *Generator) address(p *patients.Patient, pp person) *town {
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
func (g *Generator) phones(p *patients.Patient, pp person, k int, t *town) {
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

func (g *Generator) email(p *patients.Patient, pp person) {
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
		local = first + "_" + last + fmt.Sprint(p.DOB.Year())
	default:
		local = last + "." + first
	}
	p.Email = local + "@" + g.pickS(emailDomains)
}
