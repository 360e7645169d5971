package patients

import (
	"testing"

	"clinicdesk/app/ukcal"
)

// d reads a test date; "" is none.
func d(s string) ukcal.Date {
	if s == "" {
		return ukcal.Date{}
	}
	return ukcal.MustParseDate(s)
}

type retentionCase struct {
	name                             string
	dob, seen, earlier, opened, died string
	wantUntil, wantRule              string
}

func checkRetention(t *testing.T, cases []retentionCase) {
	t.Helper()
	for _, tc := range cases {
		r, ok := RetentionFrom(RetentionFacts{DOB: d(tc.dob), LastSeen: d(tc.seen), Earlier: d(tc.earlier), Opened: d(tc.opened), Died: d(tc.died)})
		if !ok {
			t.Errorf("%s: no retention worked out", tc.name)
			continue
		}
		if r.KeepUntil.String() != tc.wantUntil || r.Rule != tc.wantRule {
			t.Errorf("%s:\n got %s: %s\nwant %s: %s", tc.name, r.KeepUntil, r.Rule, tc.wantUntil, tc.wantRule)
		}
	}
}

func TestRetentionForAnAdultCountsFromTheLastTreatment(t *testing.T) {
	checkRetention(t, []retentionCase{
		{name: "seen in the diary", dob: "1970-05-01", seen: "2026-03-14", opened: "2020-01-01",
			wantUntil: "2034-03-14", wantRule: "8 years after the last treatment on 14 March 2026"},
		{name: "an older hand-kept date gives way to the diary", dob: "1970-05-01", seen: "2026-03-14", earlier: "2019-07-01",
			wantUntil: "2034-03-14", wantRule: "8 years after the last treatment on 14 March 2026"},
		// Treatment given before ClinicDesk, later than anything in the
		// diary, is not forgotten: the later of the two counts.
		{name: "a later hand-kept date is kept", dob: "1970-05-01", seen: "2024-02-01", earlier: "2025-06-30",
			wantUntil: "2033-06-30", wantRule: "8 years after the last treatment on 30 June 2025 (as kept on the record, later than the diary)"},
		{name: "never treated", dob: "1970-05-01", opened: "2026-11-23",
			wantUntil: "2034-11-23", wantRule: "8 years after the record's opening on 23 November 2026 (no treatment recorded yet)"},
		{name: "29 February", dob: "1970-05-01", seen: "2028-02-29",
			wantUntil: "2036-02-29", wantRule: "8 years after the last treatment on 29 February 2028"},
	})
	if _, ok := RetentionFrom(RetentionFacts{DOB: d("1970-01-01")}); ok {
		t.Error("a retention date from nothing at all")
	}
	if _, ok := RetentionFrom(RetentionFacts{LastSeen: d("2026-01-01")}); ok {
		t.Error("a retention date without a date of birth (adult or child cannot be told)")
	}
}

func TestRetentionForAChildUsesTheirBirthdays(t *testing.T) {
	checkRetention(t, []retentionCase{
		{name: "9 at the end", dob: "2016-06-01", seen: "2026-03-10",
			wantUntil: "2041-06-01", wantRule: "the 25th birthday, aged 9 at the last treatment on 10 March 2026"},
		{name: "17 at the end: 26th birthday", dob: "2008-09-01", seen: "2026-03-10",
			wantUntil: "2034-09-01", wantRule: "the 26th birthday, aged 17 at the last treatment on 10 March 2026"},
		{name: "18 on the day: adult", dob: "2008-03-10", seen: "2026-03-10",
			wantUntil: "2034-03-10", wantRule: "8 years after the last treatment on 10 March 2026"},
		{name: "16 at the end", dob: "2009-03-20", seen: "2026-03-10",
			wantUntil: "2034-03-20", wantRule: "the 25th birthday, aged 16 at the last treatment on 10 March 2026"},
		{name: "never treated, registered as a baby", dob: "2026-01-05", opened: "2026-02-01",
			wantUntil: "2051-01-05", wantRule: "the 25th birthday, aged 0 at the record's opening on 1 February 2026 (no treatment recorded yet)"},
	})
}

func TestRetentionAfterDeathFollowsTheCode(t *testing.T) {
	checkRetention(t, []retentionCase{
		// The record stops being in use at death: 8 years from then.
		{name: "adult", dob: "1940-05-01", seen: "2025-10-01", died: "2026-02-14",
			wantUntil: "2034-02-14", wantRule: "8 years after death on 14 February 2026"},
		{name: "adult never treated", dob: "1940-05-01", opened: "2026-01-10", died: "2026-02-14",
			wantUntil: "2034-02-14", wantRule: "8 years after death on 14 February 2026"},
		// A child's birthday rule runs later than 8 years after death: the
		// Code's periods are minimums, so the later one is kept.
		{name: "young child", dob: "2020-04-02", seen: "2025-12-01", died: "2026-01-20",
			wantUntil: "2045-04-02", wantRule: "the 25th birthday, aged 5 at the last treatment on 1 December 2025; later than 8 years after death on 20 January 2026"},
		{name: "treated at 17, died at 18: 8 years after death is later than the 26th birthday", dob: "2008-09-01", seen: "2026-03-10", died: "2027-06-01",
			wantUntil: "2035-06-01", wantRule: "8 years after death on 1 June 2027"},
		// A Seen appointment after the recorded death is a mistake in one
		// of them; it cannot push the date past what death gives.
		{name: "treatment dated after death", dob: "1950-01-01", seen: "2026-05-01", died: "2026-03-01",
			wantUntil: "2034-03-01", wantRule: "8 years after death on 1 March 2026"},
	})
}
