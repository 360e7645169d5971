package app

import (
	"errors"
	"fmt"
	"strings"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

// DefaultComplaintRules is the rule set a new complaint starts with: the
// nation and funding chosen in Settings, the nation following the clinic's
// bank-holiday region until one is chosen.
func DefaultComplaintRules(cs complaints.Settings, region ukcal.Region) complaints.Rules {
	r := complaints.Rules{Nation: complaints.Nation(cs.Nation), Funding: complaints.Funding(cs.Funding)}
	if !r.Nation.Valid() {
		r.Nation = complaints.NationOf(region)
	}
	if !r.Funding.Valid() {
		r.Funding = complaints.NHSFunded
	}
	return r
}

// checkComplaintRules fills a rule set left blank from Settings and
// refuses one that is not known, and a stage 2 date where there is no
// stage 2 or that is not between receipt and today.
func checkComplaintRules(d *complaints.Details, cs complaints.Settings, region ukcal.Region, today ukcal.Date) error {
	def := DefaultComplaintRules(cs, region)
	if d.Rules.Nation == "" {
		d.Rules.Nation = def.Nation
	}
	if d.Rules.Funding == "" {
		d.Rules.Funding = def.Funding
	}
	if err := d.Rules.Check(); err != nil {
		return err
	}
	if d.Stage2.IsZero() {
		return nil
	}
	switch {
	case d.Rules.Stage1WorkingDays() == 0:
		return errors.New("only an NHS complaint in Scotland has a stage 2: clear the stage 2 date")
	case d.Stage2.Before(d.Received):
		return fmt.Errorf("stage 2 cannot start before the complaint was received (%s)", d.Received.LongWithDay())
	case d.Stage2.After(today):
		return fmt.Errorf("stage 2 cannot start after today (%s)", today.LongWithDay())
	}
	return nil
}

// checkComplaintSettings tidies and checks the rule-set defaults, the
// adjudicator and the return's practice code and form; blanks take the
// defaults (nation from the region, NHS, the GP form).
func checkComplaintSettings(cs *complaints.Settings) error {
	if cs.Nation = strings.TrimSpace(cs.Nation); cs.Nation != "" {
		n, err := complaints.ParseNation(cs.Nation)
		if err != nil {
			return err
		}
		cs.Nation = string(n)
	}
	if cs.Funding == "" {
		cs.Funding = string(complaints.NHSFunded)
	}
	f, err := complaints.ParseFunding(cs.Funding)
	if err != nil {
		return err
	}
	cs.Funding = string(f)
	a, err := complaints.ParseAdjudicator(cs.Adjudicator)
	if err != nil {
		return err
	}
	cs.Adjudicator = string(a)
	if cs.ReturnVariant == "" {
		cs.ReturnVariant = string(complaints.GPReturn)
	}
	v, err := complaints.ParseReturnVariant(cs.ReturnVariant)
	if err != nil {
		return err
	}
	cs.ReturnVariant = string(v)
	code, err := complaints.ParseODSCode(cs.ODSCode)
	if err != nil {
		return err
	}
	cs.ODSCode = code
	return nil
}
