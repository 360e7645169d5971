package screens

import (
	"strconv"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarToolbarLayout puts the Calendar toolbar's two groups (where
// and when; what to do) on one row when they fit, and the second under
// the first when they do not, so on a small screen nothing is cut or
// pushed off the window. Its first object is the left group, its second
// the right.
type calendarToolbarLayout struct {
	wrapped bool
	// onWrap is called when the toolbar changes between one row and two:
	// its height changed, so what holds it must lay out again.
	onWrap func()
}

func (l *calendarToolbarLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	left, right := objects[0].MinSize(), objects[1].MinSize()
	if l.wrapped {
		return fyne.NewSize(max(left.Width, right.Width), left.Height+theme.Padding()+right.Height)
	}
	return fyne.NewSize(max(left.Width, right.Width), max(left.Height, right.Height))
}

func (l *calendarToolbarLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	left, right := objects[0].MinSize(), objects[1].MinSize()
	pad := theme.Padding()
	wrapped := left.Width+pad+right.Width > size.Width
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(left)
	if wrapped {
		objects[1].Move(fyne.NewPos(max(0, size.Width-right.Width), left.Height+pad))
	} else {
		objects[1].Move(fyne.NewPos(size.Width-right.Width, 0))
	}
	objects[1].Resize(right)
	if wrapped != l.wrapped {
		l.wrapped = wrapped
		if l.onWrap != nil {
			l.onWrap()
		}
	}
}

// weekText is the week starting mon as the toolbar says it: "23–29
// November 2026", with the month or year on both ends when they differ.
func weekText(mon ukcal.Date) string {
	a, b := mon, mon.AddDays(6)
	switch {
	case a.Year() != b.Year():
		return a.Long() + " – " + b.Long()
	case a.Month() != b.Month():
		return a.Format(ukcal.LayoutDayMonth) + " – " + b.Long()
	}
	return strconv.Itoa(a.Day()) + "–" + b.Long()
}

// calendarModeToggle is Day | Week as two joined buttons, the one shown
// filled: narrower than radio buttons, and one click either way.
type calendarModeToggle struct {
	box      *fyne.Container
	day      *widget.Button
	week     *widget.Button
	onChange func(mode string)
}

func newCalendarModeToggle(mode string, onChange func(string)) *calendarModeToggle {
	t := &calendarModeToggle{onChange: onChange}
	t.day = widget.NewButton(calendarDay, func() { t.choose(calendarDay) })
	t.week = widget.NewButton(calendarWeek, func() { t.choose(calendarWeek) })
	t.box = container.New(layout.NewCustomPaddedHBoxLayout(0), t.day, t.week)
	t.show(mode)
	return t
}

// choose shows mode as chosen and says so.
func (t *calendarModeToggle) choose(mode string) {
	t.show(mode)
	if t.onChange != nil {
		t.onChange(mode)
	}
}

// show fills the button of the mode shown.
func (t *calendarModeToggle) show(mode string) {
	for _, b := range []*widget.Button{t.day, t.week} {
		b.Importance = widget.MediumImportance
		if b.Text == mode {
			b.Importance = widget.HighImportance
		}
		b.Refresh()
	}
}

// nameTitles are the titles a short name keeps.
var nameTitles = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "prof": true}

// shortName is a clinician's name for a narrow column: the title and the
// surname, "Dr Aisha Rahman" as "Dr Rahman"; without a title the given
// names as initials, "Grace Mensah" as "G Mensah". A name of one word is
// left as it is.
func shortName(name string) string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return name
	}
	surname := words[len(words)-1]
	if nameTitles[strings.ToLower(strings.TrimSuffix(words[0], "."))] {
		return words[0] + " " + surname
	}
	var out []string
	for _, w := range words[:len(words)-1] {
		out = append(out, string([]rune(w)[:1]))
	}
	return strings.Join(append(out, surname), " ")
}

// Print menu items on the Calendar toolbar.
const (
	printDayListsItem  = "Day lists for this day"
	printDaySlipsItem  = "Slips for this day"
	printRemindersItem = "Reminder letters for this day…"
)

// calendarPrintMenu is what the Calendar prints for the day shown.
func calendarPrintMenu(ctx *Context, day func() ukcal.Date) *fyne.Menu {
	return fyne.NewMenu("Print",
		fyne.NewMenuItem(printDayListsItem, func() { printDayLists(ctx, day()) }),
		fyne.NewMenuItem(printDaySlipsItem, func() { printDaySlips(ctx, day()) }),
		fyne.NewMenuItem(printRemindersItem, func() { openReminderBatch(ctx, day()) }))
}

// newCalendarPrintButton is an icon-only button, so the toolbar stays as
// narrow as it was, that drops the print menu down under itself. It is
// nil for a user who may not print letters.
func newCalendarPrintButton(ctx *Context, day func() ukcal.Date) *widget.Button {
	if !ctx.Clinic.Can(app.PermPrintLetters) {
		return nil
	}
	var b *widget.Button
	b = widget.NewButtonWithIcon("", theme.DocumentPrintIcon(), func() {
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		widget.NewPopUpMenu(calendarPrintMenu(ctx, day), ctx.Window.Canvas()).
			ShowAtPosition(pos.Add(fyne.NewPos(0, b.Size().Height)))
	})
	return b
}
