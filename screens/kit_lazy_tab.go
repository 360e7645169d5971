package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// lazyTab is a tab whose content is built the first time it is shown.
// AppTabs sizes itself to its largest tab, so Fyne measures, and keeps
// the drawing state of, every widget of every tab as soon as the tabs
// appear: a patient's record built its whole timeline, a row per event,
// to show the Details tab (about 1 MB a record at the bench's clinic).
type lazyTab struct {
	holder *fyne.Container // the tab's content
	build  func() fyne.CanvasObject
}

func newLazyTab(build func() fyne.CanvasObject) *lazyTab {
	return &lazyTab{holder: container.NewStack(), build: build}
}

// showIn builds the content if tabs shows this tab and it is not built.
func (l *lazyTab) showIn(tabs *container.AppTabs) {
	if l.build == nil || tabs.Selected() == nil || tabs.Selected().Content != l.holder {
		return
	}
	build := l.build
	l.build = nil
	l.holder.Objects = []fyne.CanvasObject{build()}
	l.holder.Refresh()
}
