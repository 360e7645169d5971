package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2/widget"
)

// The words the Referrals screen says a referral's clock in. The clock
// itself is the facade's (computed by the pathway rules); these only say
// it as the desk reads it.

// referralDirectionWord is "In" or "Out", for the list.
func referralDirectionWord(d pathways.Direction) string {
	if d == pathways.Out {
		return "Out"
	}
	return "In"
}

// referralParty is the other end in one line: "Dr A Khan, Harbour Medical Practice".
func referralParty(p pathways.Party) string {
	var parts []string
	for _, s := range []string{p.Name, p.Organisation} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// referralClockWords is the referral's clock in a few words, for a row of
// the list: "Week 9 of 18 · treat by 02/03/2027", "Stopped: first
// definitive treatment 12/01/2027", "Nullified: did not attend the first
// appointment".
func referralClockWords(rec app.ReferralRecord) string {
	r := rec.Referral
	if r.Status == pathways.StatusClosed {
		return "Closed: " + r.CloseReason
	}
	if r.Direction == pathways.Out {
		switch {
		case !r.ReplyOn.IsZero():
			return "Reply received " + r.ReplyOn.Short()
		case !r.ReplyDueBy.IsZero() && r.ReplyDueBy.Before(ukcal.Today(wallClock())):
			return "No reply yet · it was due by " + r.ReplyDueBy.Short()
		case !r.ReplyDueBy.IsZero():
			return "Waiting for a reply · due by " + r.ReplyDueBy.Short()
		}
		return "Waiting for a reply"
	}
	if !rec.HasClock {
		return "The pathway's events do not read: " + rec.ClockProblem
	}
	if r.Kind == pathways.Other {
		return "No national waiting-time clock"
	}
	return clockWords(rec.Clock)
}

// referralAtRiskDays is how near its treat-by date a running clock is
// shown in amber on the register: the clinic's at-risk horizon, as on
// Today and for the rules' tasks.
const referralAtRiskDays = app.ReferralAtRiskDays

// referralClockImportance colours the clock's words: red past the
// treat-by date or a reply overdue, amber within two weeks of it.
func referralClockImportance(rec app.ReferralRecord, today ukcal.Date) widget.Importance {
	r := rec.Referral
	switch {
	case r.Status == pathways.StatusClosed:
		return widget.MediumImportance
	case r.Direction == pathways.Out:
		if r.ReplyOn.IsZero() && !r.ReplyDueBy.IsZero() && r.ReplyDueBy.Before(today) {
			return widget.WarningImportance
		}
		return widget.MediumImportance
	case !rec.HasClock || rec.Clock.Status != pathways.ClockRunning || r.Kind == pathways.Other || !rec.Clock.LeftListOn.IsZero():
		return widget.MediumImportance
	case rec.Clock.Breached:
		return widget.DangerImportance
	case today.DaysUntil(rec.Clock.Breach) <= referralAtRiskDays:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// clockWords says a clock's state in a few words.
func clockWords(k pathways.Clock) string {
	switch k.Status {
	case pathways.ClockNullified:
		return "Nullified: " + strings.ToLower(k.StoppedBy.Label())
	case pathways.ClockStopped:
		words := fmt.Sprintf("Stopped: %s %s", strings.ToLower(k.StoppedBy.Label()), k.Stop.Short())
		if k.Breached {
			words += " · after 18 weeks"
		}
		return words
	}
	if !k.LeftListOn.IsZero() {
		return fmt.Sprintf("%s %s", k.LeftBy.Label(), k.LeftListOn.Short())
	}
	if k.Breached {
		return fmt.Sprintf("Week %d · past its treat-by date, %s", k.WeeksWaited()+1, k.Breach.Short())
	}
	return fmt.Sprintf("Week %d of 18 · treat by %s", k.WeeksWaited()+1, k.Breach.Short())
}

// clockSentences says a clock in full, for the referral's page: the 18
// weeks, and for suspected cancer the three cancer standards.
func clockSentences(rec app.ReferralRecord) []string {
	r := rec.Referral
	if r.Direction == pathways.Out {
		return []string{"A referral out has no clock here: the service it went to runs the pathway. " + referralClockWords(rec) + "."}
	}
	if !rec.HasClock {
		return []string{referralClockWords(rec)}
	}
	if r.Kind == pathways.Other {
		return []string{"This pathway has no national waiting-time clock."}
	}
	k := rec.Clock
	var out []string
	switch k.Status {
	case pathways.ClockNullified:
		out = append(out, fmt.Sprintf("Nullified: the patient did not attend the first appointment on %s, so this wait is not counted. "+
			"Booking a new first appointment starts a new clock.", k.Stop.LongWithDay()))
	case pathways.ClockStopped:
		out = append(out, fmt.Sprintf("Stopped on %s by %s, after %s (the clock started on %s; treat by was %s).",
			k.Stop.LongWithDay(), strings.ToLower(k.StoppedBy.Label()), weeksWords(k.WeeksWaited()), k.Start.Short(), k.Breach.Short()))
	default:
		line := fmt.Sprintf("Running since %s: %s waited. Treat by %s (18 weeks).", k.Start.Short(), weeksWords(k.WeeksWaited()), k.Breach.LongWithDay())
		if k.Breached {
			line = fmt.Sprintf("Running since %s: %s waited, past the 18 weeks: it breached after %s.", k.Start.Short(), weeksWords(k.WeeksWaited()), k.Breach.LongWithDay())
		}
		if !k.LeftListOn.IsZero() {
			line += fmt.Sprintf(" %s on %s.", k.LeftBy.Label(), k.LeftListOn.Short())
		}
		out = append(out, line)
	}
	if r.Urgency == pathways.SuspectedCancer {
		out = append(out,
			standardWords("Faster diagnosis (28 days from the referral to a diagnosis or cancer ruled out)", k.Cancer.FasterDiagnosis),
			standardWords("Treatment within 62 days of the referral", k.Cancer.Treat62),
			standardWords("Treatment within 31 days of the decision to treat", k.Cancer.Treat31))
	}
	return out
}

// standardWords says one cancer standard: met, missed or due.
func standardWords(name string, s pathways.Standard) string {
	if !s.Applies {
		return name + ": not yet (it starts with a decision to treat)"
	}
	switch s.Verdict {
	case pathways.Met:
		return fmt.Sprintf("%s: met on %s (due by %s)", name, s.On.Short(), s.Due.Short())
	case pathways.Missed:
		return fmt.Sprintf("%s: missed (it was due by %s)", name, s.Due.Short())
	}
	return fmt.Sprintf("%s: due by %s", name, s.Due.Short())
}

// weeksWords is a whole number of weeks waited: "1 week", "3 weeks".
func weeksWords(n int) string { return plural(int64(n), "week", "weeks") }
