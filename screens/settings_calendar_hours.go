package screens

import (
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/schedule"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// setupWeekOrder is the week as a UK diary runs: Monday first.
var setupWeekOrder = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// setupHoursEditor is a week of hours as a grid: per day, whether it is
// worked (or open), the start and end, and an optional break, typed as
// 24-hour HH:MM. Each day says what is wrong with it beneath its row.
type setupHoursEditor struct {
	works                  [7]*widget.Check // by time.Weekday
	start, end             [7]*textBox
	breakStart, breakEnd   [7]*textBox
	problem                [7]*widget.Label
	problemRow             [7]*fyne.Container // hidden while the day is fine
	extraBreaks            [7]bool            // loaded with more than one break
	insist                 bool               // a save was tried: empty fields are now wrong too
	onResize               func()             // the rows' messages come and go
	content                fyne.CanvasObject
	cols                   *columns
	worksLabel, breakLabel string
}

// newSetupHoursEditor makes the grid. worksLabel heads the day column
// ("Works", "Open"); breakLabel names the gap ("Break", "Closed").
func newSetupHoursEditor(worksLabel, breakLabel string, onResize func()) *setupHoursEditor {
	e := &setupHoursEditor{worksLabel: worksLabel, breakLabel: breakLabel, onResize: onResize}
	e.cols = &columns{widths: []float32{130, 84, 84, 20, 112, 112}}
	rows := []fyne.CanvasObject{headerRow(e.cols, worksLabel+" on", "From", "Until", "", breakLabel+" from", breakLabel+" until", "")}
	for _, d := range setupWeekOrder {
		e.works[d] = widget.NewCheck(d.String(), func(on bool) { e.toggleDay(d, on) })
		for _, p := range []**textBox{&e.start[d], &e.end[d], &e.breakStart[d], &e.breakEnd[d]} {
			*p = newTextBox()
			(*p).SetPlaceHolder("HH:MM")
			(*p).OnChanged = func(string) { e.checkDay(d) }
		}
		e.problem[d] = errorText()
		e.problem[d].Show()
		e.problemRow[d] = container.New(&columns{widths: []float32{130}}, layout.NewSpacer(), e.problem[d])
		e.problemRow[d].Hide()
		rows = append(rows,
			row(e.cols, e.works[d], e.start[d], e.end[d], layout.NewSpacer(), e.breakStart[d], e.breakEnd[d], layout.NewSpacer()),
			e.problemRow[d])
	}
	e.content = container.NewVBox(rows...)
	for _, d := range setupWeekOrder {
		e.toggleDay(d, false)
	}
	return e
}

// set fills the grid from stored hours. A day's spans become its start,
// end and first break.
func (e *setupHoursEditor) set(w schedule.WeekHours) {
	week := w
	for _, d := range setupWeekOrder {
		spans := week.On(d)
		e.extraBreaks[d] = len(spans) > 2
		texts := [4]string{}
		if len(spans) > 0 {
			texts[0], texts[1] = spans[0].Start.String(), spans[len(spans)-1].End.String()
		}
		if len(spans) > 1 {
			texts[2], texts[3] = spans[0].End.String(), spans[1].Start.String()
		}
		e.start[d].SetText(texts[0])
		e.end[d].SetText(texts[1])
		e.breakStart[d].SetText(texts[2])
		e.breakEnd[d].SetText(texts[3])
		e.works[d].SetChecked(len(spans) > 0)
		e.toggleDay(d, len(spans) > 0)
	}
}

// toggleDay turns a day on or off. A day turned on with nothing typed
// starts from the nearest earlier day's hours, which is usually right.
func (e *setupHoursEditor) toggleDay(d time.Weekday, on bool) {
	entries := []*textBox{e.start[d], e.end[d], e.breakStart[d], e.breakEnd[d]}
	for _, en := range entries {
		if on {
			en.Enable()
		} else {
			en.Disable()
		}
	}
	if on && e.start[d].Text == "" && e.end[d].Text == "" {
		e.copyEarlierDay(d)
	}
	e.checkDay(d)
}

func (e *setupHoursEditor) copyEarlierDay(d time.Weekday) {
	texts := [4]string{"09:00", "17:00", "", ""}
	i := setupDayIndex(d)
	for j := i - 1; j >= 0; j-- {
		if p := setupWeekOrder[j]; e.works[p].Checked && e.start[p].Text != "" {
			texts = [4]string{e.start[p].Text, e.end[p].Text, e.breakStart[p].Text, e.breakEnd[p].Text}
			break
		}
	}
	e.start[d].SetText(texts[0])
	e.end[d].SetText(texts[1])
	e.breakStart[d].SetText(texts[2])
	e.breakEnd[d].SetText(texts[3])
}

func setupDayIndex(d time.Weekday) int { return (int(d) + 6) % 7 }

// checkDay shows what is wrong with the day's row, if anything.
func (e *setupHoursEditor) checkDay(d time.Weekday) bool {
	if e.problem[d] == nil {
		return true // still being built
	}
	_, msg := e.day(d)
	if msg == "" && e.extraBreaks[d] {
		msg = "This day had more than one break; saving keeps only the break shown."
	}
	changed := e.problem[d].Text != msg
	e.problem[d].SetText(msg)
	if msg == "" {
		e.problemRow[d].Hide()
	} else {
		e.problemRow[d].Show()
	}
	if changed && e.onResize != nil {
		e.onResize()
	}
	_, bad := e.day(d)
	return bad == ""
}

// day reads one day's spans, or says in plain words what is wrong.
// Until a save is tried, half-typed times and empty boxes pass quietly.
func (e *setupHoursEditor) day(d time.Weekday) ([]schedule.Span, string) {
	if !e.works[d].Checked {
		return nil, ""
	}
	name := d.String()
	start, okS, msg := e.clock(e.start[d].Text, name+"'s starting time")
	if msg != "" {
		return nil, msg
	}
	end, okE, msg := e.clock(e.end[d].Text, name+"'s finishing time")
	if msg != "" {
		return nil, msg
	}
	bs, okBS, msg := e.clock(e.breakStart[d].Text, "The start of "+name+"'s "+strings.ToLower(e.breakLabel))
	if msg != "" {
		return nil, msg
	}
	be, okBE, msg := e.clock(e.breakEnd[d].Text, "The end of "+name+"'s "+strings.ToLower(e.breakLabel))
	if msg != "" {
		return nil, msg
	}
	if !okS || !okE {
		if e.insist {
			return nil, fmt.Sprintf("Give %s's starting and finishing times, or untick %s.", name, name)
		}
		return nil, ""
	}
	if end <= start {
		return nil, fmt.Sprintf("%s finishes at %s, which is not after it starts (%s).", name, end, start)
	}
	hasBS, hasBE := strings.TrimSpace(e.breakStart[d].Text) != "", strings.TrimSpace(e.breakEnd[d].Text) != ""
	switch {
	case !hasBS && !hasBE:
		return []schedule.Span{{Start: start, End: end}}, ""
	case !okBS || !okBE:
		if e.insist || (hasBS && hasBE) {
			return nil, fmt.Sprintf("Give both ends of %s's %s, or leave both empty.", name, strings.ToLower(e.breakLabel))
		}
		return nil, ""
	case be <= bs:
		return nil, fmt.Sprintf("%s's %s ends at %s, which is not after it starts (%s).", name, strings.ToLower(e.breakLabel), be, bs)
	case bs <= start || be >= end:
		return nil, fmt.Sprintf("%s's %s (%s–%s) must fall between %s and %s.", name, strings.ToLower(e.breakLabel), bs, be, start, end)
	}
	return []schedule.Span{{Start: start, End: bs}, {Start: be, End: end}}, ""
}

// clock reads one time box. ok is false for an empty box or (until a save
// is tried) one still being typed; msg says what is wrong with a bad one.
func (e *setupHoursEditor) clock(text, what string) (c schedule.Clock, ok bool, msg string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, false, ""
	}
	c, err := schedule.ParseClock(text)
	if err == nil {
		return c, true, ""
	}
	if !e.insist && setupStillTyping(text) {
		return 0, false, ""
	}
	return 0, false, fmt.Sprintf("%s, %q, is not a time: write it as HH:MM on the 24-hour clock, like 09:00 or 17:30.", what, text)
}

// setupStillTyping reports whether text could still become a time as more
// is typed ("9", "09:", "17:3").
func setupStillTyping(text string) bool {
	if len(text) >= 5 {
		return false
	}
	for i, r := range text {
		if (r < '0' || r > '9') && !(r == ':' && i > 0 && i <= 2) {
			return false
		}
	}
	return true
}

// fine reports whether no day shows a problem now.
func (e *setupHoursEditor) fine() bool {
	for _, d := range setupWeekOrder {
		if _, msg := e.day(d); msg != "" {
			return false
		}
	}
	return true
}

// hours reads the whole week, marking every day in the way. ok is false
// when any day is wrong; nothing should then be saved.
func (e *setupHoursEditor) hours() (schedule.WeekHours, bool) {
	e.insist = true
	var w schedule.WeekHours
	ok := true
	for _, d := range setupWeekOrder {
		if !e.checkDay(d) {
			ok = false
			continue
		}
		w[d], _ = e.day(d) // checkDay has just said whatever is wrong
	}
	return w, ok
}

// setupDescribeWeek sums up a week's hours in a line, the days with the
// same hours together: "Mon–Thu 09:00–17:00, lunch 12:30–13:30; Fri
// 09:00–13:00".
func setupDescribeWeek(w schedule.WeekHours) string {
	week := w
	type group struct {
		hours string
		days  []time.Weekday
	}
	var groups []*group
	byHours := map[string]*group{}
	for _, d := range setupWeekOrder {
		spans := week.On(d)
		if len(spans) == 0 {
			continue
		}
		h := setupDescribeDay(spans)
		g := byHours[h]
		if g == nil {
			g = &group{hours: h}
			byHours[h] = g
			groups = append(groups, g)
		}
		g.days = append(g.days, d)
	}
	if len(groups) == 0 {
		return "No hours set"
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = setupDayRuns(g.days) + " " + g.hours
	}
	return strings.Join(parts, "; ")
}

// setupDescribeDay is "09:00–17:00, lunch 12:30–13:30": the day's span
// and the gaps in it. A gap around midday is lunch; any other is a break.
func setupDescribeDay(spans []schedule.Span) string {
	s := schedule.Span{Start: spans[0].Start, End: spans[len(spans)-1].End}.String()
	for i := 1; i < len(spans); i++ {
		gap := schedule.Span{Start: spans[i-1].End, End: spans[i].Start}
		kind := "break"
		if gap.Start >= 11*60 && gap.End <= 15*60 {
			kind = "lunch"
		}
		s += ", " + kind + " " + gap.String()
	}
	return s
}

// setupDayRuns writes days as "Mon–Thu", "Mon, Wed" or "Mon–Wed, Fri":
// three or more days in a row become a range.
func setupDayRuns(days []time.Weekday) string {
	var parts []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && setupDayIndex(days[j+1]) == setupDayIndex(days[j])+1 {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, setupShortDay(days[i])+"–"+setupShortDay(days[j]))
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, setupShortDay(days[k]))
			}
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func setupShortDay(d time.Weekday) string { return d.String()[:3] }
