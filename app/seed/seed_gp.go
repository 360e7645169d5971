package seed

import (
	"fmt"
	"strings"

	"clinicdesk/app/patients"
)

// gpNames are made-up GPs.
var gpNames = []string{"Dr Helen Ashworth", "Dr Imran Qureshi", "Dr Sarah Okonkwo", "Dr James Whitaker",
	"Dr Priya Chandran", "Dr Gwen Pritchard", "Dr Alasdair Munro", "Dr Niamh Gallagher", "Dr Tomasz Nowicki",
	"Dr Wei Zhang", "Dr Fiona Hartley", "Dr Kwame Mensah", "Dr Ruth Ellison", "Dr Ahmed Farouk", "Dr Claire Dobson",
	"Dr Ioana Marinescu", "Dr Peter Haigh", "Dr Anjali Desai", "Dr Rhodri Bevan", "Dr Emma Stringer",
	"Dr Chidi Anozie", "Dr Laura Kettlewell", "Dr Hamza Siddiqui", "Dr Joanne Lumb", "Dr Mark Fenwick",
	"Dr Siobhán Keane", "Dr Oliver Pennington", "Dr Zeynep Arıkan", "Dr Catrin Rowlands", "Dr Rachel Ogden"}

// gp: a district's patients share a few practices, each with its GPs.
func (g *Generator) gp(p *patients.Patient, t *town) {
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
