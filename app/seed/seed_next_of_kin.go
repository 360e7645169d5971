package seed

import (
	"strings"

	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
)

func (g *Generator) nextOfKin(p *patients.Patient, pp person, k int) {
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
	var n patients.Patient
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
