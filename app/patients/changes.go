package patients

import (
	"reflect"
	"sort"
)

// ChangedFields names the parts of a record that differ, for the audit
// trail and the timeline ("address, mobile"). Values are never named.
func ChangedFields(old, new Patient) []string {
	pairs := map[string][2]any{
		"title": {old.Title, new.Title}, "forenames": {old.Forenames, new.Forenames}, "surname": {old.Surname, new.Surname},
		"preferred name": {old.PreferredName, new.PreferredName}, "known-as name in letters": {old.UseKnownAs, new.UseKnownAs},
		"date of birth": {old.DOB, new.DOB}, "sex": {old.Sex, new.Sex}, "gender identity": {old.GenderIdentity, new.GenderIdentity},
		"NHS number": {old.NHSNumber, new.NHSNumber}, "address": {old.Address, new.Address},
		"phones": {old.Phones, new.Phones}, "email": {old.Email, new.Email},
		"GP":                  {[2]string{old.GP.Name, old.GP.Practice}, [2]string{new.GP.Name, new.GP.Practice}},
		"GP practice address": {normStrings(old.GP.Address), normStrings(new.GP.Address)},
		"next of kin":         {old.NextOfKin, new.NextOfKin}, "language": {old.Language, new.Language},
		"interpreter": {old.Interpreter, new.Interpreter}, "contact preferences": {old.Consent, new.Consent},
		"alerts": {normAlerts(old.Alerts), normAlerts(new.Alerts)}, "communication needs": {normStrings(old.AIS.Needs), normStrings(new.AIS.Needs)},
		"communication notes": {old.AIS.Notes, new.AIS.Notes}, "needs reviewed": {old.AIS.Reviewed, new.AIS.Reviewed},
		"last treatment": {old.LastTreatment, new.LastTreatment}, "date of death": {old.DateOfDeath, new.DateOfDeath},
		"parent or carer": {carerParts(old.ParentCarer), carerParts(new.ParentCarer)},
	}
	var out []string
	for name, p := range pairs {
		if !reflect.DeepEqual(p[0], p[1]) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// carerParts compares a parent or carer with no address lines as nil.
func carerParts(c ParentCarer) ParentCarer {
	c.Address = normStrings(c.Address)
	return c
}

func normAlerts(a []Alert) []Alert {
	if len(a) == 0 {
		return nil
	}
	return a
}

func normStrings(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
