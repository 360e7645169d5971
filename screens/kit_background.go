package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"clinicdesk/app"
)

// Work that can take longer than a frame (a search, a week of
// appointments, a backup) runs off the UI goroutine, and only its result
// comes back to touch a widget. Every screen goes through its Context's
// Runner for that, so there is one way to do it, and a test gives its own
// Runner (through Options or the Context) to decide when results show.

// Which writes go through here: any that may rewrite many rows (a
// series, a merge, an import), render a PDF, write a file (the keyring, a
// backup, a recovery sheet) or run Argon2, with its button off or a dialog
// over the screen meanwhile, so a double click does it once. A write of
// one row and its audit entry (a complaint note or move, a setting, a
// template, the clinic's details) may stay in its button's callback: it
// takes a few milliseconds, and the next frame shows its result.

// Runner runs work on a goroutine of its own and then show on the UI
// goroutine, once work has returned.
type Runner interface {
	Run(work func(), show func())
}

// fyneRunner is the window's Runner: a goroutine, then fyne.Do.
type fyneRunner struct{}

func (fyneRunner) Run(work, show func()) {
	go func() {
		work()
		fyne.Do(show)
	}()
}

// runner is the Context's Runner, the window's when none was given.
func (c *Context) runner() Runner {
	if c.Runner != nil {
		return c.Runner
	}
	return fyneRunner{}
}

// offUI runs work off the UI goroutine and done with its result back on
// it, unless the session was locked or ended meanwhile: then nothing of
// the result may appear (the work itself is done and audited).
func offUI[T any](ctx *Context, work func() (T, error), done func(T, error)) {
	var v T
	var err error
	ctx.runner().Run(func() { v, err = work() }, func() {
		if !sessionOpen(ctx.Clinic) {
			return
		}
		done(v, err)
	})
}

// inBackground is offUI while a dialog says what is happening. Nothing
// can be tapped behind the dialog meanwhile, so the same action cannot be
// started twice.
func inBackground[T any](ctx *Context, message string, work func() (T, error), done func(T, error)) {
	bar := widget.NewProgressBarInfinite()
	msg := widget.NewLabel(message)
	msg.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(msg, bar)
	d := dialog.NewCustomWithoutButtons("Please wait", content, ctx.Window)
	fitDialog(d, content, 440)
	d.Show()
	var v T
	var err error
	ctx.runner().Run(func() { v, err = work() }, func() {
		bar.Stop()
		d.Hide()
		if !sessionOpen(ctx.Clinic) {
			return
		}
		done(v, err)
	})
}

// sessionOpen is whether someone is signed in and the clinic not locked:
// what a result needs before it may appear.
func sessionOpen(c *app.Clinic) bool {
	s, ok := c.Session()
	return ok && !s.Locked
}
