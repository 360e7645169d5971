package app

import (
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
)

// RecordRetention works out how long p's record must be kept, from the
// record itself: the diary's last Seen appointment up to today (the
// clinic's clock), the hand-kept last treatment if later, the date the
// record was opened and any date of death. ok is false without a date of
// birth. It reads, it does not audit: opening the record was the view.
func (c *Clinic) RecordRetention(p patients.Patient) (r patients.Retention, ok bool, err error) {
	c.mu.Lock()
	store := c.store
	_, err = c.require(PermViewPatients)
	today := c.today()
	c.mu.Unlock()
	if err != nil {
		return patients.Retention{}, false, err
	}
	facts := patients.FactsOf(p)
	last, err := store.LastSeenOn(p.ID, today.String())
	if err != nil {
		return patients.Retention{}, false, err
	}
	facts.LastSeen, _ = ukcal.ParseDate(last) // "" is none
	r, ok = patients.RetentionFrom(facts)
	return r, ok, nil
}
