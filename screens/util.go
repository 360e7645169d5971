package screens

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"clinicdesk/app/reports"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// nowInClinic is the clinic's wall-clock time now.
func nowInClinic() time.Time { return ukcal.Wall(wallClock()) }

// ukDate writes a date as dd/mm/yyyy in clinic time, or "never" for the
// zero time.
func ukDate(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return ukcal.WallDate(t).Short()
}

// whenSaid says an instant the way people do: "today at 17:32",
// "yesterday at 09:05" or "on 20/11/2026 at 17:32".
func whenSaid(t, now time.Time) string {
	day := ukcal.WallDate(t)
	switch ukcal.WallDate(now).DaysUntil(day) {
	case 0:
		return "today at " + ukcal.WallClock(t)
	case -1:
		return "yesterday at " + ukcal.WallClock(t)
	}
	return "on " + day.Short() + " at " + ukcal.WallClock(t)
}

// errBadDate is what a date that cannot be read is reported as.
var errBadDate = errors.New("write dates as dd/mm/yyyy, for example 23/11/2026")

// parseUKDate reads a date typed as dd/mm/yyyy (slashes, dots, dashes or
// spaces; leading zeros optional). An empty box is no date.
func parseUKDate(s string) (ukcal.Date, error) {
	if strings.TrimSpace(s) == "" {
		return ukcal.Date{}, nil
	}
	d, err := ukcal.ParseUK(s)
	var bad *ukcal.UKDateError
	if errors.As(err, &bad) {
		if bad.NoSuchDay {
			return ukcal.Date{}, fmt.Errorf("%q is not a day of the calendar: %w", bad.Text, errBadDate)
		}
		return ukcal.Date{}, fmt.Errorf("%q is not a date: %w", bad.Text, errBadDate)
	}
	return d, err
}

// firstName is the part of a full name people are greeted by.
func firstName(full string) string {
	f := strings.Fields(full)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// plural writes "1 entry" or "3 entries" with thousands separators.
func plural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return reports.Thousands(n) + " " + many
}

// cell is a one-line label for a list column: it ends in "…" when the
// text does not fit.
func cell() *widget.Label {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// columns lays objects out side by side at fixed widths; the last column
// takes whatever width is left. Header and rows of a list share one, so
// they line up.
type columns struct {
	widths []float32
}

func (c *columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for i, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		if i < len(c.widths) {
			w += c.widths[i]
		} else {
			w += m.Width
		}
		if m.Height > h {
			h = m.Height
		}
	}
	return fyne.NewSize(w, h)
}

func (c *columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var x float32
	for i, o := range objects {
		w := size.Width - x
		if i < len(c.widths) && i < len(objects)-1 {
			w = c.widths[i]
		}
		if w < 0 {
			w = 0
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// row puts labels in columns.
func row(c *columns, cells ...fyne.CanvasObject) *fyne.Container {
	return container.New(c, cells...)
}

// headerRow is a row of bold column titles.
func headerRow(c *columns, titles ...string) *fyne.Container {
	var cells []fyne.CanvasObject
	for _, t := range titles {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		cells = append(cells, l)
	}
	return row(c, cells...)
}

// themeIcon is a theme's icon looked up when it is drawn rather than when
// a module registers itself: init runs before the Fyne app exists, and
// asking for the theme then only logs an error.
type themeIcon fyne.ThemeIconName

func (i themeIcon) resource() fyne.Resource { return theme.Icon(fyne.ThemeIconName(i)) }

// Name is the current theme's name for the icon.
func (i themeIcon) Name() string { return i.resource().Name() }

// Content is the icon's picture in the current theme.
func (i themeIcon) Content() []byte { return i.resource().Content() }

// ThemeColorName says which theme colour the icon is drawn in.
func (i themeIcon) ThemeColorName() fyne.ThemeColorName {
	if t, ok := i.resource().(fyne.ThemedResource); ok {
		return t.ThemeColorName()
	}
	return theme.ColorNameForeground
}

// note is a message line that wraps and takes no room until it has
// something to say.
func note() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

// fitDialog makes d width wide and just tall enough for its content:
// wrapped text only knows its height once it knows its width, so the
// content is laid out at that width first.
func fitDialog(d dialog.Dialog, content fyne.CanvasObject, width float32) {
	const dialogSidePadding = 32 // what Fyne's dialog takes off the width for its edges
	content.Resize(fyne.NewSize(width-dialogSidePadding, content.MinSize().Height))
	content.Resize(fyne.NewSize(width-dialogSidePadding, content.MinSize().Height))
	d.Resize(fyne.NewSize(width, 0))
}

// showFileDialog shows a file or folder dialog big enough to see what is
// in a folder (Fyne's own size is cramped), within the window.
func showFileDialog(d *dialog.FileDialog, win fyne.Window) {
	size := fyne.NewSize(900, 600)
	if cs := win.Canvas().Size(); !cs.IsZero() {
		size = size.Min(cs.SubtractWidthHeight(40, 40))
	}
	overlays := win.Canvas().Overlays()
	before := overlays.Top()
	d.Show() // Resize needs the dialog made, which Show does
	// A system file chooser (Flatpak, mobile) makes none: sizing it would panic.
	if top := overlays.Top(); top != nil && top != before {
		d.Resize(size)
	}
}

// keepLine holds a message line's room while it is empty, so what lies
// under it stays put as messages come and go (a booking's "Booked …"
// used to push the calendar's grid down under the pointer). A message
// longer than a line still takes the room it needs.
func keepLine(l *widget.Label) fyne.CanvasObject {
	return container.New(&oneLineAtLeast{}, l)
}

// oneLineAtLeast measures a label's line once: a label made at every
// layout would sit in Fyne's renderer cache for a minute each.
type oneLineAtLeast struct{ line float32 }

func (l *oneLineAtLeast) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if l.line == 0 {
		l.line = widget.NewLabel("Booked").MinSize().Height
	}
	m := objects[0].MinSize()
	if !objects[0].Visible() {
		m = fyne.NewSize(0, 0)
	}
	return fyne.NewSize(m.Width, max(m.Height, l.line))
}

func (l *oneLineAtLeast) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}
