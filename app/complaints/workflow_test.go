package complaints

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/ukcal"
)

// readyFacts is a written complaint with everything a move could need.
func readyFacts() Facts {
	return Facts{
		Channel:     Written,
		Received:    date("2026-11-02"),
		On:          date("2026-11-23"),
		Outcome:     PartiallyUpheld,
		SignedOffBy: "Dr Amira Khan",
	}
}

func TestOnlyTheWorkflowsStepsAreAllowed(t *testing.T) {
	allowed := map[[2]Status]bool{
		{Received, Acknowledged}:      true,
		{Acknowledged, Investigating}: true,
		{Investigating, ResponseSent}: true,
		{ResponseSent, Closed}:        true,
		{ResponseSent, ReferredPHSO}:  true,
		{Closed, ReferredPHSO}:        true,
		{ReferredPHSO, Closed}:        true,
	}
	for _, from := range Statuses() {
		for _, to := range Statuses() {
			err := CanMove(from, to, readyFacts())
			if allowed[[2]Status{from, to}] {
				if err != nil {
					t.Errorf("%s → %s refused: %v", from, to, err)
				}
				continue
			}
			var refusal *Refusal
			if err == nil || !errors.As(err, &refusal) {
				t.Errorf("%s → %s allowed (or not a Refusal: %v)", from, to, err)
				continue
			}
			var want error
			switch {
			case from == to:
				want = ErrAlreadyThere
			case from == Received && to == Closed:
				want = ErrNotResolvedNextDay // a written complaint
			case rank(to) > rank(from) || to == ReferredPHSO:
				want = ErrSkipsStep
			default:
				want = ErrGoesBack
			}
			if !errors.Is(err, want) {
				t.Errorf("%s → %s: %v, want kind %v", from, to, err, want)
			}
			if msg := err.Error(); msg == "" || strings.Contains(msg, "_") {
				t.Errorf("%s → %s: message %q is not plain English", from, to, msg)
			}
		}
		if next := from.Next(); len(next) == 0 {
			t.Errorf("%s offers no next status", from)
		}
	}
}

func TestRefusalsSayWhatToDo(t *testing.T) {
	noOutcome := readyFacts()
	noOutcome.Outcome = NoOutcome
	unsigned := readyFacts()
	unsigned.SignedOffBy = "   "
	cases := []struct {
		name     string
		from, to Status
		f        Facts
		kind     error
		says     string
	}{
		{"no skipping acknowledgement", Received, Investigating, readyFacts(), ErrSkipsStep, "acknowledge the complaint before moving it to investigating"},
		{"no skipping the investigation", Acknowledged, ResponseSent, readyFacts(), ErrSkipsStep, "cannot go straight to response sent: it must be investigating first"},
		{"no early Ombudsman", Investigating, ReferredPHSO, readyFacts(), ErrSkipsStep, "only after the final response has been sent"},
		{"no closing without an outcome", ResponseSent, Closed, noOutcome, ErrNeedsOutcome, "record the outcome"},
		{"no final response without an outcome", Investigating, ResponseSent, noOutcome, ErrNeedsOutcome, "before sending the final response"},
		{"no final response without sign-off", Investigating, ResponseSent, unsigned, ErrNeedsSignOff, "signed off by the responsible person, by name"},
		{"no reopening", Closed, Investigating, readyFacts(), ErrGoesBack, "refer it to the Ombudsman or log a new complaint"},
		{"no going back", ResponseSent, Investigating, readyFacts(), ErrGoesBack, "cannot go back to investigating"},
		{"not twice", Acknowledged, Acknowledged, readyFacts(), ErrAlreadyThere, "already acknowledged"},
		{"unknown status", Received, Status("lost"), readyFacts(), ErrUnknownStatus, "not a status ClinicDesk knows"},
		{"bad region", Received, Acknowledged, Facts{Region: ukcal.Region("wales")}, ErrBadFacts, "region"},
	}
	for _, c := range cases {
		err := CanMove(c.from, c.to, c.f)
		if !errors.Is(err, c.kind) || err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want %v saying %q", c.name, err, c.kind, c.says)
		}
	}
}

func TestOralComplaintResolvedByTheNextWorkingDay(t *testing.T) {
	oral := func(received, on string, o Outcome) Facts {
		return Facts{Channel: Oral, Received: date(received), On: date(on), Outcome: o}
	}
	cases := []struct {
		name string
		f    Facts
		kind error // nil: may close straight away
	}{
		{"same day", oral("2026-11-20", "2026-11-20", Upheld), nil},
		{"Friday to Monday", oral("2026-11-20", "2026-11-23", NotUpheld), nil},
		{"Friday to Tuesday is too late", oral("2026-11-20", "2026-11-24", Upheld), ErrNotResolvedNextDay},
		{"Saturday to Monday", oral("2026-11-21", "2026-11-23", Upheld), nil},
		{"over Christmas: 24 to 29 December", oral("2026-12-24", "2026-12-29", Upheld), nil},
		{"over Christmas: 24 to 30 December is too late", oral("2026-12-24", "2026-12-30", Upheld), ErrNotResolvedNextDay},
		{"without an outcome", oral("2026-11-20", "2026-11-20", NoOutcome), ErrNeedsOutcome},
		{"written, not oral", Facts{Channel: Written, Received: date("2026-11-20"), On: date("2026-11-20"), Outcome: Upheld}, ErrNotResolvedNextDay},
		{"email, not oral", Facts{Channel: Email, Received: date("2026-11-20"), On: date("2026-11-20"), Outcome: Upheld}, ErrNotResolvedNextDay},
		{"no date of receipt", Facts{Channel: Oral, On: date("2026-11-20"), Outcome: Upheld}, ErrBadFacts},
	}
	for _, c := range cases {
		err := CanMove(Received, Closed, c.f)
		if (c.kind == nil) != (err == nil) || (c.kind != nil && !errors.Is(err, c.kind)) {
			t.Errorf("%s: %v, want %v", c.name, err, c.kind)
		}
	}
	err := CanMove(Received, Closed, oral("2026-11-20", "2026-11-24", Upheld))
	if want := "received on Friday 20 November 2026, so it had to be resolved by the end of Monday 23 November 2026"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("late oral resolution: %v, want it to say %q", err, want)
	}
	err = CanMove(Received, Closed, Facts{Channel: Email, Received: date("2026-11-20"), On: date("2026-11-20"), Outcome: Upheld})
	if err == nil || !strings.Contains(err.Error(), "this one was made by email") {
		t.Errorf("email complaint closed at once: %v", err)
	}
}

func TestResolvedNextDayFollowsTheRegion(t *testing.T) {
	// Friday 1 August 2031; Monday 4 August is Scotland's summer holiday.
	received, tuesday := date("2031-08-01"), date("2031-08-05")
	if ResolvedNextDay(received, tuesday, ukcal.EnglandAndWales) {
		t.Error("England and Wales: Tuesday 5 August is not the next working day after Friday 1 August")
	}
	if !ResolvedNextDay(received, tuesday, ukcal.Scotland) {
		t.Error("Scotland: Tuesday 5 August is the next working day after Friday 1 August")
	}
	if ResolvedNextDay(received, received.AddDays(-1), ukcal.EnglandAndWales) {
		t.Error("resolved before it was received counted as resolved next day")
	}
	if ResolvedNextDay(ukcal.Date{}, tuesday, ukcal.EnglandAndWales) || ResolvedNextDay(received, ukcal.Date{}, ukcal.EnglandAndWales) {
		t.Error("a missing date counted as resolved next day")
	}
}

func TestMoveTimeStampsAndAttributesEveryStep(t *testing.T) {
	f := Facts{Channel: Email, Received: date("2026-11-02")}
	steps := []struct {
		to      Status
		at      string
		by      string
		outcome Outcome
		signed  string
	}{
		{Acknowledged, "2026-11-03T09:15:00Z", "Sam Patel", NoOutcome, ""},
		{Investigating, "2026-11-04T10:00:00Z", "Jo Brown", NoOutcome, ""},
		{ResponseSent, "2026-11-20T16:45:00Z", "Jo Brown", NotUpheld, "Dr Amira Khan"},
		{Closed, "2026-12-07T12:00:00Z", "Jo Brown", NotUpheld, ""},
		{ReferredPHSO, "2027-02-01T11:00:00Z", "Jo Brown", NoOutcome, ""},
		{Closed, "2027-09-30T15:00:00Z", "Jo Brown", NotUpheld, ""},
	}
	from := Received
	var history []Transition
	for _, s := range steps {
		at, _ := time.Parse(time.RFC3339, s.at)
		f.Outcome, f.SignedOffBy = s.outcome, s.signed
		tr, err := Move(from, s.to, f, "  "+s.by+" ", at.In(ukcal.London()))
		if err != nil {
			t.Fatalf("%s → %s: %v", from, s.to, err)
		}
		if tr.From != from || tr.To != s.to || tr.By != s.by || !tr.At.Equal(at) || tr.At.Location() != time.UTC {
			t.Errorf("%s → %s: transition %+v", from, s.to, tr)
		}
		if tr.Outcome != s.outcome || tr.SignedOffBy != s.signed {
			t.Errorf("%s → %s: outcome %q signed %q", from, s.to, tr.Outcome, tr.SignedOffBy)
		}
		history = append(history, tr)
		from = s.to
	}
	if got := history[2].String(); got != "Investigating, then Response sent (outcome: Not upheld; signed off by Dr Amira Khan)" {
		t.Errorf("audit text %q", got)
	}
	if got := ResolvedOn(history); got != date("2026-12-07") {
		t.Errorf("resolved on %s, want the first closure 2026-12-07", got)
	}
	if got := ClosedOn(history); got != date("2027-09-30") {
		t.Errorf("closed on %s, want the last closure 2027-09-30", got)
	}
	if got := ClosedOn(history[:5]); !got.IsZero() {
		t.Errorf("referred to the Ombudsman but ClosedOn is %s", got)
	}
	if got := ResolvedOn(history[:3]); !got.IsZero() {
		t.Errorf("unresolved but ResolvedOn is %s", got)
	}
}

func TestMoveRefusesAnonymousOrUntimedChanges(t *testing.T) {
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if _, err := Move(Received, Acknowledged, readyFacts(), " \t", at); !errors.Is(err, ErrNotAttributed) {
		t.Errorf("no one named: %v", err)
	}
	if _, err := Move(Received, Acknowledged, readyFacts(), "Sam Patel", time.Time{}); !errors.Is(err, ErrNotAttributed) {
		t.Errorf("no time: %v", err)
	}
	if _, err := Move(Received, Investigating, readyFacts(), "Sam Patel", at); !errors.Is(err, ErrSkipsStep) {
		t.Errorf("skip through Move: %v", err)
	}
}

func TestMoveJudgesTheDayByTheClinicClock(t *testing.T) {
	// An oral complaint on Tuesday 30 June 2026 may be closed at once until
	// the end of Wednesday 1 July in London, which is 22:59 UTC (BST).
	f := Facts{Channel: Oral, Received: date("2026-06-30"), Outcome: Upheld}
	inTime := time.Date(2026, 7, 1, 22, 30, 0, 0, time.UTC)  // 23:30 BST, 1 July
	tooLate := time.Date(2026, 7, 1, 23, 30, 0, 0, time.UTC) // 00:30 BST, 2 July
	tr, err := Move(Received, Closed, f, "Sam Patel", inTime)
	if err != nil {
		t.Fatalf("closed at 23:30 on 1 July: %v", err)
	}
	if !strings.Contains(tr.String(), "oral complaint resolved by the next working day") {
		t.Errorf("audit text %q does not say why it skipped the procedure", tr.String())
	}
	if _, err := Move(Received, Closed, f, "Sam Patel", tooLate); !errors.Is(err, ErrNotResolvedNextDay) {
		t.Errorf("closed at 00:30 on 2 July: %v", err)
	}
}

func TestStatusNextAgreesWithCanMove(t *testing.T) {
	for _, from := range Statuses() {
		for _, to := range Statuses() {
			oral := Facts{Channel: Oral, Received: date("2026-11-23"), On: date("2026-11-23"), Outcome: Upheld, SignedOffBy: "Dr Amira Khan"}
			if (CanMove(from, to, oral) == nil) != slices.Contains(from.Next(), to) {
				t.Errorf("%s → %s: CanMove and Next disagree", from, to)
			}
		}
	}
}
