package screens

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The window opens at the size it was closed at: made to fill a large
// screen once, it stays so. A size no desk could use is not kept.
func TestTheWindowOpensAtTheSizeItWasClosedAt(t *testing.T) {
	a := test.NewTempApp(t)
	opts := Options{DBPath: filepath.Join(t.TempDir(), "clinic.db"), idleTick: -1, Runner: tpHoldResults(t), backupTick: -1}

	first := New(a, opts)
	if got := first.Window().Canvas().Size(); got != firstWindowSize {
		t.Fatalf("the first start is %v, want %v", got, firstWindowSize)
	}
	first.Window().Resize(fyne.NewSize(1500, 900))
	first.requestClose()

	second := New(a, opts)
	if got := second.Window().Canvas().Size(); got != fyne.NewSize(1500, 900) {
		t.Fatalf("the next start is %v, want the 1500x900 it was closed at", got)
	}

	second.Window().Resize(fyne.NewSize(300, 200)) // shrunk to nothing by mistake
	second.requestClose()
	if got := New(a, opts).Window().Canvas().Size(); got != fyne.NewSize(1500, 900) {
		t.Fatalf("a window closed at 300x200 opened next at %v, not the last usable size", got)
	}
}
