package app

import (
	"clinicdesk/app/audit"
	"clinicdesk/app/patients"
	"clinicdesk/data"
)

// BenchFillAudit appends n audit rows of ordinary activity (records
// opened, round the clinic's patients in turn), for `bench` to measure
// verify against a trail the size of years of use. Managers only.
func (c *Clinic) BenchFillAudit(n int) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermVerify)
	if err != nil {
		return err
	}
	ids, err := benchPatientIDs(c.store)
	if err != nil {
		return err
	}
	// One transaction with a large page cache: the audit's patient index
	// takes its rows in random order, and a small cache would read and
	// write its pages again for nearly every row.
	const batch = 1000000
	for done := 0; done < n; done += batch {
		err := c.store.Write(func(tx *data.Tx) error {
			restore, err := tx.LargeCache()
			if err != nil {
				return err
			}
			defer restore()
			for i := done; i < n && i < done+batch; i++ {
				e := audit.Entry{At: c.clock(), Username: s.User.Username, Action: "patient.view", Entity: "patient"}
				if len(ids) > 0 {
					e.EntityID, e.Patient = ids[i%len(ids)], ids[i%len(ids)]
				}
				if _, err := tx.Audit(e); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func benchPatientIDs(s *data.Store) ([]string, error) {
	var ids []string
	after := ""
	for {
		page, err := s.Patients(patients.PatientFilter{After: after, Limit: 1000})
		if err != nil || len(page) == 0 {
			return ids, err
		}
		for _, p := range page {
			ids = append(ids, p.ID)
		}
		last := page[len(page)-1]
		after = last.ID
	}
}

// BenchRawNameSearch runs only the FTS5 prefix query behind a name search
// (the index's rows, or with rowsToo false only their rowids; no status
// test, no sort), for `bench` to compare SearchPatients with. It returns
// how many rows matched.
func (c *Clinic) BenchRawNameSearch(text string, limit int, rowsToo bool) (int, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermViewPatients)
	c.mu.Unlock()
	if err != nil {
		return 0, err
	}
	tokens := patients.ParseQuery(text).NameTokens
	if len(tokens) == 0 {
		return 0, nil
	}
	return store.RawNameSearch(tokens, limit, rowsToo)
}
