package ukcal

import "fmt"

// Calendar-day periods of the referral standards (SPEC §4.6).
const (
	RTTDays      = 126 // referral to treatment: 18 weeks from clock start
	FDSDays      = 28  // cancer Faster Diagnosis Standard
	Cancer62Days = 62  // cancer: referral to first treatment
	Cancer31Days = 31  // cancer: decision to treat to first treatment
)

// Complaint and subject-access periods (SPEC §4.4, §4.5).
const (
	ComplaintAckWorkingDays = 3  // acknowledge by the end of the 3rd working day after receipt
	ComplaintDelayMonths    = 6  // a delay letter is owed after this period, without an agreed extension
	ComplaintTimeLimitMonth = 12 // complaints made later are out of time (discretion, not refusal)
	SARMonths               = 1  // subject access: one calendar month
	SARExtendedMonths       = 3  // extended by two further months
)

// ComplaintAcknowledgeBy returns the last day for acknowledging a complaint
// received on the date: the 3rd working day after the day of receipt. The
// day of receipt never counts, even when it is a weekend or bank holiday
// (a complaint in on Saturday 23 May 2026 is due Thursday 28 May).
func ComplaintAcknowledgeBy(received Date, r Region) Date {
	return r.AddWorkingDays(received, ComplaintAckWorkingDays)
}

// ComplaintSixMonths returns the last day of the six-month period that
// begins with the day of receipt (SPEC §4.4): six calendar months on from
// the day before receipt, or that month's last day where there is no such
// date (received 31 August 2026, the period ends 28 February 2027). From
// the next day a delay letter is owed unless an extension was agreed.
func ComplaintSixMonths(received Date) Date {
	return received.AddDays(-1).AddMonths(ComplaintDelayMonths)
}

// ComplaintTimeLimit returns the last day a complaint about an event (or
// about something the complainant became aware of) is in time: the same
// date 12 months later, or the month's last day where there is none.
func ComplaintTimeLimit(eventOrAwareness Date) Date {
	return eventOrAwareness.AddMonths(ComplaintTimeLimitMonth)
}

// ComplaintInTime reports whether a complaint made on the date is within the
// 12-month limit from the event or awareness date.
func ComplaintInTime(eventOrAwareness, complained Date) bool {
	return !complained.After(ComplaintTimeLimit(eventOrAwareness))
}

// SARDue returns when a subject access request received on the date must be
// answered: one calendar month later (the month's last day where there is
// no such date), moved to the next working day when that is a weekend or
// bank holiday.
func SARDue(received Date, r Region) Date {
	return r.NextWorkingDay(received.AddMonths(SARMonths))
}

// SARDueExtended is SARDue with the two-month extension: three calendar
// months from receipt, by the same rules.
func SARDueExtended(received Date, r Region) Date {
	return r.NextWorkingDay(received.AddMonths(SARExtendedMonths))
}

// RTTBreach returns the 18-week referral-to-treatment breach date.
func RTTBreach(clockStart Date) Date { return clockStart.AddDays(RTTDays) }

// FDSBreach returns the 28-day Faster Diagnosis Standard breach date.
func FDSBreach(referred Date) Date { return referred.AddDays(FDSDays) }

// Cancer62Breach returns the 62-day cancer standard breach date.
func Cancer62Breach(referred Date) Date { return referred.AddDays(Cancer62Days) }

// Cancer31Breach returns the 31-day decision-to-treat breach date.
func Cancer31Breach(decisionToTreat Date) Date { return decisionToTreat.AddDays(Cancer31Days) }

// DeadlineSet is every deadline that can run from one date; the JSON keys
// are those of `clinicdesk deadlines --json` (SPEC §3).
type DeadlineSet struct {
	AcknowledgeBy  Date `json:"acknowledge_by"`
	SixMonths      Date `json:"six_months"`
	SARDue         Date `json:"sar_due"`
	SARDueExtended Date `json:"sar_due_extended"`
	RTT18Weeks     Date `json:"rtt_18w"`
	FDS28Days      Date `json:"fds_28d"`
	Cancer62Days   Date `json:"cancer_62d"`
	Cancer31Days   Date `json:"cancer_31d"`
}

// Deadlines returns every deadline running from the date, with the working
// days of the region.
func Deadlines(from Date, r Region) DeadlineSet {
	return DeadlineSet{
		AcknowledgeBy:  ComplaintAcknowledgeBy(from, r),
		SixMonths:      ComplaintSixMonths(from),
		SARDue:         SARDue(from, r),
		SARDueExtended: SARDueExtended(from, r),
		RTT18Weeks:     RTTBreach(from),
		FDS28Days:      FDSBreach(from),
		Cancer62Days:   Cancer62Breach(from),
		Cancer31Days:   Cancer31Breach(from),
	}
}

// NamedDate is one deadline with its JSON key as name, and the start it
// runs from, for people ("from the decision to treat").
type NamedDate struct {
	Name  string
	Date  Date
	Start string
}

// The starts the deadlines run from: one --from date serves them all, so
// the text output says what that date is taken to be for each.
const (
	StartComplaint = "from the day the complaint was received"
	StartSAR       = "from the day the subject access request was received"
	StartRTT       = "from the referral's clock start"
	StartUrgent    = "from the urgent referral"
	StartDecision  = "from the decision to treat"
)

// List returns the deadlines in the order and with the names of the JSON form.
func (s DeadlineSet) List() []NamedDate {
	return []NamedDate{
		{"acknowledge_by", s.AcknowledgeBy, StartComplaint},
		{"six_months", s.SixMonths, StartComplaint},
		{"sar_due", s.SARDue, StartSAR},
		{"sar_due_extended", s.SARDueExtended, StartSAR},
		{"rtt_18w", s.RTT18Weeks, StartRTT},
		{"fds_28d", s.FDS28Days, StartUrgent},
		{"cancer_62d", s.Cancer62Days, StartUrgent},
		{"cancer_31d", s.Cancer31Days, StartDecision},
	}
}

// DescribeDue says, for the screens, when a deadline falls, counted in the
// region's working days from today: "due today", "due in 1 working day",
// "due in 3 working days", "overdue by 2 working days". A deadline after
// today with no working day up to it (due Sunday, seen Friday) is "due
// before the next working day"; one passed with no working day since (due
// Saturday, seen Sunday) is "overdue".
func (r Region) DescribeDue(due, today Date) string {
	switch n := r.WorkingDaysBetween(today, due); {
	case due == today:
		return "due today"
	case due.After(today) && n == 0:
		return "due before the next working day"
	case due.After(today):
		return fmt.Sprintf("due in %s", workingDays(n))
	case n == 0:
		return "overdue"
	default:
		return fmt.Sprintf("overdue by %s", workingDays(-n))
	}
}

func workingDays(n int) string {
	if n == 1 {
		return "1 working day"
	}
	return fmt.Sprintf("%d working days", n)
}
