package data

import (
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"strings"
	"testing"
)

// The lookups must use the indexes: a full scan per keystroke or per
// import row is what makes a 100k-patient clinic slow.
func TestPatientLookupsUseIndexes(t *testing.T) {
	s, _, _ := newStore(t)
	p := patients.Patient{ID: "x", NHSNumber: "9434765919", DOB: ukcal.MustParseDate("1980-01-01"), Phones: patients.Phones{Mobile: "+447700900123"}}
	plan := func(q string, args ...any) string {
		rows, err := s.DB().Query("EXPLAIN QUERY PLAN "+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var id, parent, notused int
			var detail string
			rows.Scan(&id, &parent, &notused, &detail)
			b.WriteString(detail + "\n")
		}
		return b.String()
	}
	cases := map[string]string{}
	q, args := duplicateQuery(p)
	cases["duplicate candidates"] = plan(q, args...)
	q, args = duplicateQuery(patients.Patient{ID: "y", NHSNumber: "9434765919"})
	cases["duplicates by NHS number"] = plan(q, args...)
	q, args = duplicateQuery(patients.Patient{ID: "y", Phones: patients.Phones{Home: "+441134960000"}})
	cases["duplicates by phone"] = plan(q, args...)
	for kind, pq := range map[string]patients.PatientQuery{
		"search by NHS number":    {NHSNumber: "9434765919"},
		"search by date of birth": {DOB: ukcal.MustParseDate("1980-01-01"), NameTokens: []string{"smi"}},
		"search by postcode":      {Postcode: "LS1"},
		"search by phone":         {Phone: "+447700900123"},
	} {
		q, args := searchQuery(pq)
		cases[kind] = plan(q, args...)
		// The list-order index starts with status; used for the status
		// test it reads every active patient.
		if strings.Contains(cases[kind], "patients_list_order") {
			t.Errorf("%s reads the list-order index:\n%s", kind, cases[kind])
		}
		// Without a name, the rows shown come from the name index's copy
		// by rowid, never from the wide patients table.
		if len(pq.NameTokens) == 0 && !strings.Contains(cases[kind], "VIRTUAL TABLE INDEX 0:=") {
			t.Errorf("%s does not read its rows from the name index by rowid:\n%s", kind, cases[kind])
		}
	}
	q, args = patientPageQuery(patients.PatientFilter{Limit: 50}, &pageCursor{id: "x", surname: "Smith", forenames: "John"})
	cases["a page of the list"] = plan(q, args...)
	for name, got := range cases {
		if strings.Contains(got, "SCAN patients") || strings.Contains(got, "SCAN TABLE patients") {
			t.Errorf("%s lookup scans the table:\n%s", name, got)
		}
	}
	// The page must be a range of the list index, not the first rows of
	// every active patient read and skipped, nor a sort.
	if got := cases["a page of the list"]; !strings.Contains(got, "(surname,forenames,id)>") || strings.Contains(got, "TEMP B-TREE") {
		t.Errorf("a page of the list is not a range of patients_list_order:\n%s", got)
	}
}

func TestPatientPagesNeverRepeatOrSkip(t *testing.T) {
	s, _, _ := newStore(t)
	names := []string{"Smith|Jones", "Smith", "smith", "Ó Briain", "O'Brien", "Smith|", "|", "Ab"}
	err := s.Write(func(tx *Tx) error {
		for i, n := range names {
			for j := 0; j < 3; j++ {
				p := patients.Patient{ID: n + string(rune('a'+j)) + string(rune('0'+i)), Forenames: "F|" + string(rune('a'+j)), Surname: n, DOB: ukcal.MustParseDate("1980-01-01"), Status: patients.Active}
				if err := tx.InsertPatient(p); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	after := ""
	for pages := 0; pages < 100; pages++ {
		page, err := s.Patients(patients.PatientFilter{After: after, Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, p := range page {
			if seen[p.ID] {
				t.Fatalf("%q listed twice", p.ID)
			}
			seen[p.ID] = true
		}
		after = page[len(page)-1].ID
	}
	if len(seen) != len(names)*3 {
		t.Fatalf("paged through %d of %d patients", len(seen), len(names)*3)
	}
}
