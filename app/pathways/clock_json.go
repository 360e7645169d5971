package pathways

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"clinicdesk/app/ukcal"
)

// MaxEvents is more events than any one referral meets; a longer list is
// not one pathway.
const MaxEvents = 10000

// eventsFile is the `clock` command's input:
// {"events":[{"date":"YYYY-MM-DD","kind":"referral_received","urgency":"routine"},…]}.
type eventsFile struct {
	Events *[]eventJSON `json:"events"`
}

type eventJSON struct {
	Date    *string `json:"date"`
	Kind    *string `json:"kind"`
	Urgency *string `json:"urgency"`
	Note    string  `json:"note"`
}

// ParseEventsJSON reads a pathway's events in the `clock` command's JSON
// form (UTF-8, a byte-order mark allowed). The urgency is the referral_received event's, routine when it
// gives none; it may be given on no other event. Events are named by their
// place in the list, as Compute names them.
func ParseEventsJSON(data []byte) (Urgency, []Event, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var f eventsFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return "", nil, jsonError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return "", nil, errors.New(`there is more after the JSON object: give one object, {"events":[…]}`)
	}
	if f.Events == nil {
		return "", nil, errors.New(`there is no "events" list: give {"events":[{"date":"YYYY-MM-DD","kind":"referral_received","urgency":"routine"}, …]}`)
	}
	if len(*f.Events) > MaxEvents {
		return "", nil, fmt.Errorf("there are %d events: one pathway has at most %d", len(*f.Events), MaxEvents)
	}
	urgency := Routine
	events := make([]Event, 0, len(*f.Events))
	for i, raw := range *f.Events {
		n := i + 1
		if raw.Kind == nil || strings.TrimSpace(*raw.Kind) == "" {
			return "", nil, fmt.Errorf("event %d has no kind (e.g. \"kind\":\"referral_received\")", n)
		}
		kind := EventKind(strings.TrimSpace(*raw.Kind))
		if !kind.Valid() {
			return "", nil, fmt.Errorf("event %d: %q is not a kind of pathway event (the kinds are %s)", n, kind, joinKinds())
		}
		if raw.Date == nil || strings.TrimSpace(*raw.Date) == "" {
			return "", nil, fmt.Errorf("event %d (%s) has no date (e.g. \"date\":\"2026-11-23\")", n, kind)
		}
		on, err := ukcal.ParseDate(strings.TrimSpace(*raw.Date))
		if err != nil {
			return "", nil, fmt.Errorf("event %d (%s): the date %q is not a real date in the form YYYY-MM-DD", n, kind, *raw.Date)
		}
		if raw.Urgency != nil {
			if kind != ReferralReceived {
				return "", nil, fmt.Errorf("event %d (%s) has an urgency: the urgency belongs on the referral_received event", n, kind)
			}
			urgency = Urgency(strings.TrimSpace(*raw.Urgency))
			if !urgency.Valid() {
				return "", nil, fmt.Errorf("event %d (%s): the urgency %q is not one of %s", n, kind, *raw.Urgency, joinUrgencies())
			}
		}
		events = append(events, Event{Kind: kind, On: on, Note: raw.Note})
	}
	return urgency, events, nil
}

// jsonError says what the decoder found wrong in words, with the line.
func jsonError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New(`the file is empty: give {"events":[…]}`)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON stops part way: a bracket or quote is not closed")
	case errors.As(err, &syntax):
		return fmt.Errorf("the JSON is not valid at line %d: %s", lineAt(data, syntax.Offset), syntax.Error())
	case errors.As(err, &typ):
		where := typ.Field
		if m := eventField.FindStringSubmatch(where); m != nil {
			n, _ := strconv.Atoi(m[1])
			where = fmt.Sprintf("the %s of event %d", m[2], n+1)
		} else if m := unnumberedField.FindStringSubmatch(where); m != nil {
			where = fmt.Sprintf("the %s of event %d", m[1], failingEvent(data)+1)
		} else if where == "" {
			where = "the file"
		}
		want := "something else"
		if typ.Type != nil {
			want = jsonKind(typ.Type.Kind().String())
		}
		return fmt.Errorf("the JSON at line %d has a %s where %s should be %s", lineAt(data, typ.Offset), typ.Value, where, want)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return fmt.Errorf("the JSON has the field %s, which is not one the clock reads: the file is {\"events\":[…]} and each event has date, kind, note and (on the referral) urgency",
			strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return fmt.Errorf("the JSON cannot be read: %v", err)
}

// eventField is the decoder's path to a field of one event: events.2.date.
var eventField = regexp.MustCompile(`^events\.(\d+)\.(\w+)$`)

// unnumberedField is the same path as Go 1.26 and earlier give it, without
// the event's place: events.date.
var unnumberedField = regexp.MustCompile(`^events\.(\w+)$`)

// failingEvent finds the place of the first event that cannot be read,
// for a decoder that did not say.
func failingEvent(data []byte) int {
	var f struct{ Events []json.RawMessage }
	if json.Unmarshal(data, &f) != nil {
		return 0
	}
	for i, raw := range f.Events {
		var e eventJSON
		if json.Unmarshal(raw, &e) != nil {
			return i
		}
	}
	return 0
}

func jsonKind(k string) string {
	switch k {
	case "string", "ptr":
		return "text in quotes"
	case "slice":
		return "a list [ … ]"
	case "struct":
		return "an object { … }"
	}
	return k
}

func lineAt(data []byte, offset int64) int {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	return 1 + bytes.Count(data[:offset], []byte("\n"))
}

// ClockReport is a clock in the `clock --json` form: every key always
// there, null where it does not apply (dates as YYYY-MM-DD).
type ClockReport struct {
	Status      ClockStatus `json:"status"`
	ClockStart  *ukcal.Date `json:"clock_start"`
	ClockStop   *ukcal.Date `json:"clock_stop"`
	BreachDate  *ukcal.Date `json:"breach_date"`
	WeeksWaited *int        `json:"weeks_waited"`
	Breached    bool        `json:"breached"`
	FDSDue      *ukcal.Date `json:"fds_due"`
	FDSMet      *bool       `json:"fds_met"`
	Cancer62Due *ukcal.Date `json:"cancer_62_due"`
	Cancer62Met *bool       `json:"cancer_62_met"`
	Cancer31Due *ukcal.Date `json:"cancer_31_due"`
	Cancer31Met *bool       `json:"cancer_31_met"`
}

// Report is the clock in the `clock --json` form. A nullified clock has no
// breach date and no weeks waited: it is not counted.
func (c Clock) Report() ClockReport {
	date := func(d ukcal.Date) *ukcal.Date {
		if d.IsZero() {
			return nil
		}
		return &d
	}
	r := ClockReport{Status: c.Status, ClockStart: date(c.Start), ClockStop: date(c.Stop), BreachDate: date(c.Breach), Breached: c.Breached}
	if c.Counted() {
		w := c.WeeksWaited()
		r.WeeksWaited = &w
	}
	r.FDSDue, r.FDSMet = c.Cancer.FasterDiagnosis.report()
	r.Cancer62Due, r.Cancer62Met = c.Cancer.Treat62.report()
	r.Cancer31Due, r.Cancer31Met = c.Cancer.Treat31.report()
	return r
}

func (s Standard) report() (*ukcal.Date, *bool) {
	if !s.Applies {
		return nil, nil
	}
	due := s.Due
	if s.Verdict == Pending {
		return &due, nil
	}
	met := s.Verdict == Met
	return &due, &met
}
