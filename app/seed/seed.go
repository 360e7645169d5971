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
//
// Besides the patients it makes what a clinic's years leave behind: a
// diary (NewDiary), complaints (Complaints), and referrals with their
// pathways and a worklist of tasks (Referrals, Tasks; AddPathways adds
// both to a clinic once its diary is in).
package seed

import (
	"math/rand/v2"

	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
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
func Patients(n int, seed uint64, today ukcal.Date) []patients.Patient {
	g := New(Options{Seed: seed, Today: today})
	out := make([]patients.Patient, n)
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
func (g *Generator) Next() patients.Patient {
	k := g.next
	g.next++
	r := g.r
	var p patients.Patient
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
	p.DOB = g.dob(pp.age)

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
