package screens

import (
	"strings"
	"time"

	"clinicdesk/app"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func (r *patientRecord) timelineTab() fyne.CanvasObject {
	r.timelineBox = container.NewVBox()
	r.fillTimeline()
	return newFocusScroll(container.NewPadded(r.timelineBox))
}

// timelineIcon is the icon for a kind of timeline entry.
func timelineIcon(e app.TimelineEntry) fyne.Resource {
	switch e.Kind {
	case "note":
		return theme.DocumentIcon()
	case "call":
		return theme.VolumeUpIcon()
	case "task":
		if strings.HasPrefix(e.Title, "Follow-up done") {
			return theme.NewSuccessThemedResource(theme.ConfirmIcon())
		}
		return theme.CalendarIcon()
	case "sar":
		return theme.DocumentPrintIcon()
	case "merge":
		return theme.ContentCopyIcon()
	case "safeguarding":
		return theme.NewWarningThemedResource(theme.WarningIcon())
	case "referral":
		return theme.MailForwardIcon()
	}
	return theme.DocumentCreateIcon()
}

// timelineRow is one entry: icon, what happened, when and by whom, and
// its detail underneath.
func timelineRow(e app.TimelineEntry, now time.Time, who func(string) string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(e.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	when := capitalise(whenSaid(e.At, now))
	if e.By != "" {
		when += " · " + who(e.By)
	}
	whenLabel := widget.NewLabelWithStyle(when, fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
	lines := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, whenLabel, title)}
	if e.Detail != "" {
		detail := e.Detail
		if e.Kind == "change" {
			detail = "Changed: " + detail
		}
		d := wrapped(detail)
		d.Selectable = true
		lines = append(lines, d)
	}
	if e.Fingerprint != "" {
		lines = append(lines, fingerprintLine(e.Fingerprint))
	}
	icon := widget.NewIcon(timelineIcon(e))
	return container.NewBorder(nil, nil, container.NewVBox(icon), nil, container.NewVBox(lines...))
}

// fingerprintLine keeps a letter's SHA-256 one click away: a receptionist
// has no use for 64 hex digits, but whoever checks a printed letter
// against the log does.
func fingerprintLine(sum string) fyne.CanvasObject {
	text := wrapped("Fingerprint (SHA-256), to check a printed copy against the log: " + sum)
	text.Selectable = true
	text.Hide()
	var button *widget.Button
	button = widget.NewButtonWithIcon("Show fingerprint", theme.VisibilityIcon(), func() {
		if text.Visible() {
			text.Hide()
			button.SetText("Show fingerprint")
		} else {
			text.Show()
			button.SetText("Hide fingerprint")
		}
	})
	button.Importance = widget.LowImportance
	return container.NewVBox(container.NewHBox(button), text)
}

func (r *patientRecord) fillTimeline() {
	if r.timelineBox == nil {
		return
	}
	r.timelineBox.RemoveAll()
	if len(r.data.timeline) == 0 {
		r.timelineBox.Add(wrapped("Nothing has happened on this record yet."))
		return
	}
	now := wallClock()
	for _, e := range r.data.timeline {
		row := withOpenComplaint(r.ctx, e, withPrintAgain(r.ctx, e, timelineRow(e, now, r.staffByUsername)))
		r.timelineBox.Add(withOpenReferral(r.ctx, e, row))
		r.timelineBox.Add(widget.NewSeparator())
	}
}

// withOpenReferral adds "Open referral" beside a timeline row about a
// referral: its page has the events, the clock and the letters.
func withOpenReferral(ctx *Context, e app.TimelineEntry, row fyne.CanvasObject) fyne.CanvasObject {
	if e.ReferralID == "" || !ctx.Clinic.Can(app.PermViewReferrals) {
		return row
	}
	open := widget.NewButtonWithIcon("Open referral", theme.MailForwardIcon(), func() { openReferral(ctx, e.ReferralID) })
	open.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewVBox(open), row)
}
