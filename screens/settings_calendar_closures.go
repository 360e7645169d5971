package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setupClosuresAhead is how far ahead closures are listed, in years.
const setupClosuresAhead = 5

// setupClosuresPane adds and removes days the whole clinic is shut
// (training, refurbishment), besides bank holidays.
type setupClosuresPane struct {
	ctx  *Context
	rows *setupList[schedule.Closure]

	addButton, removeButton *widget.Button
	form                    *setupClosureForm // the dialog open now, if any
}

// setupClosureForm is the Add closure dialog.
type setupClosureForm struct {
	*setupDialog
	from, to, reason                      *textBox
	fromProblem, toProblem, reasonProblem *widget.Label
}

func newSetupClosuresPane(ctx *Context) *setupClosuresPane {
	return &setupClosuresPane{ctx: ctx}
}

func (p *setupClosuresPane) build() fyne.CanvasObject {
	p.rows = newSetupList(setupListSpec[schedule.Closure]{
		widths: []float32{170, 170, 90},
		cells:  func() []fyne.CanvasObject { return labels(4) },
		fill: func(cl schedule.Closure, cells []fyne.CanvasObject) {
			from, to := cl.From, cl.To
			cells[0].(*widget.Label).SetText(from.Format(ukcal.LayoutShortWithDay))
			cells[1].(*widget.Label).SetText(to.Format(ukcal.LayoutShortWithDay))
			cells[2].(*widget.Label).SetText(plural(int64(from.DaysUntil(to)+1), "day", "days"))
			cells[3].(*widget.Label).SetText(cl.Reason)
		},
		empty: "No closures coming up.",
		// From today on: past closures are history, not set-up.
		read: func() ([]schedule.Closure, error) {
			today := setupToday()
			return p.ctx.Clinic.Closures(today, today.AddMonths(12*setupClosuresAhead))
		},
		id:      func(cl schedule.Closure) string { return cl.ID },
		unread:  "The closures could not be read",
		changed: p.updateButtons,
	})
	p.addButton = widget.NewButtonWithIcon("Add closure…", theme.ContentAddIcon(), p.showAdd)
	p.addButton.Importance = widget.HighImportance
	p.removeButton = widget.NewButtonWithIcon("Remove…", theme.DeleteIcon(), p.confirmRemove)
	return p.rows.pane("Days the whole clinic is shut, besides bank holidays. The diary shows the reason on those days and warns "+
		"before anyone books on one. Appointments already booked stay, to be moved.",
		[]fyne.CanvasObject{p.addButton, p.removeButton}, "First day", "Last day", "Days", "Reason")
}

// showAdd opens the Add closure dialog.
func (p *setupClosuresPane) showAdd() {
	f := &setupClosureForm{from: newTextBox(), to: newTextBox(), reason: newTextBox(),
		fromProblem: errorText(), toProblem: errorText(), reasonProblem: errorText()}
	f.from.SetPlaceHolder("dd/mm/yyyy")
	f.to.SetPlaceHolder("dd/mm/yyyy")
	f.reason.SetPlaceHolder("e.g. Staff training day")
	f.reason.OnSubmitted = func(string) { p.add() }
	narrow := func(e *textBox) fyne.CanvasObject { return container.New(&maxWidth{width: 160}, e) }
	form := widget.NewForm(
		widget.NewFormItem("First day", setupField(narrow(f.from), f.fromProblem)),
		&widget.FormItem{Text: "Last day", Widget: setupField(narrow(f.to), f.toProblem), HintText: "Leave empty for a single day."},
		widget.NewFormItem("Reason", setupField(f.reason, f.reasonProblem)),
	)
	f.setupDialog = openSetupDialog(p.ctx, "Close the clinic", "Add closure", 560, form, p.add, func() { p.form = nil })
	p.form = f
	p.ctx.Window.Canvas().Focus(f.from)
}

func (p *setupClosuresPane) updateButtons() {
	_, ok := p.rows.current()
	setupEnable(ok, p.removeButton)
}

// setupReadDate reads a dd/mm/yyyy box; msg says what is wrong with it.
func setupReadDate(text, what string, required bool) (ukcal.Date, string) {
	if strings.TrimSpace(text) == "" {
		if required {
			return ukcal.Date{}, fmt.Sprintf("Type the %s as dd/mm/yyyy, e.g. 21/12/2026.", what)
		}
		return ukcal.Date{}, ""
	}
	d, err := parseUKDate(text)
	if err != nil {
		return ukcal.Date{}, plainError(err)
	}
	return d, ""
}

// add shuts the clinic on the days typed; nothing is added while anything
// is marked wrong.
func (p *setupClosuresPane) add() {
	f := p.form
	if f == nil {
		return
	}
	from, fromMsg := setupReadDate(f.from.Text, "first day", true)
	to, toMsg := setupReadDate(f.to.Text, "last day", false)
	if to.IsZero() && toMsg == "" {
		to = from
	}
	if fromMsg == "" && toMsg == "" && to.Before(from) {
		toMsg = fmt.Sprintf("The last day (%s) is before the first (%s).", to.Format(ukcal.LayoutShortWithDay), from.Format(ukcal.LayoutShortWithDay))
	}
	reason := strings.TrimSpace(f.reason.Text)
	reasonMsg := ""
	if reason == "" {
		reasonMsg = "Say why the clinic is closed: the diary shows it on those days."
	}
	setMessage(f.fromProblem, fromMsg)
	setMessage(f.toProblem, toMsg)
	setMessage(f.reasonProblem, reasonMsg)
	if fromMsg != "" || toMsg != "" || reasonMsg != "" {
		f.refuse(setupFixMarked)
		return
	}
	f.refuse("")
	f.busy(true)
	c := p.ctx.Clinic
	offUI(p.ctx, func() (schedule.Closure, error) { return c.AddClosure(from, to, reason) }, func(cl schedule.Closure, err error) {
		f.busy(false)
		if err != nil {
			f.refuse(plainError(err))
			return
		}
		f.close()
		p.rows.reload(cl.ID)
		say(p.rows.status, widget.SuccessImportance, "The clinic is closed "+setupDescribeClosure(from, to)+": "+reason+".")
	})
}

// setupDescribeClosure is "on Monday 21 December 2026" or "from Monday 21
// December 2026 to Thursday 24 December 2026".
func setupDescribeClosure(from, to ukcal.Date) string {
	if from == to {
		return "on " + from.LongWithDay()
	}
	return "from " + from.LongWithDay() + " to " + to.LongWithDay()
}

// confirmRemove asks before opening the clinic again on a closure's days.
func (p *setupClosuresPane) confirmRemove() {
	cl, ok := p.rows.current()
	if !ok {
		return
	}
	when := setupDescribeClosure(cl.From, cl.To)
	msg := fmt.Sprintf("Remove the closure %s (%s)?\n\nThe clinic will be open on those days again and they can be booked.", when, cl.Reason)
	d := dialog.NewConfirm("Remove closure", msg, func(ok bool) {
		if ok {
			p.remove(cl, when)
		}
	}, p.ctx.Window)
	d.SetConfirmText("Remove")
	d.SetDismissText("Keep it")
	d.Show()
}

func (p *setupClosuresPane) remove(cl schedule.Closure, when string) {
	c := p.ctx.Clinic
	offUI(p.ctx, func() (struct{}, error) { return struct{}{}, c.RemoveClosure(cl.ID) }, func(_ struct{}, err error) {
		if err != nil {
			say(p.rows.status, widget.DangerImportance, plainError(err))
			return
		}
		p.rows.reload("")
		say(p.rows.status, widget.SuccessImportance, "Removed the closure "+when+": the clinic is open on those days again.")
	})
}
