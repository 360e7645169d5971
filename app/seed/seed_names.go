package seed

import (
	"strings"

	"clinicdesk/app/patients"
)

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

func (g *Generator) names(p *patients.Patient, pp person) {
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
