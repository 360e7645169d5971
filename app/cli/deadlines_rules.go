package cli

import (
	"encoding/json"
	"flag"

	"clinicdesk/app/complaints"
	"clinicdesk/app/ukcal"
)

const complaintRulesUsage = "england|wales|scotland|northern-ireland"

// The starts of one nation's complaint dates, for the text output.
const (
	startReceipt = "from the day the complaint was received"
	startStage2  = "stage 2, from the day the complaint was received or went to stage 2"
)

// complaintRuleDates are the dates of an NHS complaint received on the day
// under the nation's procedure, in the nation's working days, with the keys
// of `deadlines --complaint-rules … --json`. In Scotland stage 2 is taken
// to start on receipt (a complaint that goes straight to investigation);
// one escalated later runs from the day it was escalated.
func complaintRuleDates(n complaints.Nation, received ukcal.Date) []ukcal.NamedDate {
	var zero ukcal.Date
	d := complaints.DeadlinesUnder(complaints.Rules{Nation: n, Funding: complaints.NHSFunded}, received, zero, zero, received, complaints.ResponsePeriod{})
	switch n {
	case complaints.England:
		return []ukcal.NamedDate{
			{Name: "acknowledge_by", Date: d.AcknowledgeBy, Start: startReceipt},
			{Name: "six_months", Date: d.SixMonths, Start: startReceipt},
		}
	case complaints.Scotland:
		return []ukcal.NamedDate{
			{Name: "stage1_respond_by", Date: d.Stage1By, Start: startReceipt},
			{Name: "acknowledge_by", Date: d.AcknowledgeBy, Start: startStage2},
			{Name: "respond_by", Date: d.ResponseDue, Start: startStage2},
		}
	}
	return []ukcal.NamedDate{
		{Name: "acknowledge_by", Date: d.AcknowledgeBy, Start: startReceipt},
		{Name: "respond_by", Date: d.ResponseDue, Start: startReceipt},
	}
}

// printComplaintRuleDates answers `deadlines --complaint-rules NATION`. The
// nation decides the bank holidays, so --region may not be given with it.
func printComplaintRuleDates(env *Env, fs *flag.FlagSet, nationText string, from ukcal.Date, asJSON bool) error {
	regionGiven := false
	fs.Visit(func(f *flag.Flag) { regionGiven = regionGiven || f.Name == "region" })
	if regionGiven {
		return usagef("give --complaint-rules or --region, not both: the nation's complaint dates use its own bank holidays")
	}
	n, err := complaints.ParseNation(nationText)
	if err != nil {
		return usagef("--complaint-rules: %v", err)
	}
	list := complaintRuleDates(n, from)
	if asJSON {
		out := make(map[string]ukcal.Date, len(list))
		for _, d := range list {
			out[d.Name] = d.Date
		}
		return json.NewEncoder(env.Stdout).Encode(out)
	}
	printNamedDates(env, list)
	return nil
}
