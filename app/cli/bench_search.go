package cli

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"

	"golang.org/x/text/unicode/norm"
)

// benchQuery is one search as typed; name queries are also run as the
// bare FTS query for comparison.
type benchQuery struct {
	text string
	kind string // name, NHS number, date of birth, postcode, phone
	name bool
	nhs  string // for an NHS-number query, the number that must be found
}

type benchQueries struct {
	all  []benchQuery
	warm []string
}

// benchSearchLimit is a page of the patient list.
const benchSearchLimit = 50

// benchQueryMix is what the desk types, in the order it types it: surnames
// letter by letter (1 to 4 letters, half typed without the accents, as on
// a UK keyboard), full names, NHS numbers with and without spaces, dates
// of birth, postcodes and phone numbers, all of patients in the clinic.
func benchQueryMix(rows []app.ImportRow) benchQueries {
	var q benchQueries
	if len(rows) == 0 {
		return q
	}
	r := rand.New(rand.NewPCG(benchSeed, 2))
	pick := func() patients.Patient { return rows[r.IntN(len(rows))].Patient }
	var sessions [][]benchQuery
	add := func(qs ...benchQuery) { sessions = append(sessions, qs) }
	for i := 0; i < 60; i++ {
		p := pick()
		surname := []rune(strings.ToLower(p.Surname))
		if i%2 == 1 {
			surname = []rune(asciiFold(p.Surname))
		}
		var typed []benchQuery
		for k := 1; k <= 4 && k <= len(surname); k++ {
			if s := strings.TrimSpace(string(surname[:k])); s != "" && surname[k-1] != ' ' && surname[k-1] != '\'' {
				typed = append(typed, benchQuery{text: s, kind: "name", name: true})
			}
		}
		add(typed...)
	}
	for i := 0; i < 40; i++ {
		p := pick()
		add(benchQuery{text: strings.ToLower(strings.Fields(p.Forenames)[0] + " " + p.Surname), kind: "name", name: true})
	}
	for found, tries := 0, 0; found < 50 && tries < 1000; tries++ {
		p := pick()
		if p.NHSNumber == "" {
			continue
		}
		text := p.NHSNumber
		if found%2 == 0 {
			text = nhs.FormatNHSNumber(p.NHSNumber)
		}
		add(benchQuery{text: text, kind: "NHS number", nhs: p.NHSNumber})
		found++
	}
	for i := 0; i < 30; i++ {
		add(benchQuery{text: pick().DOB.Short(), kind: "date of birth"})
	}
	for found, tries := 0, 0; found < 30 && tries < 1000; tries++ {
		p := pick()
		if p.Address.Postcode == "" {
			continue
		}
		text := p.Address.Postcode
		if found%2 == 1 {
			text = strings.ToLower(strings.ReplaceAll(text, " ", ""))
		}
		add(benchQuery{text: text, kind: "postcode"})
		found++
	}
	for found, tries := 0, 0; found < 30 && tries < 1000; tries++ {
		p := pick()
		if p.Phones.Mobile == "" {
			continue
		}
		add(benchQuery{text: nhs.FormatPhone(p.Phones.Mobile), kind: "phone"})
		found++
	}
	r.Shuffle(len(sessions), func(i, j int) { sessions[i], sessions[j] = sessions[j], sessions[i] })
	for _, s := range sessions {
		q.all = append(q.all, s...)
	}
	// Warm-up: other patients' names, so the first timed query does not
	// pay for a cold cache, but the timed ones are not already answered.
	for i := 0; i < 50; i++ {
		p := pick()
		q.warm = append(q.warm, strings.ToLower(p.Surname), p.DOB.Short())
	}
	return q
}

// asciiFold is a surname as typed on a UK keyboard: "Wiśniewska" →
// "wisniewska", "Ó Briain" → "o briain".
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r < 128:
			b.WriteRune(r)
		case r == 'ł':
			b.WriteRune('l')
		case r == 'ı':
			b.WriteRune('i')
		default:
			if base := foldRune(r); base != 0 {
				b.WriteRune(base)
			}
		}
	}
	return b.String()
}

// foldRune takes the accent off a Latin letter (its first decomposed rune).
func foldRune(r rune) rune {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) > 0 && d[0] < 128 {
		return d[0]
	}
	return 0
}

// benchSearch times every query through Clinic.SearchPatients, the way
// the patient list runs it, and the name queries through the bare FTS5
// prefix query: reading the index's rows (the reference SPEC §5 sets the
// 2× target against) and reading only their rowids (the floor).
func benchSearch(c *app.Clinic, q benchQueries) (search, raw, rowids BenchResult, err error) {
	for _, w := range q.warm {
		if _, err := c.SearchPatients(w, false, benchSearchLimit); err != nil {
			return search, raw, rowids, err
		}
		if _, err := c.BenchRawNameSearch(w, benchSearchLimit, true); err != nil {
			return search, raw, rowids, err
		}
	}
	var all, names, rawRuns, rowidRuns []time.Duration
	byKind := map[string][]time.Duration{}
	missed := 0
	timeRaw := func(text string, rowsToo bool) (time.Duration, error) {
		start := time.Now()
		_, err := c.BenchRawNameSearch(text, benchSearchLimit, rowsToo)
		return time.Since(start), err
	}
	for i, bq := range q.all {
		// Whichever query runs second finds the pages the first one read
		// already decrypted in the cache, so the raw query goes first for
		// every other name: neither side gets the warm cache every time.
		rawFirst := bq.name && i%2 == 0
		var rawTime time.Duration
		if rawFirst {
			if rawTime, err = timeRaw(bq.text, true); err != nil {
				return search, raw, rowids, err
			}
		}
		start := time.Now()
		found, err := c.SearchPatients(bq.text, false, benchSearchLimit)
		d := time.Since(start)
		if err != nil {
			return search, raw, rowids, err
		}
		all = append(all, d)
		byKind[bq.kind] = append(byKind[bq.kind], d)
		if bq.nhs != "" && (len(found) != 1 || found[0].NHSNumber != bq.nhs) {
			missed++
		}
		if !bq.name {
			continue
		}
		names = append(names, d)
		if !rawFirst {
			if rawTime, err = timeRaw(bq.text, true); err != nil {
				return search, raw, rowids, err
			}
		}
		rawRuns = append(rawRuns, rawTime)
		rowidTime, err := timeRaw(bq.text, false)
		if err != nil {
			return search, raw, rowids, err
		}
		rowidRuns = append(rowidRuns, rowidTime)
	}
	raw = summarise("patient_search_raw_fts", rawRuns, 0,
		fmt.Sprintf("bare FTS5 prefix query reading the index's rows (LIMIT %d) on the %d name queries; the reference for patient_search", benchSearchLimit, len(rawRuns)))
	rowids = summarise("patient_search_rowids", rowidRuns, 0,
		"the same FTS5 query reading rowids only: the floor, no row a list could show")
	nameSearch := summarise("", names, 0, "")
	ratio, floor := 0.0, 0.0
	if raw.P95 > 0 {
		ratio = nameSearch.P95 / raw.P95
	}
	if rowids.P95 > 0 {
		floor = nameSearch.P95 / rowids.P95
	}
	note := fmt.Sprintf("names p95 %.2f ms = %.1f× the raw FTS p95 (target ≤ 2×; %.1f× the rowid-only floor); p95 by kind:", nameSearch.P95, ratio, floor)
	for _, kind := range []string{"name", "NHS number", "date of birth", "postcode", "phone"} {
		if runs := byKind[kind]; len(runs) > 0 {
			note += fmt.Sprintf(" %s %.2f ms (%d),", kind, summarise("", runs, 0, "").P95, len(runs))
		}
	}
	note = strings.TrimSuffix(note, ",")
	if missed > 0 {
		note += fmt.Sprintf("; %d NHS-number searches did not find their patient", missed)
	}
	search = summarise("patient_search", all, 5, note)
	return search, raw, rowids, nil
}
