package demo

import (
	"fmt"

	"clinicdesk/app"
	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"
)

// sarRegister puts a few subject access requests on the register, so the
// register and Today have something to show: one overdue, one waiting for
// proof of identity, one extended with its notice, one due soon.
func sarRegister(c *app.Clinic, today ukcal.Date, nhsOf map[string]string) error {
	idOf := func(key string) (string, error) {
		found, err := c.SearchPatients(nhsOf[key], false, 5)
		if err != nil || len(found) == 0 {
			return "", fmt.Errorf("demo subject access: no patient %s: %v", key, err)
		}
		return found[0].ID, nil
	}
	logs := []struct {
		key  string
		in   app.SARLog
		then func(req sar.Request) error
	}{
		{"margaret", app.SARLog{Received: today.AddDays(-36), RequestedBy: "Siobhán Ní Bhriain, her daughter (lasting power of attorney)",
			IdentityCheck: "Power of attorney and Siobhán's passport seen at the desk", Scope: "the whole record"}, nil},
		{"lukasz", app.SARLog{Received: today.AddDays(-9), AwaitingIdentity: true, Scope: "letters and appointments since 2024"}, nil},
		{"deaf", app.SARLog{Received: today.AddDays(-27), IdentityCheck: "Known to reception; asked by email from her usual address"},
			func(req sar.Request) error {
				_, _, err := c.ExtendSAR(req.ID, today.AddDays(-3), "we hold twelve years of records for you, part of them on paper in storage")
				return err
			}},
		{"john", app.SARLog{Received: today.AddDays(-24), IdentityCheck: "Known to reception"}, nil},
	}
	for _, l := range logs {
		id, err := idOf(l.key)
		if err != nil {
			return err
		}
		l.in.PatientID = id
		req, err := c.LogSAR(l.in)
		if err != nil {
			return fmt.Errorf("demo subject access for %s: %w", l.key, err)
		}
		if l.then != nil {
			if err := l.then(req); err != nil {
				return fmt.Errorf("demo subject access for %s: %w", l.key, err)
			}
		}
	}
	return nil
}
