package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// mix blends a into b: 0 is all b, 1 is all a. Tints are mixed into the
// theme's own background so they read in the light and the dark theme.
func mix(a, b color.Color, amount float32) color.NRGBA {
	if a == nil {
		a = b
	}
	ca := color.NRGBAModel.Convert(a).(color.NRGBA)
	cb := color.NRGBAModel.Convert(b).(color.NRGBA)
	ch := func(x, y uint8) uint8 { return uint8(float32(x)*amount + float32(y)*(1-amount) + 0.5) }
	return color.NRGBA{R: ch(ca.R, cb.R), G: ch(ca.G, cb.G), B: ch(ca.B, cb.B), A: 0xff}
}

// withAlpha is c at the opacity given (0–1).
func withAlpha(c color.Color, alpha float32) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(float32(n.A)*alpha + 0.5)
	return n
}

// palette is the theme's colours the grid draws with, looked up once per
// refresh rather than once per object.
type palette struct {
	background, foreground, secondary, muted     color.Color
	separator, banner                            color.Color
	shade, closed, hover, focus, overlay         color.Color
	primary, onPrimary, danger, success, warning color.Color
	nameSize, detailSize                         float32
}

func paletteFor(w fyne.Widget) palette {
	th := theme.CurrentForWidget(w)
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	bg, fg := c(theme.ColorNameBackground), c(theme.ColorNameForeground)
	return palette{
		background: bg,
		foreground: fg,
		secondary:  mix(fg, bg, 0.8),
		muted:      mix(fg, bg, 0.62),
		banner:     mix(c(theme.ColorNameWarning), fg, 0.7),
		separator:  mix(fg, bg, 0.16),
		shade:      mix(fg, bg, 0.07),
		closed:     mix(c(theme.ColorNameWarning), bg, 0.12),
		hover:      c(theme.ColorNameHover),
		focus:      c(theme.ColorNamePrimary),
		overlay:    c(theme.ColorNameOverlayBackground),
		primary:    c(theme.ColorNamePrimary),
		onPrimary:  c(theme.ColorNameForegroundOnPrimary),
		danger:     c(theme.ColorNameError),
		success:    c(theme.ColorNameSuccess),
		warning:    c(theme.ColorNameWarning),
		nameSize:   th.Size(theme.SizeNameText) - 1,
		detailSize: th.Size(theme.SizeNameCaptionText) + 0.5,
	}
}

// blockFill is a block's background: the type's colour softened into the
// background, so the black (or white) text on it stays easy to read.
func (p palette) blockFill(b Block) color.Color {
	switch b.Status {
	case StatusCancelled:
		return p.shade
	case StatusSeen:
		return mix(b.Colour, p.background, 0.14) // done: quieter than what is still to come
	}
	return mix(b.Colour, p.background, 0.28)
}

// blockBar is the strip down a block's left edge in the type's own colour.
func (p palette) blockBar(b Block) color.Color {
	if b.Colour == nil || b.Status == StatusCancelled {
		return p.muted
	}
	return b.Colour
}

// statusIcon is the picture for a status, coloured for its meaning.
// Booked has none: it is what most blocks are, and a quiet grid reads faster.
func statusIcon(s Status) fyne.Resource {
	switch s {
	case StatusArrived:
		return theme.NewColoredResource(theme.LoginIcon(), theme.ColorNamePrimary)
	case StatusInProgress:
		return theme.NewColoredResource(theme.MediaPlayIcon(), theme.ColorNamePrimary)
	case StatusSeen:
		return theme.NewColoredResource(theme.ConfirmIcon(), theme.ColorNameSuccess)
	case StatusDNA:
		return theme.NewColoredResource(theme.VisibilityOffIcon(), theme.ColorNameError)
	case StatusCancelled:
		return theme.NewColoredResource(theme.CancelIcon(), theme.ColorNameDisabled)
	}
	return nil
}
