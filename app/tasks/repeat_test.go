package tasks

import (
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

func d(s string) ukcal.Date { return ukcal.MustParseDate(s) }

func TestNextDueAcrossMonthEndsAndBankHolidays(t *testing.T) {
	monday := Repeat{Every: Weekly, Weeks: 1, Weekday: time.Monday}
	mondayWorking := monday
	mondayWorking.WorkingDaysOnly = true
	fortnightTue := Repeat{Every: Weekly, Weeks: 2, Weekday: time.Tuesday}
	weekdays := Repeat{Every: Weekdays}
	workingDays := Repeat{Every: Weekdays, WorkingDaysOnly: true}
	first := Repeat{Every: Monthly, Day: 1}
	firstWorking := Repeat{Every: Monthly, Day: 1, WorkingDaysOnly: true}
	last := Repeat{Every: Monthly, Day: 31}
	lastWorking := Repeat{Every: Monthly, Day: 31, WorkingDaysOnly: true}
	thirtieth := Repeat{Every: Monthly, Day: 30}
	cases := []struct {
		name         string
		r            Repeat
		prev, doneOn string
		want         string
	}{
		{"every Monday, done on the day", monday, "2026-11-30", "2026-11-30", "2026-12-07"},
		{"every Monday, done late on the Wednesday: next Monday, not overdue at once", monday, "2026-11-30", "2026-12-02", "2026-12-07"},
		{"every Monday, done a week and more late: the missed Monday is skipped", monday, "2026-11-23", "2026-12-02", "2026-12-07"},
		{"every Monday, done early on the Friday before", monday, "2026-12-07", "2026-12-04", "2026-12-14"},
		{"every Monday lands on a bank holiday and keeps it without the option", monday, "2026-12-21", "2026-12-21", "2026-12-28"},
		{"not on bank holidays: Boxing Day's substitute Monday moves to the Tuesday", mondayWorking, "2026-12-21", "2026-12-21", "2026-12-29"},
		{"and the week after comes back to the Monday", mondayWorking, "2026-12-29", "2026-12-29", "2027-01-04"},
		{"Easter Monday moves to the Tuesday", mondayWorking, "2027-03-22", "2027-03-22", "2027-03-30"},
		{"every 2 weeks on Tuesday", fortnightTue, "2026-12-01", "2026-12-01", "2026-12-15"},
		{"every 2 weeks on Tuesday, first due on a Wednesday", fortnightTue, "2026-12-02", "2026-12-02", "2026-12-15"},
		{"every 2 weeks across the year end", fortnightTue, "2026-12-22", "2026-12-22", "2027-01-05"},
		{"every weekday: Friday to Monday", weekdays, "2026-12-04", "2026-12-04", "2026-12-07"},
		{"every weekday keeps Christmas Day without the option", weekdays, "2026-12-24", "2026-12-24", "2026-12-25"},
		{"every working day: Christmas Eve to the Tuesday after the substitute day", workingDays, "2026-12-24", "2026-12-24", "2026-12-29"},
		{"monthly on the 1st across the year end", first, "2026-12-01", "2026-12-01", "2027-01-01"},
		{"monthly on the 1st, not on bank holidays: New Year's Day to Monday 4 January", firstWorking, "2026-12-01", "2026-12-01", "2027-01-04"},
		{"and from the moved day, back to the 1st", firstWorking, "2027-01-04", "2027-01-04", "2027-02-01"},
		{"monthly on the 1st done a month late", first, "2026-11-01", "2026-12-03", "2027-01-01"},
		{"monthly on the 31st: February's last day", last, "2027-01-31", "2027-01-31", "2027-02-28"},
		{"monthly on the 31st: back to the 31st after February", last, "2027-02-28", "2027-02-28", "2027-03-31"},
		{"monthly on the 31st in a leap year", last, "2028-01-31", "2028-01-31", "2028-02-29"},
		{"monthly on the 31st: April's 30th", last, "2027-03-31", "2027-03-31", "2027-04-30"},
		{"monthly on the 30th after February", thirtieth, "2027-02-28", "2027-02-28", "2027-03-30"},
		{"last day, not on bank holidays: 31 August 2026 is one, so 1 September", lastWorking, "2026-07-31", "2026-07-31", "2026-09-01"},
		{"and from 1 September, the 30th", lastWorking, "2026-09-01", "2026-09-01", "2026-09-30"},
		{"does not repeat", Repeat{}, "2026-12-01", "2026-12-01", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.r.NextDue(d(c.prev), d(c.doneOn), ukcal.EnglandAndWales)
			if got.String() != c.want {
				t.Fatalf("%s: next after %s done %s = %q, want %q", c.r.Words(), c.prev, c.doneOn, got, c.want)
			}
		})
	}
}

func TestParseRepeatReadsWhatTheDeskWrites(t *testing.T) {
	cases := []struct {
		text  string
		want  Repeat
		words string
	}{
		{"", Repeat{}, ""},
		{"never", Repeat{}, ""},
		{"every Monday", Repeat{Every: Weekly, Weeks: 1, Weekday: time.Monday}, "every Monday"},
		{"Every mondays.", Repeat{Every: Weekly, Weeks: 1, Weekday: time.Monday}, "every Monday"},
		{"weekly on Thursday", Repeat{Every: Weekly, Weeks: 1, Weekday: time.Thursday}, "every Thursday"},
		{"every 2 weeks on Tuesday", Repeat{Every: Weekly, Weeks: 2, Weekday: time.Tuesday}, "every 2 weeks on Tuesday"},
		{"every other Friday", Repeat{Every: Weekly, Weeks: 2, Weekday: time.Friday}, "every 2 weeks on Friday"},
		{"fortnightly on wed", Repeat{Every: Weekly, Weeks: 2, Weekday: time.Wednesday}, "every 2 weeks on Wednesday"},
		{"every 4 weeks on Mon", Repeat{Every: Weekly, Weeks: 4, Weekday: time.Monday}, "every 4 weeks on Monday"},
		{"every weekday", Repeat{Every: Weekdays}, "every weekday"},
		{"every working day", Repeat{Every: Weekdays, WorkingDaysOnly: true}, "every weekday, not on bank holidays"},
		{"monthly on the 1st", Repeat{Every: Monthly, Day: 1}, "monthly on the 1st"},
		{"every month on the 22nd", Repeat{Every: Monthly, Day: 22}, "monthly on the 22nd"},
		{"the 3rd of every month", Repeat{Every: Monthly, Day: 3}, "monthly on the 3rd"},
		{"monthly on the last day", Repeat{Every: Monthly, Day: 31}, "monthly on the 31st"},
		{"monthly on the 11th", Repeat{Every: Monthly, Day: 11}, "monthly on the 11th"},
		{"every Monday, not on bank holidays", Repeat{Every: Weekly, Weeks: 1, Weekday: time.Monday, WorkingDaysOnly: true}, "every Monday, not on bank holidays"},
		{"monthly on the 1st skipping bank holidays", Repeat{Every: Monthly, Day: 1, WorkingDaysOnly: true}, "monthly on the 1st, not on bank holidays"},
	}
	for _, c := range cases {
		got, err := ParseRepeat(c.text)
		if err != nil {
			t.Errorf("ParseRepeat(%q): %v", c.text, err)
			continue
		}
		if got != c.want || got.Words() != c.words {
			t.Errorf("ParseRepeat(%q) = %+v (%q), want %+v (%q)", c.text, got, got.Words(), c.want, c.words)
		}
		back, err := ParseCode(got.Code())
		if err != nil || back != got {
			t.Errorf("the stored code %q of %q reads back as %+v, %v", got.Code(), c.text, back, err)
		}
	}
	for _, bad := range []string{"every day", "every 5 weeks on Monday", "monthly on the 32nd", "monthly on the 0th", "sometimes", "every Funday", "not on bank holidays"} {
		if r, err := ParseRepeat(bad); err == nil {
			t.Errorf("ParseRepeat(%q) = %+v, want an error", bad, r)
		}
	}
	for _, bad := range []string{"weekly:9:mon", "weekly:1:xyz", "monthly:40", "yearly", "weekdays:1"} {
		if _, err := ParseCode(bad); err == nil {
			t.Errorf("ParseCode(%q) read a rule", bad)
		}
	}
}

func TestParseTimeOfDay(t *testing.T) {
	for text, want := range map[string]string{"14:30": "14:30", "9:05": "09:05", "0930": "09:30", " 23.59 ": "23:59", "": ""} {
		got, err := ParseTimeOfDay(text)
		if err != nil || got.String() != want {
			t.Errorf("ParseTimeOfDay(%q) = %q, %v; want %q", text, got, err, want)
		}
	}
	for _, bad := range []string{"24:00", "12:60", "2pm", "9:5", "12:", "123:00"} {
		if _, err := ParseTimeOfDay(bad); err == nil {
			t.Errorf("ParseTimeOfDay(%q) read a time", bad)
		}
	}
}

func FuzzParseRepeat(f *testing.F) {
	for _, s := range []string{"every Monday", "monthly on the 31st", "every 2 weeks on Tuesday, not on bank holidays", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := ParseRepeat(text)
		if err != nil {
			return
		}
		if r.Check() != nil {
			t.Fatalf("ParseRepeat(%q) gave a rule its own check refuses: %+v", text, r)
		}
		if back, err := ParseCode(r.Code()); err != nil || back != r {
			t.Fatalf("ParseRepeat(%q) = %+v does not survive the store: %+v, %v", text, r, back, err)
		}
		if !r.IsZero() {
			prev := d("2026-12-31")
			if next := r.NextDue(prev, prev, ukcal.EnglandAndWales); !next.After(prev) {
				t.Fatalf("%+v: next after %s is %s", r, prev, next)
			}
		}
	})
}

func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"14:30", "0930", "9.05", "", "24:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		v, err := ParseTimeOfDay(text)
		if err != nil {
			return
		}
		back, err := ParseTimeOfDay(v.String())
		if err != nil || back != v || v.Minutes() < 0 || v.Minutes() >= 24*60 {
			t.Fatalf("ParseTimeOfDay(%q) = %q does not read back: %q, %v", text, v, back, err)
		}
	})
}
