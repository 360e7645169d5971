package screens

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/patients"
	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The subject access register's dialogs, shared by the register screen
// and the patient's record. Each checks what it can, asks the facade (which
// has the last word), and calls done with the request as saved.

// Choices in the log dialog.
const (
	sarIdentityChecked = "Identity checked"
	sarIdentityAwaited = "Waiting for proof of identity (the clock stops until it comes)"
	sarWaitIdentity    = "Proof of identity"
	sarWaitClarify     = "A clarification of what they want"
)

// sarDay reads a typed dd/mm/yyyy date; empty is today.
func sarDay(box *textBox) (ukcal.Date, error) {
	d, err := parseUKDate(box.Text)
	if err != nil {
		return ukcal.Date{}, err
	}
	if d.IsZero() {
		return ukcal.Today(wallClock()), nil
	}
	return d, nil
}

func sarDateBox() *textBox {
	b := newTextBox()
	b.SetText(ukcal.Today(wallClock()).Short())
	return b
}

// sarDialog shows content with Cancel and an action button, which runs
// act: an error from it is shown in the dialog, which stays open.
func sarDialog(ctx *Context, title, action string, content *fyne.Container, focus fyne.Focusable, act sarAct) dialog.Dialog {
	return sarDialogThen(ctx, title, action, content, focus, act, nil)
}

// sarAct reads a SAR dialog's fields on the UI goroutine, refusing what
// does not read; it returns the write to make off the UI goroutine, which
// returns what to show on it once the write has worked.
type sarAct func() (write func() (shown func(), err error), err error)

// sarDialogThen is sarDialog with then run once the dialog has closed
// after act succeeded (another dialog shown from act would close with it).
func sarDialogThen(ctx *Context, title, action string, content *fyne.Container, focus fyne.Focusable, act sarAct, then func()) dialog.Dialog {
	problem := errorText()
	content.Add(problem)
	var d dialog.Dialog
	ok := widget.NewButtonWithIcon(action, theme.ConfirmIcon(), nil)
	ok.OnTapped = func() {
		write, err := act()
		if err != nil {
			setMessage(problem, plainError(err))
			return
		}
		// The write runs off the UI goroutine (an extension makes a PDF),
		// with the button off meanwhile so a double click writes once.
		ok.Disable()
		offUI(ctx, write, func(shown func(), err error) {
			ok.Enable()
			if err != nil {
				setMessage(problem, plainError(err))
				return
			}
			shown()
			d.Hide()
			if then != nil {
				then()
			}
		})
	}
	ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	// The content scrolls within the window: the log dialog's patient list
	// would otherwise push the buttons off a 768-pixel screen.
	scroll := container.NewVScroll(content)
	for i := 0; i < 2; i++ { // wrapped text knows its height once it knows its width
		content.Resize(fyne.NewSize(560-32, content.MinSize().Height))
	}
	h := content.MinSize().Height
	if limit := ctx.Window.Canvas().Size().Height - 200; limit > 200 && h > limit {
		h = limit
	}
	scroll.SetMinSize(fyne.NewSize(560-32, h))
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, container.NewHBox(cancel, ok), nil, nil, scroll), ctx.Window)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	if focus != nil {
		ctx.Window.Canvas().Focus(focus)
	}
	return d
}

// askSARLog logs a request for the patient, or for one found in the
// dialog when patientID is empty.
func askSARLog(ctx *Context, patientID, patientName string, done func(sar.Request)) dialog.Dialog {
	content := container.NewVBox()
	var pick *calendarPatientPick
	if patientID == "" {
		pick = newCalendarPatientPick(ctx, func(patients.PatientSummary) {})
		content.Add(pick.view)
	}
	received := sarDateBox()
	by := newTextBox()
	by.SetPlaceHolder("Their name, and on whose behalf (e.g. Smith & Co Solicitors, for the patient)")
	by.Disable()
	who := widget.NewRadioGroup([]string{sarByPatient, sarBySomeone}, func(s string) {
		if s == sarBySomeone {
			by.Enable()
		} else {
			by.Disable()
		}
	})
	who.SetSelected(sarByPatient)
	how := newTextBox()
	how.SetPlaceHolder("How: known to reception, passport seen, solicitor's signed authority…")
	identity := widget.NewRadioGroup([]string{sarIdentityChecked, sarIdentityAwaited}, func(s string) {
		if s == sarIdentityAwaited {
			how.Disable()
		} else {
			how.Enable()
		}
	})
	identity.SetSelected(sarIdentityChecked)
	scope := newTextBox()
	scope.SetPlaceHolder("The whole record (or what they asked for, e.g. letters since 2024)")
	content.Add(wrapped("The reply is due one calendar month after the day the request was received, later by the days the clock is stopped."))
	content.Add(widget.NewLabel("Date the request was received (dd/mm/yyyy)"))
	content.Add(received)
	content.Add(widget.NewLabel("Who asked"))
	content.Add(who)
	content.Add(by)
	content.Add(identity)
	content.Add(how)
	content.Add(widget.NewLabel("What they asked for"))
	content.Add(scope)
	title := "Log a subject access request"
	if patientName != "" {
		title += " for " + patientName
	}
	var focus fyne.Focusable = received
	if pick != nil {
		focus = pick.search
	}
	return sarDialog(ctx, title, "Log the request", content, focus, func() (func() (func(), error), error) {
		id := patientID
		if pick != nil {
			if id = pick.id(); id == "" {
				return nil, errors.New("find the patient the request is about first")
			}
		}
		day, err := sarDay(received)
		if err != nil {
			return nil, err
		}
		in := app.SARLog{PatientID: id, Received: day, Scope: scope.Text, AwaitingIdentity: identity.Selected == sarIdentityAwaited}
		if who.Selected == sarBySomeone {
			if in.RequestedBy = strings.TrimSpace(by.Text); in.RequestedBy == "" {
				return nil, errors.New("write who asked for the copy")
			}
		}
		if !in.AwaitingIdentity {
			in.IdentityCheck = how.Text
		}
		return func() (func(), error) {
			req, err := ctx.Clinic.LogSAR(in)
			return func() { done(req) }, err
		}, nil
	})
}

// askSARPause stops the clock from the day the clinic asked for proof of
// identity or a clarification.
func askSARPause(ctx *Context, req sar.Request, done func(sar.Request)) dialog.Dialog {
	from := sarDateBox()
	why := widget.NewRadioGroup([]string{sarWaitIdentity, sarWaitClarify}, nil)
	why.SetSelected(sarWaitClarify)
	if req.IdentityCheck == "" {
		why.SetSelected(sarWaitIdentity)
	}
	content := container.NewVBox(
		wrapped("While you wait for what you asked for, the clock stops: the due date moves on by every day of the wait."),
		widget.NewLabel("What you are waiting for"), why,
		widget.NewLabel("The day you asked for it (dd/mm/yyyy)"), from)
	return sarDialog(ctx, "Pause the clock", "Pause", content, from, func() (func() (func(), error), error) {
		day, err := sarDay(from)
		if err != nil {
			return nil, err
		}
		reason := sar.AwaitingClarification
		if why.Selected == sarWaitIdentity {
			reason = sar.AwaitingIdentity
		}
		return func() (func(), error) {
			saved, err := ctx.Clinic.PauseSAR(req.ID, day, reason)
			return func() { done(saved) }, err
		}, nil
	})
}

// askSARResume starts the clock again on the day the answer came.
func askSARResume(ctx *Context, req sar.Request, done func(sar.Request)) dialog.Dialog {
	p, _ := req.OpenPause()
	on := sarDateBox()
	how := newTextBox()
	how.SetPlaceHolder("How identity was checked: passport seen, signed authority…")
	scope := newTextBox()
	scope.SetPlaceHolder("What they now ask for, if it changed")
	content := container.NewVBox(
		wrapped(fmt.Sprintf("The clock stopped on %s, waiting for %s.", p.From.Short(), p.Reason.Label())),
		widget.NewLabel("The day it came (dd/mm/yyyy)"), on)
	if p.Reason == sar.AwaitingIdentity {
		content.Add(widget.NewLabel("How identity was checked"))
		content.Add(how)
	} else {
		content.Add(widget.NewLabel("What they asked for, made clear (optional)"))
		content.Add(scope)
	}
	return sarDialog(ctx, "Restart the clock", "Restart", content, on, func() (func() (func(), error), error) {
		day, err := sarDay(on)
		if err != nil {
			return nil, err
		}
		check, asked := how.Text, scope.Text
		return func() (func(), error) {
			saved, err := ctx.Clinic.ResumeSAR(req.ID, day, check, asked)
			return func() { done(saved) }, err
		}, nil
	})
}

// askSARExtend takes the two further months and makes the notice.
func askSARExtend(ctx *Context, req sar.Request, due ukcal.Date, done func(sar.Request)) dialog.Dialog {
	sent := sarDateBox()
	why := letterEntry(3, "Why more time is needed, in words for the patient: e.g. the record runs to many years and part of it is on paper")
	content := container.NewVBox(
		wrapped(fmt.Sprintf("The law allows two more months when a request is complex, only with a notice sent by %s, saying why. "+
			"The notice is written for you to print and send.", due.Short())),
		widget.NewLabel("Why more time is needed"), why,
		widget.NewLabel("The day the notice is sent (dd/mm/yyyy)"), sent)
	var made *madePDF
	return sarDialogThen(ctx, "Extend by two months", "Extend and write the notice", content, why, func() (func() (func(), error), error) {
		day, err := sarDay(sent)
		if err != nil {
			return nil, err
		}
		reason := why.Text
		return func() (func(), error) {
			saved, letter, err := ctx.Clinic.ExtendSAR(req.ID, day, reason)
			return func() {
				done(saved)
				made = &madePDF{Title: "Subject access extension notice", PDF: letter.PDF, FileName: letter.FileName, Warnings: letter.Warnings}
			}, err
		}, nil
	}, func() {
		if made != nil {
			showPDF(ctx, *made)
		}
	})
}

// produceSAR asks where to save the copy and makes it, which closes the
// request.
func produceSAR(ctx *Context, req sar.Request, name string, done func(sar.Request, string, error)) {
	chooseSARCopyFile(ctx, name, func(path string) { produceSARTo(ctx, req.ID, path, done) })
}

// chooseSARCopyFile asks where to save a subject access copy of name's
// records, then hands the path on; the register and the patient's record
// both save copies through it.
func chooseSARCopyFile(ctx *Context, name string, then func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ctx.ShowError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close()
		// The dialog made an empty file under the name as typed: the copy
		// is written beside it and renamed over it (or under .pdf).
		if st, err := os.Stat(path); err == nil && st.Size() == 0 && !strings.EqualFold(filepath.Ext(path), ".pdf") {
			os.Remove(path)
		}
		then(path)
	}, ctx.Window)
	d.SetFileName(fmt.Sprintf("subject-access-%s-%s.pdf", fileSafe(name), ukcal.FormatWall(wallClock(), ukcal.LayoutFileDay)))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.SetTitleText("Save the subject access copy (PDF) as…")
	showFileDialog(d, ctx.Window)
}

// produceSARTo makes the copy off the UI goroutine into path (and the
// JSON beside it).
func produceSARTo(ctx *Context, id, path string, done func(sar.Request, string, error)) {
	c := ctx.Clinic
	pdfPath, jsPath := sarPaths(path)
	offUI(ctx, func() (sar.Request, error) {
		return app.SaveSARCopy(pdfPath, jsPath, func(pdf, js io.Writer) (sar.Request, error) { return c.ProduceSAR(id, pdf, js) })
	}, func(req sar.Request, err error) {
		if err != nil {
			done(req, "", err)
			return
		}
		done(req, fmt.Sprintf("Copy made and the request closed. The PDF is saved as %s and the JSON copy as %s.", pdfPath, jsPath), nil)
	})
}
