package screens

import (
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// bankHolidaysShown is how many coming bank holidays the landing screen lists.
const bankHolidaysShown = 4

// comingHolidays lists the region's next bank holidays from today (today
// included), as the facade counts them.
func comingHolidays(region ukcal.Region, today ukcal.Date, n int) []ukcal.Holiday {
	return app.ComingBankHolidays(region, today, n)
}

// holidayList is the coming bank holidays, one a line: the date, the
// holiday and how far off it is.
func (s *todayScreen) holidayList(now time.Time) fyne.CanvasObject {
	today := ukcal.DateOf(now)
	list := container.NewVBox()
	for _, h := range comingHolidays(s.region, today, bankHolidaysShown) {
		title := h.Title
		if h.Substitute {
			title += " (substitute day)"
		}
		var when string
		switch days := today.DaysUntil(h.Date); days {
		case 0:
			when = "today"
		case 1:
			when = "tomorrow"
		default:
			when = fmt.Sprintf("in %d days", days)
		}
		// Two lines a holiday, so they fit the column beside the day's list.
		date := widget.NewLabelWithStyle(h.Date.LongWithDay(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		date.Truncation = fyne.TextTruncateEllipsis
		name := cell()
		name.SetText(title + ", " + when)
		list.Add(container.New(layout.NewCustomPaddedVBoxLayout(0), date, name))
	}
	s.holidays = list
	return list
}
