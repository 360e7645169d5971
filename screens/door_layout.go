package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// doorCentred puts content in a column at most width wide, centred in the
// window, scrolling when the window is too small.
func doorCentred(content fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewVScroll(container.New(&doorColumn{width: width, centreVertically: true}, container.NewPadded(content)))
}

// doorFramed lays out a header, a scrolling body and a footer in a column
// at most width wide: as tall as the body needs, centred in the window,
// but never taller than the window, so the footer's buttons stay in view
// and only the body scrolls. Objects: header, body scroll, footer.
type doorFramed struct {
	width float32
	body  fyne.CanvasObject // the scroll's content, for its natural height
}

func doorFrame(width float32, header fyne.CanvasObject, body fyne.CanvasObject, footer fyne.CanvasObject) fyne.CanvasObject {
	l := &doorFramed{width: width, body: body}
	return container.NewPadded(container.New(l, header, container.NewVScroll(body), footer))
}

func (l *doorFramed) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	h := objects[0].MinSize().Height + objects[2].MinSize().Height + 120 + 2*pad
	w := max(objects[0].MinSize().Width, objects[2].MinSize().Width, min(l.width, 320))
	return fyne.NewSize(w, h)
}

func (l *doorFramed) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	header, scroll, footer := objects[0], objects[1], objects[2]
	w := min(size.Width, l.width)
	x := (size.Width - w) / 2
	header.Resize(fyne.NewSize(w, header.MinSize().Height))
	hh := header.MinSize().Height
	footer.Resize(fyne.NewSize(w, footer.MinSize().Height))
	fh := footer.MinSize().Height
	l.body.Resize(fyne.NewSize(w, l.body.MinSize().Height)) // wrapped text settles at this width
	natural := l.body.MinSize().Height
	bodyH := min(natural, max(size.Height-hh-fh-2*pad, 60))
	total := hh + pad + bodyH + pad + fh
	y := max((size.Height-total)/3, 0)
	header.Move(fyne.NewPos(x, y))
	scroll.Move(fyne.NewPos(x, y+hh+pad))
	scroll.Resize(fyne.NewSize(w, bodyH))
	footer.Move(fyne.NewPos(x, y+hh+pad+bodyH+pad))
	header.Resize(fyne.NewSize(w, hh))
}

// doorLogo is the ClinicDesk icon at a given size.
func doorLogo(size float32) fyne.CanvasObject {
	img := canvas.NewImageFromImage(doorLogoPicture()) // decoded once (door_logo_picture.go)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(size))
	return img
}

// doorColumn lays out one object at most width wide, centred; vertically
// centred too when there is room. Once placed, the object keeps its top
// while it grows or shrinks (a message under a field appears or goes), so
// the field under the pointer does not move; only a new window size, or
// growth past the window's foot, places it afresh.
type doorColumn struct {
	width            float32
	centreVertically bool

	top    float32 // where the object was placed
	topFor float32 // the height it was placed in; 0 until placed
}

func (l *doorColumn) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		if o.Visible() {
			s = s.Max(o.MinSize())
		}
	}
	if s.Width < l.width {
		// Wrapped text reports a small width: ask for the full column so the
		// window does not squeeze it (the layout gives less when it must).
		s.Width = min(l.width, max(s.Width, 320))
	}
	return s
}

func (l *doorColumn) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		w := min(size.Width, l.width)
		w = max(w, min(o.MinSize().Width, size.Width))
		o.Resize(fyne.NewSize(w, o.MinSize().Height))
		h := o.MinSize().Height // wrapped text is taller once narrower
		y := float32(0)
		if l.centreVertically && h < size.Height {
			y = (size.Height - h) / 3
			if l.topFor == size.Height && l.top+h <= size.Height {
				y = l.top
			}
			l.top, l.topFor = y, size.Height
		}
		o.Resize(fyne.NewSize(w, max(h, 0)))
		o.Move(fyne.NewPos((size.Width-w)/2, y))
	}
}
