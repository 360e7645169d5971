package screens

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The repeats the booking dialog offers, as its list says them.
const (
	repeatNone    = "Does not repeat"
	repeatWeekly  = "Weekly"
	repeatDaily   = "Daily"
	repeatMonthly = "Monthly"
)

// calendarRepeat is the dialog's "Repeat" row: none, or every N weeks,
// days or months, for a number of appointments or until a date.
type calendarRepeat struct {
	unit      *widget.Select
	every     *textBox
	unitWord  *widget.Label
	count     *textBox
	until     *textBox
	details   *fyne.Container
	view      fyne.CanvasObject
	onChanged func()
}

func newCalendarRepeat(onChanged func()) *calendarRepeat {
	r := &calendarRepeat{onChanged: onChanged}
	r.every = newTextBox()
	r.every.SetText("1")
	r.unitWord = widget.NewLabel("weeks,")
	r.count = newTextBox()
	r.count.SetText("6")
	r.count.SetPlaceHolder("e.g. 6")
	r.until = newTextBox()
	r.until.SetPlaceHolder("dd/mm/yyyy")
	r.details = container.NewHBox(widget.NewLabel("every"), sized(r.every, 48), r.unitWord,
		sized(r.count, 56), widget.NewLabel("in all, or until"), sized(r.until, 124))
	r.details.Hide()
	r.unit = widget.NewSelect([]string{repeatNone, repeatWeekly, repeatDaily, repeatMonthly}, func(string) { r.changed() })
	r.unit.SetSelected(repeatNone)
	r.view = container.NewVBox(container.NewHBox(sized(r.unit, 180)), r.details)
	return r
}

// changed shows the details for a repeat and says its unit.
func (r *calendarRepeat) changed() {
	if !r.on() {
		r.details.Hide()
	} else {
		r.unitWord.SetText(map[string]string{repeatWeekly: "weeks,", repeatDaily: "days,", repeatMonthly: "months,"}[r.unit.Selected])
		r.details.Show()
	}
	if r.onChanged != nil {
		r.onChanged()
	}
}

// on reports whether the booking is a series.
func (r *calendarRepeat) on() bool { return r.unit.Selected != "" && r.unit.Selected != repeatNone }

// rule reads the repeat; it says in words what is missing or wrong.
func (r *calendarRepeat) rule() (schedule.Repeat, error) {
	var rep schedule.Repeat
	switch r.unit.Selected {
	case repeatWeekly:
		rep.Unit = schedule.Weekly
	case repeatDaily:
		rep.Unit = schedule.Daily
	case repeatMonthly:
		rep.Unit = schedule.Monthly
	}
	every, err := strconv.Atoi(strings.TrimSpace(r.every.Text))
	if err != nil {
		return rep, errors.New("say how often it repeats, as a number: every 1 week, every 2 weeks…")
	}
	rep.Every = every
	// A last date typed in wins over the number, which starts filled in.
	if text := strings.TrimSpace(r.until.Text); text != "" {
		if rep.Until, err = ukcal.ParseSpoken(text, patientToday(), ukcal.Ahead); err != nil {
			return rep, fmt.Errorf("the last date: %w", err)
		}
	} else if rep.Count, err = strconv.Atoi(strings.TrimSpace(r.count.Text)); err != nil || rep.Count < 2 {
		return rep, errors.New("a series has 2 appointments or more: say how many in all, or the last date")
	}
	return rep, rep.Validate()
}

// submitSeries books the series. The clean dates are booked and the ones
// with a clash, a holiday or the like are skipped; the dialog then says
// which were booked and which were not, and why, so the desk can book
// those by hand.
func (b *calendarBooking) submitSeries(req app.BookingRequest, rep schedule.Repeat) {
	c := b.s.ctx.Clinic
	b.book.Disable()
	offUI(b.s.ctx, func() (app.SeriesResult, error) { return c.BookSeries(req, rep) }, func(r app.SeriesResult, err error) {
		var refused *app.BookingRefusedError
		switch {
		case errors.As(err, &refused):
			b.showWarnings(refused.Problems)
			say(b.problem, widget.DangerImportance, "Not booked: no date of the series is free. Read the warnings above, "+
				"and give a reason to book them all anyway.")
			return
		case err != nil:
			b.showButton()
			say(b.problem, widget.DangerImportance, plainError(err))
			return
		}
		b.showSeriesBooked(r)
		b.s.bookedFor(req.PatientID)
		if req.WaitingID != "" {
			b.s.waitingBooked()
		}
		b.s.said(widget.SuccessImportance, seriesMessage(b.patient.name(), r))
	})
}

// seriesMessage is the one line above the grid: how many were booked, and
// how many need booking by hand.
func seriesMessage(patient string, r app.SeriesResult) string {
	msg := fmt.Sprintf("Booked a series of %s for %s", plural(int64(len(r.Booked)), "appointment", "appointments"), patient)
	if n := len(r.Skipped); n > 0 {
		msg += fmt.Sprintf("; %s not booked (see the list in the dialog)", plural(int64(n), "date was", "dates were"))
	}
	return msg + "."
}

// showSeriesBooked turns the dialog into the series' summary: each date
// booked, then each date skipped with its reasons.
func (b *calendarBooking) showSeriesBooked(r app.SeriesResult) {
	var lines []fyne.CanvasObject
	head := heading(fmt.Sprintf("Booked %s for %s", plural(int64(len(r.Booked)), "appointment", "appointments"), b.patient.name()))
	lines = append(lines, head)
	for _, a := range r.Booked {
		lines = append(lines, wrapped("✓ "+a.Date.LongWithDay()+" at "+schedule.Clock(a.StartMin).String()))
	}
	if len(r.Skipped) > 0 {
		skipped := heading(fmt.Sprintf("Not booked: %s", plural(int64(len(r.Skipped)), "date", "dates")))
		skipped.Importance = widget.WarningImportance
		lines = append(lines, widget.NewSeparator(), skipped,
			wrapped("These dates were left out so the rest could be booked. Book them by hand at another time, "+
				"or with a reason if they must stay as they are."))
		for _, sk := range r.Skipped {
			var why []string
			for _, p := range sk.Problems {
				why = append(why, sentence(problemText(p)))
			}
			l := wrapped("✗ " + sk.Date.LongWithDay() + ": " + strings.Join(why, " "))
			l.Importance = widget.WarningImportance
			lines = append(lines, l)
		}
	}
	b.summary = r
	done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), b.close)
	done.Importance = widget.HighImportance
	b.foot.Objects = []fyne.CanvasObject{container.NewHBox(layout.NewSpacer(), done)}
	b.foot.Layout = layout.NewVBoxLayout()
	b.foot.Refresh()
	b.content.Objects = []fyne.CanvasObject{container.NewVBox(lines...)}
	b.content.Refresh()
	b.fit()
}
