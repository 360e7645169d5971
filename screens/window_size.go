package screens

import "fyne.io/fyne/v2"

// The window keeps the size it was last closed at, per Windows or Mac user
// (Fyne's preferences, beside the user's settings, not in the clinic
// file): a receptionist who made it fill a large screen once does not do
// it again every morning. Fyne has no "maximised" to ask for; the first
// start fits a 1366×768 desk screen with its taskbar.
const (
	windowWidthKey  = "windowWidth"
	windowHeightKey = "windowHeight"
)

var (
	firstWindowSize = fyne.NewSize(1120, 680)
	// Sizes outside these are not kept: too small to work in, or left
	// over from a bigger screen than any desk has (the window would hang
	// off the edge with its buttons out of reach).
	smallestKeptSize = fyne.NewSize(800, 560)
	largestKeptSize  = fyne.NewSize(3840, 2160)
)

// keptSize is a size worth keeping or restoring.
func keptSize(s fyne.Size) bool {
	return s.Width >= smallestKeptSize.Width && s.Height >= smallestKeptSize.Height &&
		s.Width <= largestKeptSize.Width && s.Height <= largestKeptSize.Height
}

// restoreWindowSize gives the window the size it was closed at, or the
// first-start size.
func (u *UI) restoreWindowSize() {
	p := u.app.Preferences()
	s := fyne.NewSize(float32(p.Float(windowWidthKey)), float32(p.Float(windowHeightKey)))
	if !keptSize(s) {
		s = firstWindowSize
	}
	u.win.Resize(s)
}

// rememberWindowSize keeps the window's size for the next start.
func (u *UI) rememberWindowSize() {
	s := u.win.Canvas().Size()
	if !keptSize(s) {
		return
	}
	p := u.app.Preferences()
	p.SetFloat(windowWidthKey, float64(s.Width))
	p.SetFloat(windowHeightKey, float64(s.Height))
}
