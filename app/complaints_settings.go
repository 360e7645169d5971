package app

import (
	"errors"
	"fmt"

	"clinicdesk/app/complaints"
)

// ComplaintSettings reads the response periods Settings offer.
func (c *Clinic) ComplaintSettings() (complaints.Settings, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermViewComplaints); err != nil {
		return complaints.Settings{}, err
	}
	return c.store.ComplaintSettings()
}

// SaveComplaintSettings sets the default and maximum response periods,
// the rule set new complaints start with, the independent adjudicator of
// private complaints, and the practice code and form of the KO41(b)
// return (managers only). Complaints already logged keep their periods
// and rule sets.
func (c *Clinic) SaveComplaintSettings(cs complaints.Settings) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermDecideComplaints)
	if err != nil {
		return err
	}
	switch {
	case cs.DefaultResponseDays < 1:
		return errors.New("the default response period must be at least 1 working day")
	case cs.MaxResponseDays < cs.DefaultResponseDays:
		return fmt.Errorf("the longest response period (%d working days) cannot be shorter than the default (%d)", cs.MaxResponseDays, cs.DefaultResponseDays)
	case cs.MaxResponseDays > 260:
		return errors.New("the longest response period cannot be more than 260 working days (about a year)")
	}
	if err := checkComplaintSettings(&cs); err != nil {
		return err
	}
	return c.writeAs(s, func(tx *writeTx) error {
		if err := tx.SaveComplaintSettings(cs); err != nil {
			return err
		}
		return tx.audit(auditEvent{Action: "complaints.settings", Entity: "settings", ID: "complaints", Detail: fmt.Sprintf("default=%d max=%d working days, nation=%s funding=%s adjudicator=%s ods=%s return=%s",
			cs.DefaultResponseDays, cs.MaxResponseDays, cs.Nation, cs.Funding, cs.Adjudicator, cs.ODSCode, cs.ReturnVariant)})
	})
}
