package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// setupList is what each Settings → Calendar pane (clinicians, rooms,
// types, closures) lists: its rows read from the clinic, the one selected,
// a note while there is nothing to list, and the status line the pane's
// buttons report to.
type setupList[T any] struct {
	items    []T
	selected int // index into items, or -1

	cols   *columns
	list   *widget.List
	empty  *widget.Label
	status *widget.Label
	body   *fyne.Container // the pane's layout, once pane has made it

	read         func() ([]T, error)
	id           func(T) string
	unread       string // "The rooms could not be read"
	selectedHook func() // the selection moved: the pane enables its buttons
}

// setupListSpec says what a pane lists and how each row looks.
type setupListSpec[T any] struct {
	widths  []float32                    // the columns before the last, which takes the rest
	cells   func() []fyne.CanvasObject   // one row's cells, a label unless said otherwise
	fill    func(T, []fyne.CanvasObject) // puts an item in a row's cells
	empty   string                       // said while there is nothing to list
	read    func() ([]T, error)
	id      func(T) string
	unread  string
	changed func()
}

func newSetupList[T any](spec setupListSpec[T]) *setupList[T] {
	l := &setupList[T]{selected: -1, cols: &columns{widths: spec.widths}, empty: wrapped(spec.empty), status: note(),
		read: spec.read, id: spec.id, unread: spec.unread, selectedHook: spec.changed}
	l.list = widget.NewList(
		func() int { return len(l.items) },
		func() fyne.CanvasObject { return row(l.cols, spec.cells()...) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(l.items) {
				spec.fill(l.items[id], o.(*fyne.Container).Objects)
			}
		},
	)
	l.list.OnSelected = func(id widget.ListItemID) { l.choose(id) }
	l.list.OnUnselected = func(widget.ListItemID) { l.choose(-1) }
	return l
}

// pane lays out the pane: what it is for, its buttons, the status line,
// the column titles and the list.
func (l *setupList[T]) pane(intro string, buttons []fyne.CanvasObject, titles ...string) fyne.CanvasObject {
	top := container.NewVBox(wrapped(intro), container.NewHBox(buttons...), l.status, headerRow(l.cols, titles...))
	l.body = container.NewBorder(top, nil, nil, nil, setupListWithNote(l.list, l.empty))
	l.reload("")
	return container.NewPadded(l.body)
}

// reload reads the items again and selects the one with keepID.
func (l *setupList[T]) reload(keepID string) {
	// Set-up lists (clinicians, rooms, types, a year of closures) are a
	// few dozen rows: read on the UI goroutine.
	items, err := l.read()
	if err != nil {
		say(l.status, widget.DangerImportance, l.unread+": "+plainError(err))
		return
	}
	l.items = items
	l.list.UnselectAll()
	l.selected = -1
	l.list.Refresh()
	setupShowEmpty(l.empty, len(items))
	for i, item := range items {
		if l.id(item) == keepID {
			l.list.Select(i)
		}
	}
	l.selectedHook()
}

func (l *setupList[T]) choose(id widget.ListItemID) {
	if id < 0 || id >= len(l.items) {
		id = -1
	}
	l.selected = id
	l.selectedHook()
}

// current is the selected item; ok is false when none is.
func (l *setupList[T]) current() (item T, ok bool) {
	if l.selected < 0 || l.selected >= len(l.items) {
		return item, false
	}
	return l.items[l.selected], true
}

// saveFrom saves through save off the UI goroutine while the dialog shows
// it is busy; once saved it closes the dialog, selects the saved item and
// says what was saved. A refusal stays in the dialog.
func (l *setupList[T]) saveFrom(ctx *Context, d *setupDialog, save func() (T, error), said func(T) string) {
	d.refuse("")
	d.busy(true)
	offUI(ctx, save, func(saved T, err error) {
		d.busy(false)
		if err != nil {
			d.refuse(plainError(err))
			return
		}
		d.close()
		// The message first, and the pane laid out again around it, so
		// that the list scrolls to the saved item at its new height.
		say(l.status, widget.SuccessImportance, said(saved))
		l.body.Refresh()
		l.reload(l.id(saved))
	})
}

// labels are n plain cells.
func labels(n int) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, n)
	for i := range out {
		out[i] = cell()
	}
	return out
}
