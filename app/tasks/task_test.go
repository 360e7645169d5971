package tasks

import (
	"sort"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/pathways"
	"clinicdesk/app/ukcal"
)

func TestStateOnADay(t *testing.T) {
	today := d("2026-12-07")
	at := func(h, m int) TimeOfDay { v, _ := At(h, m); return v }
	cases := []struct {
		name string
		k    Task
		want State
	}{
		{"due yesterday", Task{Due: d("2026-12-06")}, Overdue},
		{"due today", Task{Due: today}, DueToday},
		{"due today at a time already gone is still due today, not overdue", Task{Due: today, At: at(8, 0)}, DueToday},
		{"due tomorrow", Task{Due: d("2026-12-08")}, Upcoming},
		{"overdue but snoozed to Friday", Task{Due: d("2026-12-01"), SnoozedUntil: d("2026-12-11")}, Snoozed},
		{"a snooze that ends today makes it due today", Task{Due: d("2026-12-01"), SnoozedUntil: today}, DueToday},
		{"a snooze that ended yesterday: overdue again", Task{Due: d("2026-12-01"), SnoozedUntil: d("2026-12-06")}, Overdue},
		{"done", Task{Due: d("2026-12-01"), DoneAt: time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)}, Done},
	}
	for _, c := range cases {
		if got := c.k.StateOn(today); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got.Label(), c.want.Label())
		}
	}
	k := Task{Due: d("2026-12-01"), SnoozedUntil: d("2026-12-11")}
	if k.EffectiveDue() != d("2026-12-11") || k.Due != d("2026-12-01") {
		t.Errorf("a snoozed task keeps its first due day: %s, next needed %s", k.Due, k.EffectiveDue())
	}
}

func TestListOrderOverdueFirstThenByDayAndTime(t *testing.T) {
	today := d("2026-12-07")
	at := func(h, m int) TimeOfDay { v, _ := At(h, m); return v }
	created := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	list := []Task{
		{ID: "done", Due: d("2026-12-01"), DoneAt: created},
		{ID: "tomorrow", Due: d("2026-12-08")},
		{ID: "today-14:30", Due: today, At: at(14, 30)},
		{ID: "snoozed", Due: d("2026-11-20"), SnoozedUntil: d("2026-12-09")},
		{ID: "today-09:00", Due: today, At: at(9, 0)},
		{ID: "overdue-2-days", Due: d("2026-12-05")},
		{ID: "today-any-time", Due: today},
		{ID: "overdue-week", Due: d("2026-11-30")},
	}
	for i := range list {
		list[i].CreatedAt = created
	}
	sort.Slice(list, func(i, j int) bool { return Less(list[i], list[j], today) })
	var got []string
	for _, k := range list {
		got = append(got, k.ID)
	}
	want := "overdue-week overdue-2-days today-any-time today-09:00 today-14:30 snoozed tomorrow done"
	if strings.Join(got, " ") != want {
		t.Fatalf("order:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestCheckSaysWhatIsWrong(t *testing.T) {
	good := Task{Title: "Call back Mrs Patel", Due: d("2026-12-08"), OwnerID: "u1"}
	if err := good.Check(); err != nil {
		t.Fatalf("a good task: %v", err)
	}
	cases := []struct {
		name, want string
		change     func(*Task)
	}{
		{"no title", "say what needs doing", func(k *Task) { k.Title = "  " }},
		{"title too long", "200 characters", func(k *Task) { k.Title = strings.Repeat("x", 201) }},
		{"no due day", "choose the day", func(k *Task) { k.Due = ukcal.Date{} }},
		{"no owner", "choose who will do it", func(k *Task) { k.OwnerID = "" }},
		{"two owners", "not both", func(k *Task) { k.OwnerRole = "receptionist" }},
		{"snoozed to before due", "snoozed to a day after", func(k *Task) { k.SnoozedUntil = d("2026-12-08") }},
		{"bad repeat", "every 1, 2, 3 or 4 weeks", func(k *Task) { k.Repeat = Repeat{Every: Weekly, Weeks: 9} }},
	}
	for _, c := range cases {
		k := good
		c.change(&k)
		if err := k.Check(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want a message with %q", c.name, err, c.want)
		}
	}
}

func TestSnoozeKeepsTheDueDay(t *testing.T) {
	today := d("2026-12-07")
	k := Task{Title: "x", Due: d("2026-12-03"), OwnerID: "u"}
	if err := k.Snooze(today, today); err == nil {
		t.Error("snoozed to today")
	}
	if err := k.Snooze(d("2026-12-10"), today); err != nil || k.SnoozedUntil != d("2026-12-10") || k.Due != d("2026-12-03") {
		t.Fatalf("snooze: %v, %+v", err, k)
	}
	later := Task{Title: "x", Due: d("2026-12-20"), OwnerID: "u"}
	if err := later.Snooze(d("2026-12-10"), today); err == nil {
		t.Error("snoozed a task to before the day it is due")
	}
	done := Task{Title: "x", Due: today, DoneAt: time.Now()}
	if err := done.Snooze(d("2026-12-10"), today); err == nil {
		t.Error("snoozed a done task")
	}
}

func TestSARTaskOnlyWhenDueWithinFiveWorkingDays(t *testing.T) {
	today := d("2026-12-07") // Monday
	f := SARFacts{RequestID: "r1", PatientID: "p1", PatientName: "Ann Smith", Owner: Owner{Role: "manager"}}
	for due, want := range map[string]bool{
		"2026-12-14": true,  // 5 working days away
		"2026-12-15": false, // 6
		"2026-12-01": true,  // overdue
		"2026-12-07": true,  // today
	} {
		f.Due = d(due)
		k, ok := SARTask(f, today, ukcal.EnglandAndWales)
		if ok != want {
			t.Errorf("due %s: made %v, want %v", due, ok, want)
			continue
		}
		if ok && (k.RuleKey != "sar:r1:"+due || k.Due != f.Due || k.OwnerRole != "manager" || k.PatientID != "p1" || k.Check() != nil) {
			t.Errorf("due %s: %+v (%v)", due, k, k.Check())
		}
	}
	f.Due, f.Paused = d("2026-12-08"), true
	if _, ok := SARTask(f, today, ukcal.EnglandAndWales); ok {
		t.Error("a paused request has no date to work to, and no task")
	}
}

func TestReferralTasks(t *testing.T) {
	today := d("2026-12-07") // Monday
	in := pathways.Referral{ID: "ref1", PatientID: "p1", Direction: pathways.In, Date: d("2026-12-03"), Status: pathways.StatusOpen,
		Party: pathways.Party{Name: "Dr A Khan", Organisation: "Harbour Medical Practice"}}
	f := ReferralFacts{Referral: in, PatientName: "Ann Smith", Owner: Owner{UserID: "u1"}}
	// Received Thursday: two working days later is Monday, today.
	ks := ReferralTasks(f, today, ukcal.EnglandAndWales)
	if len(ks) != 1 || ks[0].RuleKey != "referral:ref1:acknowledge" || ks[0].Due != today || ks[0].ReferralID != "ref1" || ks[0].Check() != nil {
		t.Fatalf("not acknowledged in 2 working days: %+v", ks)
	}
	if ks := ReferralTasks(f, d("2026-12-04"), ukcal.EnglandAndWales); len(ks) != 0 {
		t.Errorf("one working day after: %+v", ks)
	}
	f.Referral.AcknowledgedOn = d("2026-12-04")
	if ks := ReferralTasks(f, today, ukcal.EnglandAndWales); len(ks) != 0 {
		t.Errorf("acknowledged: %+v", ks)
	}

	out := pathways.Referral{ID: "ref2", PatientID: "p1", Direction: pathways.Out, Date: d("2026-11-02"), Status: pathways.StatusOpen,
		ChaseDates: []ukcal.Date{d("2026-11-30"), d("2026-12-07"), d("2026-12-21")}, Party: pathways.Party{Organisation: "City Hospital"}}
	ks = ReferralTasks(ReferralFacts{Referral: out, PatientName: "Ann Smith", Owner: Owner{Role: "receptionist"},
		AtRisk: true, Breach: d("2026-12-20")}, today, ukcal.EnglandAndWales)
	var keys []string
	for _, k := range ks {
		keys = append(keys, k.RuleKey)
	}
	want := "referral:ref2:chase:2026-11-30 referral:ref2:chase:2026-12-07 referral:ref2:at-risk"
	if strings.Join(keys, " ") != want {
		t.Fatalf("chase dates reached and a clock at risk:\n got %s\nwant %s", strings.Join(keys, " "), want)
	}
	if !strings.Contains(ks[2].Title, "at risk: treat by Sunday 20 December 2026") {
		t.Errorf("a clock at risk: %q", ks[2].Title)
	}
	late := ReferralTasks(ReferralFacts{Referral: in, PatientName: "Ann Smith", Owner: Owner{UserID: "u1"}, AtRisk: true,
		Breach: d("2026-12-01")}, today, ukcal.EnglandAndWales)
	if n := len(late); n == 0 || !strings.Contains(late[n-1].Title, "Ann Smith has waited over 18 weeks: the treat-by date was Tuesday 1 December 2026") {
		t.Errorf("a clock past its 18 weeks is not \"at risk\": %+v", late)
	}
	out.ReplyOn, out.Status = d("2026-12-01"), pathways.StatusReplied
	if ks := ReferralTasks(ReferralFacts{Referral: out, Owner: Owner{Role: "receptionist"}}, today, ukcal.EnglandAndWales); len(ks) != 0 {
		t.Errorf("a reply came: no chasing: %+v", ks)
	}
	out.Status = pathways.StatusClosed
	if ks := ReferralTasks(ReferralFacts{Referral: out, AtRisk: true}, today, ukcal.EnglandAndWales); len(ks) != 0 {
		t.Errorf("closed: %+v", ks)
	}
}
