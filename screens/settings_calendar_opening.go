package screens

import (
	"fmt"

	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setupOpeningPane sets the clinic's opening hours per weekday, with an
// optional closed spell in the day (lunch).
type setupOpeningPane struct {
	ctx        *Context
	hours      *setupHoursEditor
	saveButton *widget.Button
	problem    *widget.Label
	status     *widget.Label
}

func newSetupOpeningPane(ctx *Context) *setupOpeningPane {
	return &setupOpeningPane{ctx: ctx}
}

func (p *setupOpeningPane) build() fyne.CanvasObject {
	p.hours = newSetupHoursEditor("Open", "Closed", nil)
	p.saveButton = widget.NewButtonWithIcon("Save opening hours", theme.DocumentSaveIcon(), p.save)
	p.saveButton.Importance = widget.HighImportance
	p.saveButton.Disable() // unless the saved hours can be read
	p.problem = errorText()
	p.status = note()
	intro := wrapped("When the clinic is open. Booking outside these hours gives a warning and needs a reason. " +
		"Type times as HH:MM on the 24-hour clock; leave the closed spell empty if the clinic stays open all day.")
	body := container.NewVBox(intro, p.hours.content, p.problem, container.NewHBox(p.saveButton, p.status))
	p.load()
	return newFocusScroll(container.NewPadded(limitWidth(body, 760)))
}

// load reads the saved opening hours into the grid.
func (p *setupOpeningPane) load() {
	cs, err := p.ctx.Clinic.CalendarSettings()
	if err != nil {
		setMessage(p.problem, "The opening hours could not be read: "+plainError(err))
		return
	}
	p.hours.set(cs.OpeningHours)
	p.saveButton.Enable()
}

// save writes the opening hours, leaving the other calendar settings as
// they are saved now.
func (p *setupOpeningPane) save() {
	w, ok := p.hours.hours()
	say(p.status, widget.MediumImportance, "")
	if !ok {
		setMessage(p.problem, setupFixMarked)
		return
	}
	setMessage(p.problem, "")
	p.saveButton.Disable()
	c := p.ctx.Clinic
	offUI(p.ctx, func() (struct{}, error) {
		cs, err := c.CalendarSettings()
		if err != nil {
			return struct{}{}, err
		}
		cs.OpeningHours = w
		return struct{}{}, c.SaveCalendarSettings(cs)
	}, func(_ struct{}, err error) {
		p.saveButton.Enable()
		if err != nil {
			setMessage(p.problem, plainError(err))
			return
		}
		say(p.status, widget.SuccessImportance, fmt.Sprintf("Saved at %s: %s.", ukcal.WallClock(wallClock()), setupDescribeWeek(w)))
	})
}
