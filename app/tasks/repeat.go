package tasks

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"clinicdesk/app/ukcal"
)

// Interval is how a task comes round again. The small set a front desk
// needs: a day of the week (every week, or every few weeks), every
// weekday, or a day of the month.
type Interval string

// The intervals. The values are stored (see Repeat.Code).
const (
	Never    Interval = ""
	Weekly   Interval = "weekly"
	Weekdays Interval = "weekdays"
	Monthly  Interval = "monthly"
)

// Repeat is a repeating task's rule. The zero value does not repeat.
type Repeat struct {
	Every   Interval
	Weeks   int          // Weekly: every 1 to 4 weeks
	Weekday time.Weekday // Weekly: on this day
	// Day is Monthly's day of the month, 1 to 31; a month without that
	// day (the 31st in April) has it on its last day.
	Day int
	// WorkingDaysOnly moves a day that falls on a weekend or a bank
	// holiday to the next working day ("every Monday, not on bank
	// holidays": after Easter Monday, the Tuesday).
	WorkingDaysOnly bool
}

// IsZero reports that the task does not repeat.
func (r Repeat) IsZero() bool { return r.Every == Never }

// Check says what is wrong with a rule.
func (r Repeat) Check() error {
	switch r.Every {
	case Never:
		if r != (Repeat{}) {
			return errors.New("a task that does not repeat has no repeat days")
		}
	case Weekly:
		if r.Weeks < 1 || r.Weeks > 4 {
			return errors.New("a weekly task repeats every 1, 2, 3 or 4 weeks")
		}
		if r.Weekday < time.Sunday || r.Weekday > time.Saturday {
			return errors.New("choose the day of the week it repeats on")
		}
	case Weekdays:
	case Monthly:
		if r.Day < 1 || r.Day > 31 {
			return errors.New("a monthly task repeats on a day from the 1st to the 31st")
		}
	default:
		return fmt.Errorf("%q is not a way a task can repeat", r.Every)
	}
	return nil
}

// NextDue is when a repeating task is due next after the one due on prev
// was done on doneOn: the first day the rule gives after prev that is
// also after doneOn, so a task done late does not come back already
// overdue, and one done early still comes back on its next day. Zero when
// the task does not repeat.
func (r Repeat) NextDue(prev, doneOn ukcal.Date, region ukcal.Region) ukcal.Date {
	if r.Check() != nil || r.IsZero() || prev.IsZero() {
		return ukcal.Date{}
	}
	d := r.after(prev, region)
	// Bounded: a year of weekdays is about 260 steps.
	for i := 0; i < 5000 && !d.After(doneOn); i++ {
		d = r.after(d, region)
	}
	return d
}

// after is the rule's first day after d. A day moved off a bank holiday
// is at most a few days late, so the next is still found from it: the
// first matching weekday after it is the nominal one's next.
func (r Repeat) after(d ukcal.Date, region ukcal.Region) ukcal.Date {
	var next ukcal.Date
	switch r.Every {
	case Weekly:
		next = d.AddDays(1)
		for next.Weekday() != r.Weekday {
			next = next.AddDays(1)
		}
		next = next.AddDays(7 * (r.Weeks - 1))
	case Weekdays:
		next = d.AddDays(1)
		for next.IsWeekend() {
			next = next.AddDays(1)
		}
	case Monthly:
		next = dayOfMonth(d.Year(), d.Month(), r.Day)
		if !next.After(d) {
			next = dayOfMonth(d.Year(), d.Month()+1, r.Day)
		}
	}
	if r.WorkingDaysOnly {
		next = region.NextWorkingDay(next)
	}
	return next
}

// dayOfMonth is the day-th of the month, or its last day when it has none.
func dayOfMonth(year int, month time.Month, day int) ukcal.Date {
	first := ukcal.NewDate(year, month, 1)
	last := first.AddMonths(1).AddDays(-1)
	if day > last.Day() {
		return last
	}
	return ukcal.NewDate(first.Year(), first.Month(), day)
}

// Words says the rule as the desk says it: "every Monday", "every 2 weeks
// on Tuesday", "every weekday", "monthly on the 1st"; "" when it does not
// repeat.
func (r Repeat) Words() string {
	var w string
	switch r.Every {
	case Never:
		return ""
	case Weekly:
		w = "every " + r.Weekday.String()
		if r.Weeks > 1 {
			w = fmt.Sprintf("every %d weeks on %s", r.Weeks, r.Weekday)
		}
	case Weekdays:
		w = "every weekday"
	case Monthly:
		w = "monthly on the " + ordinal(r.Day)
	}
	if r.WorkingDaysOnly {
		w += ", not on bank holidays"
	}
	return w
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// Code is the rule as the store keeps it: "", "weekly:2:tue", "weekdays",
// "monthly:31", with "+working" when it avoids bank holidays.
func (r Repeat) Code() string {
	var c string
	switch r.Every {
	case Never:
		return ""
	case Weekly:
		c = fmt.Sprintf("weekly:%d:%s", r.Weeks, strings.ToLower(r.Weekday.String()[:3]))
	case Weekdays:
		c = "weekdays"
	case Monthly:
		c = fmt.Sprintf("monthly:%d", r.Day)
	}
	if r.WorkingDaysOnly {
		c += "+working"
	}
	return c
}

// ParseCode reads what Code wrote.
func ParseCode(code string) (Repeat, error) {
	var r Repeat
	code, r.WorkingDaysOnly = strings.CutSuffix(code, "+working")
	parts := strings.Split(code, ":")
	bad := fmt.Errorf("the stored repeat %q cannot be read", code)
	switch {
	case code == "":
		return Repeat{}, nil
	case parts[0] == "weekly" && len(parts) == 3:
		n, err := strconv.Atoi(parts[1])
		wd, ok := weekdayNamed(parts[2])
		if err != nil || !ok {
			return Repeat{}, bad
		}
		r.Every, r.Weeks, r.Weekday = Weekly, n, wd
	case parts[0] == "weekdays" && len(parts) == 1:
		r.Every = Weekdays
	case parts[0] == "monthly" && len(parts) == 2:
		n, err := strconv.Atoi(parts[1])
		if err != nil {
			return Repeat{}, bad
		}
		r.Every, r.Day = Monthly, n
	default:
		return Repeat{}, bad
	}
	if r.Check() != nil {
		return Repeat{}, bad
	}
	return r, nil
}

var (
	noHolidays  = regexp.MustCompile(`,?\s*(not on|skipping|skip|except( on)?|avoiding) (bank )?holidays$`)
	everyWeekly = regexp.MustCompile(`^(?:every|each) (?:(\d|other|second) weeks? on |week on )?(\w+?)s?$`)
	fortnightly = regexp.MustCompile(`^(?:fortnightly|every fortnight) on (\w+?)s?$`)
	weeklyOn    = regexp.MustCompile(`^weekly on (\w+?)s?$`)
	monthlyOn   = regexp.MustCompile(`^(?:monthly|every month) on the (\d{1,2})(?:st|nd|rd|th)?(?: of the month)?$|^(?:on )?the (\d{1,2})(?:st|nd|rd|th)? of (?:every|each) month$`)
	monthlyLast = regexp.MustCompile(`^(?:monthly|every month) on the last day(?: of the month)?$|^(?:on )?the last day of (?:every|each) month$`)
)

// RepeatHelp lists what ParseRepeat understands.
const RepeatHelp = `"every Monday", "every 2 weeks on Tuesday", "every weekday", "every working day", "monthly on the 1st", "monthly on the last day" (add ", not on bank holidays" to move a day off a bank holiday)`

// ParseRepeat reads a rule as a receptionist would write it (see
// RepeatHelp); "" and "never" do not repeat.
func ParseRepeat(text string) (Repeat, error) {
	s := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	s = strings.TrimSuffix(s, ".")
	var r Repeat
	if loc := noHolidays.FindStringIndex(s); loc != nil {
		s, r.WorkingDaysOnly = strings.TrimSpace(s[:loc[0]]), true
	}
	bad := fmt.Errorf("%q is not a repeat ClinicDesk understands: write one of %s", strings.TrimSpace(text), RepeatHelp)
	switch {
	case (s == "" || s == "never" || s == "no" || s == "does not repeat") && !r.WorkingDaysOnly:
		return Repeat{}, nil
	case s == "every weekday" || s == "weekdays" || s == "every week day":
		r.Every = Weekdays
	case s == "every working day" || s == "working days":
		r.Every, r.WorkingDaysOnly = Weekdays, true
	case monthlyLast.MatchString(s):
		r.Every, r.Day = Monthly, 31
	case monthlyOn.MatchString(s):
		m := monthlyOn.FindStringSubmatch(s)
		day, _ := strconv.Atoi(m[1] + m[2])
		r.Every, r.Day = Monthly, day
	default:
		weeks, name, ok := weeklyParts(s)
		wd, isDay := weekdayNamed(name)
		if !ok || !isDay {
			return Repeat{}, bad
		}
		r.Every, r.Weeks, r.Weekday = Weekly, weeks, wd
	}
	if err := r.Check(); err != nil {
		return Repeat{}, err
	}
	return r, nil
}

// weeklyParts reads "every Monday", "every 2 weeks on Tuesday", "every
// other Friday", "fortnightly on Wednesday", "weekly on Thursday".
func weeklyParts(s string) (weeks int, day string, ok bool) {
	if m := fortnightly.FindStringSubmatch(s); m != nil {
		return 2, m[1], true
	}
	if m := weeklyOn.FindStringSubmatch(s); m != nil {
		return 1, m[1], true
	}
	if strings.HasPrefix(s, "every other ") {
		return 2, strings.TrimSuffix(strings.TrimPrefix(s, "every other "), "s"), true
	}
	m := everyWeekly.FindStringSubmatch(s)
	if m == nil {
		return 0, "", false
	}
	switch m[1] {
	case "":
		return 1, m[2], true
	case "other", "second":
		return 2, m[2], true
	}
	n, _ := strconv.Atoi(m[1])
	return n, m[2], true
}

// weekdayNamed reads a day's name or its first three letters.
func weekdayNamed(s string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if s == name || (len(s) >= 3 && strings.HasPrefix(name, s)) {
			return d, true
		}
	}
	return 0, false
}
