package screens

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"clinicdesk/app/letters"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// millimetres is how a window measurement may be typed: whole millimetres
// or with one decimal place, as a ruler reads.
var millimetres = regexp.MustCompile(`^[0-9]{1,3}(\.[0-9])?$`)

// letterWindowCard is the manager's setting of where the envelope's window
// is (SPEC §2.5), so the recipient's address shows through it.
type letterWindowCard struct {
	ctx *Context

	left, top, width, height *textBox
	problem                  *widget.Label
	status                   *widget.Label
	saveButton               *widget.Button
	resetButton              *widget.Button
}

func newLetterWindowCard(ctx *Context) *letterWindowCard {
	return &letterWindowCard{ctx: ctx}
}

func (wc *letterWindowCard) build() fyne.CanvasObject {
	wc.left, wc.top, wc.width, wc.height = newTextBox(), newTextBox(), newTextBox(), newTextBox()
	wc.problem = errorText()
	wc.status = note()
	wc.saveButton = widget.NewButtonWithIcon("Save the window", theme.DocumentSaveIcon(), wc.save)
	wc.resetButton = widget.NewButtonWithIcon("Reset to the standard DL window", theme.ContentUndoIcon(), wc.reset)
	w, err := wc.ctx.Clinic.LetterWindow()
	if err != nil {
		setMessage(wc.problem, "The envelope window could not be read: "+plainError(err))
		w = letters.DefaultWindow
	}
	wc.show(w)
	field := func(e *textBox) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewLabel("mm"), sized(e, 90))
	}
	form := widget.NewForm(
		widget.NewFormItem("From the left edge", field(wc.left)),
		widget.NewFormItem("From the top edge", field(wc.top)),
		widget.NewFormItem("Width", field(wc.width)),
		widget.NewFormItem("Height", field(wc.height)))
	return widget.NewCard("Envelope window", "Where the address shows through the envelope's window, measured on the unfolded A4 sheet.",
		container.NewVBox(form, wc.problem, container.NewHBox(wc.saveButton, wc.resetButton), wc.status))
}

// show puts w in the fields.
func (wc *letterWindowCard) show(w letters.Window) {
	mm := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	wc.left.SetText(mm(w.Left))
	wc.top.SetText(mm(w.Top))
	wc.width.SetText(mm(w.Width))
	wc.height.SetText(mm(w.Height))
}

// typed reads the fields, naming each one that is not a measurement.
func (wc *letterWindowCard) typed() (letters.Window, []string) {
	var w letters.Window
	var problems []string
	// A window can sit at the sheet's edge, but it cannot be 0 mm across.
	for _, f := range []struct {
		name     string
		entry    *textBox
		into     *float64
		positive bool
	}{{"From the left edge", wc.left, &w.Left, false}, {"From the top edge", wc.top, &w.Top, false},
		{"Width", wc.width, &w.Width, true}, {"Height", wc.height, &w.Height, true}} {
		text := strings.TrimSpace(f.entry.Text)
		v, err := strconv.ParseFloat(text, 64)
		if !millimetres.MatchString(text) || err != nil {
			problems = append(problems, fmt.Sprintf("%s: write a number of millimetres, such as 20 or 20.5.", f.name))
			continue
		}
		if f.positive && v <= 0 {
			problems = append(problems, f.name+": it must be more than 0 mm.")
			continue
		}
		*f.into = v
	}
	return w, problems
}

// save stores the typed window, or says what is wrong and changes nothing.
func (wc *letterWindowCard) save() {
	say(wc.status, widget.MediumImportance, "")
	w, problems := wc.typed()
	if len(problems) > 0 {
		setMessage(wc.problem, "Not saved. Please correct:\n"+strings.Join(problems, "\n"))
		return
	}
	if err := wc.ctx.Clinic.SetLetterWindow(w); err != nil {
		setMessage(wc.problem, "Not saved: "+plainError(err))
		return
	}
	setMessage(wc.problem, "")
	say(wc.status, widget.SuccessImportance, "Saved. Letters made from now on put the address in this window.")
}

// reset brings back the DL window of SPEC §2.5 and saves it.
func (wc *letterWindowCard) reset() {
	wc.show(letters.DefaultWindow)
	wc.save()
}
