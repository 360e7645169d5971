package screens

import (
	"fmt"
	"strconv"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setupToday is the clinic's date today (tests fix it).
var setupToday = func() ukcal.Date { return ukcal.Today(wallClock()) }

// setupHolidaysShown is how many coming bank holidays are listed.
const setupHolidaysShown = 3

// setupRulesPane sets the clinic-wide diary rules: whose bank holidays
// the clinic keeps, the diary's grid and how far back DNAs count.
type setupRulesPane struct {
	ctx        *Context
	region     *widget.RadioGroup
	holidays   *widget.Label
	grid       *widget.RadioGroup
	dnaWindow  *widget.Entry
	dnaProblem *widget.Label
	childAge   *widget.Entry // under this age a missed appointment "was not brought"
	ageProblem *widget.Label
	saveButton *widget.Button
	problem    *widget.Label
	status     *widget.Label
}

func newSetupRulesPane(ctx *Context) *setupRulesPane {
	return &setupRulesPane{ctx: ctx}
}

func (p *setupRulesPane) build() fyne.CanvasObject {
	var regions []string
	for _, r := range ukcal.Regions {
		regions = append(regions, r.Name())
	}
	p.region = widget.NewRadioGroup(regions, func(string) { p.showHolidays() })
	p.region.Required = true
	p.holidays = widget.NewLabel("")
	p.holidays.Wrapping = fyne.TextWrapWord
	var grids []string
	for _, g := range app.GridChoices {
		grids = append(grids, fmt.Sprintf("%d minutes", g))
	}
	p.grid = widget.NewRadioGroup(grids, nil)
	p.grid.Horizontal = true
	p.grid.Required = true
	p.dnaWindow = widget.NewEntry()
	p.dnaWindow.OnChanged = func(string) { p.checkDNAWindow(false) }
	p.dnaProblem = errorText()
	p.childAge = widget.NewEntry()
	p.childAge.OnChanged = func(string) { p.checkChildAge(false) }
	p.ageProblem = errorText()
	p.saveButton = widget.NewButtonWithIcon("Save diary settings", theme.DocumentSaveIcon(), p.save)
	p.saveButton.Importance = widget.HighImportance
	p.saveButton.Disable() // unless the saved settings can be read
	p.problem = errorText()
	p.status = note()

	months := container.NewBorder(nil, nil, nil, widget.NewLabel("months"), p.dnaWindow)
	form := widget.NewForm(
		&widget.FormItem{Text: "Bank holidays", Widget: container.NewVBox(p.region, p.holidays),
			HintText: "The diary marks these days and warns before booking on one."},
		&widget.FormItem{Text: "Diary grid", Widget: p.grid, HintText: "The steps appointments start on in the day and week views."},
		&widget.FormItem{Text: "Count DNAs over", Widget: setupField(container.New(&maxWidth{width: 180}, months), p.dnaProblem),
			HintText: "Missed appointments within this many months count towards the next letter (1 to 60)."},
		&widget.FormItem{Text: "Children are under", Widget: setupField(container.New(&maxWidth{width: 180},
			container.NewBorder(nil, nil, nil, widget.NewLabel("years"), p.childAge)), p.ageProblem),
			HintText: "A younger patient who misses an appointment was not brought to it (1 to 18; 16 is usual)."},
	)
	body := container.NewVBox(form, p.problem, container.NewHBox(p.saveButton, p.status))
	p.load()
	return newFocusScroll(container.NewPadded(limitWidth(body, 760)))
}

// load shows the saved settings.
func (p *setupRulesPane) load() {
	cs, err := p.ctx.Clinic.CalendarSettings()
	if err != nil {
		setMessage(p.problem, "The diary settings could not be read: "+plainError(err))
		return
	}
	p.region.SetSelected(p.ctx.Clinic.BankHolidayRegion().Name()) // the region the clinic keeps, as the facade reads it
	p.grid.SetSelected(fmt.Sprintf("%d minutes", cs.GridMinutes))
	p.dnaWindow.SetText(strconv.Itoa(cs.DNAWindowMonths))
	p.childAge.SetText(strconv.Itoa(cs.ChildUnderAge))
	p.saveButton.Enable()
}

// chosenRegion is the region whose name is selected.
func (p *setupRulesPane) chosenRegion() (ukcal.Region, bool) {
	for _, r := range ukcal.Regions {
		if r.Name() == p.region.Selected {
			return r, true
		}
	}
	return "", false
}

// showHolidays lists the chosen region's next bank holidays, so the
// manager sees what the choice means.
func (p *setupRulesPane) showHolidays() {
	r, ok := p.chosenRegion()
	if !ok {
		p.holidays.SetText("")
		return
	}
	var lines []string
	for _, h := range app.ComingBankHolidays(r, setupToday(), setupHolidaysShown) {
		title := h.Title
		if h.Substitute {
			title += " (substitute day)"
		}
		lines = append(lines, fmt.Sprintf("%s: %s", h.Date.LongWithDay(), title))
	}
	p.holidays.SetText(fmt.Sprintf("The next bank holidays in %s:\n%s", r.Name(), strings.Join(lines, "\n")))
}

// checkDNAWindow reads the months box, saying what is wrong with it.
func (p *setupRulesPane) checkDNAWindow(insist bool) (int, bool) {
	text := strings.TrimSpace(p.dnaWindow.Text)
	n, err := strconv.Atoi(text)
	msg := ""
	switch {
	case text == "" && !insist:
	case text == "":
		msg = "Type how many months back missed appointments count, e.g. 12."
	case err != nil:
		msg = fmt.Sprintf("%q is not a number of months: type a whole number, e.g. 12.", text)
	case n < 1 || n > 60:
		msg = "DNAs are counted over 1 to 60 months."
	}
	setMessage(p.dnaProblem, msg)
	return n, msg == "" && err == nil
}

// save writes the region, grid and DNA window, leaving the opening hours
// as they are saved now.
func (p *setupRulesPane) save() {
	say(p.status, widget.MediumImportance, "")
	region, okRegion := p.chosenRegion()
	grid := 0
	for i, label := range p.grid.Options {
		if label == p.grid.Selected {
			grid = app.GridChoices[i]
		}
	}
	months, okMonths := p.checkDNAWindow(true)
	age, okAge := p.checkChildAge(true)
	if !okRegion || grid == 0 || !okMonths || !okAge {
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
		cs.Region, cs.GridMinutes, cs.DNAWindowMonths, cs.ChildUnderAge = string(region), grid, months, age
		return struct{}{}, c.SaveCalendarSettings(cs)
	}, func(_ struct{}, err error) {
		p.saveButton.Enable()
		if err != nil {
			setMessage(p.problem, plainError(err))
			return
		}
		say(p.status, widget.SuccessImportance, fmt.Sprintf("Saved at %s: %s bank holidays, a %d-minute grid, DNAs counted over %s, children under %d.",
			ukcal.WallClock(wallClock()), region.Name(), grid, plural(int64(months), "month", "months"), age))
	})
}

// checkChildAge reads the age box, saying what is wrong with it.
func (p *setupRulesPane) checkChildAge(insist bool) (int, bool) {
	text := strings.TrimSpace(p.childAge.Text)
	n, err := strconv.Atoi(text)
	msg := ""
	switch {
	case text == "" && !insist:
	case text == "":
		msg = "Type the age under which a patient is a child, e.g. 16."
	case err != nil:
		msg = fmt.Sprintf("%q is not an age: type a whole number of years, e.g. 16.", text)
	case n < 1 || n > 18:
		msg = "Type an age from 1 to 18: 16 is usual."
	}
	setMessage(p.ageProblem, msg)
	return n, msg == "" && err == nil
}
