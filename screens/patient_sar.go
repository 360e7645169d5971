package screens

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/sar"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Who asked for a subject access copy.
const (
	sarByPatient = "The patient"
	sarBySomeone = "Someone else, on the patient's behalf"
)

// sarResult is where a subject access copy went.
type sarResult struct {
	pdf, json string
	req       sar.Request
}

// subjectAccessButton is the Record tab's subject access section: the
// patient's open requests with their due dates, "Log a request…" for one
// that cannot be answered on the day, and "Subject access copy…" for one
// answered at once;
// nil for staff who may not handle requests.
func (r *patientRecord) subjectAccessButton() fyne.CanvasObject {
	if !r.ctx.Clinic.Can(app.PermSubjectAccess) {
		return nil
	}
	b := widget.NewButtonWithIcon("Subject access copy…", theme.DocumentSaveIcon(), r.askSubjectAccess)
	logB := widget.NewButtonWithIcon("Log a request…", theme.ContentAddIcon(), func() {
		r.dialog = askSARLog(r.ctx, r.id, patientFullName(r.data.p), func(req sar.Request) {
			r.dialog = nil
			openSARRegister(r.ctx, req.ID)
		})
	})
	register := widget.NewButton("Open the register", func() { openSARRegister(r.ctx, "") })
	register.Importance = widget.LowImportance
	open := container.NewVBox()
	c, id := r.ctx.Clinic, r.id
	offUI(r.ctx, func() ([]app.SARDue, error) { return c.OpenSARs() }, func(all []app.SARDue, err error) {
		if err != nil {
			open.Add(wrapped("The register could not be read: " + plainError(err)))
			return
		}
		for _, d := range all {
			if d.Request.PatientID != id {
				continue
			}
			l := wrapped(fmt.Sprintf("Open request received %s: %s, due %s (%s).", d.Request.Received.Short(),
				strings.ToLower(d.Request.Status().Label()), d.Due.Short(), d.Words))
			if d.Overdue {
				l.Importance = widget.DangerImportance
				l.TextStyle.Bold = true
			}
			reqID := d.Request.ID
			go2 := widget.NewButton("Open in the register", func() { openSARRegister(r.ctx, reqID) })
			go2.Importance = widget.LowImportance
			open.Add(container.NewBorder(nil, nil, nil, go2, l))
		}
		open.Refresh()
	})
	return container.NewVBox(widget.NewSeparator(), heading("Subject access requests"),
		wrapped("Log a request the day it arrives: the register keeps its one-month clock, pauses it while you wait for proof of identity "+
			"or a clarification, and extends it with a notice. Making the copy (the whole record as a PDF, with a JSON copy beside it) closes the request. "+
			"Subject access copy logs a request and answers it in one step."),
		open, container.NewHBox(logB, b, register))
}

// askSubjectAccess asks when the request came and who made it, then
// where to save the copy.
func (r *patientRecord) askSubjectAccess() {
	received := newTextBox()
	received.SetText(ukcal.Today(wallClock()).Short())
	name := newTextBox()
	name.SetPlaceHolder("Their name, and on whose behalf (e.g. Smith & Co Solicitors, for the patient)")
	name.Disable()
	who := widget.NewRadioGroup([]string{sarByPatient, sarBySomeone}, func(s string) {
		if s == sarBySomeone {
			name.Enable()
		} else {
			name.Disable()
		}
	})
	who.SetSelected(sarByPatient)
	who.Required = true
	problem := errorText()
	content := container.NewVBox(
		wrapped("The reply is due one calendar month after the day the request was received."),
		widget.NewLabel("Date the request was received (dd/mm/yyyy)"), received,
		widget.NewLabel("Who asked"), who, name, problem)
	var d dialog.Dialog
	next := widget.NewButtonWithIcon("Choose where to save…", theme.DocumentSaveIcon(), func() {
		t, err := parseUKDate(received.Text)
		if err == nil && t.IsZero() {
			err = errBadDate
		}
		if err != nil {
			setMessage(problem, plainError(err))
			return
		}
		by := "patient"
		if who.Selected == sarBySomeone {
			by = strings.TrimSpace(name.Text)
			if by == "" {
				setMessage(problem, "Write who asked for the copy.")
				return
			}
		}
		d.Hide()
		r.dialog = nil
		r.chooseSubjectAccessFile(t, by)
	})
	next.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide(); r.dialog = nil })
	d = dialog.NewCustomWithoutButtons("Subject access copy for "+patientFullName(r.data.p),
		container.NewBorder(nil, container.NewHBox(cancel, next), nil, nil, content), r.ctx.Window)
	fitDialog(d, content, 520)
	r.dialog = d
	d.Show()
	r.ctx.Window.Canvas().Focus(received)
}

// chooseSubjectAccessFile asks where to save the PDF; the JSON goes
// beside it.
func (r *patientRecord) chooseSubjectAccessFile(received ukcal.Date, by string) {
	p := r.data.p
	chooseSARCopyFile(r.ctx, p.Surname+"-"+p.Forenames, func(path string) { r.subjectAccessTo(path, received, by) })
}

// fileSafe keeps letters, digits and hyphens, for a file name.
func fileSafe(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-':
			b.WriteRune(c)
		case c == ' ' || c == '\'':
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "patient"
	}
	return b.String()
}

// sarPaths is the PDF's path (with .pdf) and the JSON's beside it.
func sarPaths(path string) (pdf, js string) {
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		path += ".pdf"
	}
	return path, strings.TrimSuffix(path, filepath.Ext(path)) + ".json"
}

// subjectAccessTo makes the copy off the UI goroutine, into temporary
// files renamed into place only when everything has worked.
func (r *patientRecord) subjectAccessTo(path string, received ukcal.Date, by string) {
	c, id := r.ctx.Clinic, r.id
	pdfPath, jsPath := sarPaths(path)
	offUI(r.ctx, func() (sarResult, error) {
		req, err := app.SaveSARCopy(pdfPath, jsPath, func(pdf, js io.Writer) (sar.Request, error) {
			return c.SubjectAccess(id, received, by, pdf, js)
		})
		return sarResult{pdfPath, jsPath, req}, err
	}, func(res sarResult, err error) {
		if err != nil {
			r.say(widget.DangerImportance, "The subject access copy was not made: "+plainError(err))
			return
		}
		msg := fmt.Sprintf("Subject access copy made. The PDF is saved as %s and the JSON copy as %s. "+
			"The request received on %s is on the subject access register, answered today.",
			res.pdf, res.json, res.req.Received.Short())
		r.say(widget.SuccessImportance, msg)
		dialog.ShowInformation("Subject access copy made", msg, r.ctx.Window)
	})
}
