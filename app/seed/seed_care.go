package seed

import (
	"math"
	"strings"

	"clinicdesk/app/patients"
)

func (g *Generator) language(p *patients.Patient, pp person) {
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

func (g *Generator) consent(p *patients.Patient, pp person) {
	p.Consent.Letter = g.chance(0.97)
	p.Consent.Phone = (p.Phones.Mobile != "" || p.Phones.Home != "" || p.NextOfKin.Phone != "") && g.chance(0.92)
	p.Consent.SMS = p.Phones.Mobile != "" && g.chance(0.75)
	p.Consent.Email = p.Email != "" && g.chance(0.7)
}

// needs: about one patient in twenty has an Accessible Information
// Standard need; large print is commoner with age.
func (g *Generator) needs(p *patients.Patient, pp person) {
	if len(p.AIS.Needs) > 0 { // a BSL user: the interpreter is their need
		p.AIS.Notes = g.pickS(aisNeeds[bslNeed].notes)
		p.AIS.Reviewed = g.today.AddDays(-g.r.IntN(540))
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
	p.AIS.Reviewed = g.today.AddDays(-g.r.IntN(540))
}

var (
	alertKinds = []string{"other", "safeguarding", "infection_risk", "lone_working", "violent_warning"}
	alertCDF   = newCDF([]float64{40, 25, 15, 10, 10})
)

// alerts: about one patient in fifty.
func (g *Generator) alerts(p *patients.Patient) {
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
	p.Alerts = append(p.Alerts, patients.Alert{Kind: kind, Text: text})
}

// lastTreatment: most patients were seen in the last few years, recent
// years more than older ones; some never yet.
func (g *Generator) lastTreatment(p *patients.Patient, pp person) {
	if !g.chance(0.88) {
		return
	}
	days := int(math.Pow(g.r.Float64(), 1.7) * 3650)
	if lived := pp.age*365 + 364; days > lived {
		days = g.r.IntN(lived + 1)
	}
	d := g.today.AddDays(-days)
	if d.Before(p.DOB) {
		d = p.DOB
	}
	p.LastTreatment = d
}
