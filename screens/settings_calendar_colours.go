package screens

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// setupColour is one colour a clinician or appointment type can have.
type setupColour struct{ Name, Hex string }

// setupPalette is Paul Tol's "muted" scheme with two of his "bright"
// colours: told apart by people with the common kinds of colour
// blindness, and soft enough to sit behind text in the diary.
var setupPalette = []setupColour{
	{"Indigo", "#332288"}, {"Blue", "#4477AA"}, {"Cyan", "#88CCEE"}, {"Teal", "#44AA99"},
	{"Green", "#117733"}, {"Olive", "#999933"}, {"Sand", "#DDCC77"}, {"Orange", "#EE7733"},
	{"Rose", "#CC6677"}, {"Wine", "#882255"}, {"Purple", "#AA4499"},
}

// setupColourName is the palette's name for hex, "" for a colour set
// some other way (an import, the command line).
func setupColourName(hex string) string {
	for _, c := range setupPalette {
		if strings.EqualFold(c.Hex, hex) {
			return c.Name
		}
	}
	return ""
}

// setupUnusedColour is the first palette colour nobody in used has, so
// new clinicians and types start out different from the others.
func setupUnusedColour(used []string) string {
	for _, c := range setupPalette {
		taken := false
		for _, u := range used {
			taken = taken || strings.EqualFold(u, c.Hex)
		}
		if !taken {
			return c.Hex
		}
	}
	return setupPalette[len(used)%len(setupPalette)].Hex
}

// setupParseColour reads "#rrggbb"; anything else is nil (no colour).
func setupParseColour(hex string) color.Color {
	if len(hex) != 7 || hex[0] != '#' {
		return nil
	}
	v, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return nil
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// setupColourChooser is a row of swatches to pick from, with the chosen
// colour's name beside them. Swatches take the keyboard focus and are
// chosen with Space or Enter.
type setupColourChooser struct {
	widget.BaseWidget
	selected string // "#rrggbb"
	swatches []*setupSwatch
	name     *widget.Label
	content  *fyne.Container
}

func newSetupColourChooser(selected string) *setupColourChooser {
	c := &setupColourChooser{name: widget.NewLabel("")}
	colours := setupPalette
	if selected != "" && setupColourName(selected) == "" && setupParseColour(selected) != nil {
		// A colour from elsewhere stays choosable, so saving does not change it.
		colours = append([]setupColour{{"Current colour", strings.ToUpper(selected)}}, colours...)
	}
	row := container.NewHBox()
	for _, col := range colours {
		s := newSetupSwatch(col, c.choose)
		c.swatches = append(c.swatches, s)
		row.Add(s)
	}
	row.Add(c.name)
	c.content = row
	c.ExtendBaseWidget(c)
	c.choose(selected)
	return c
}

func (c *setupColourChooser) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.content)
}

// choose selects the colour hex.
func (c *setupColourChooser) choose(hex string) {
	c.selected = ""
	for _, s := range c.swatches {
		on := strings.EqualFold(s.colour.Hex, hex)
		if on {
			c.selected = s.colour.Hex
			c.name.SetText(s.colour.Name)
		}
		if s.selected != on {
			s.selected = on
			s.Refresh()
		}
	}
	if c.selected == "" {
		c.name.SetText("No colour chosen")
	}
}

// Selected is the chosen colour as "#rrggbb", "" if none.
func (c *setupColourChooser) Selected() string { return c.selected }

// setupSwatch is one colour to tap: a rounded square, ringed when chosen.
type setupSwatch struct {
	widget.BaseWidget
	colour   setupColour
	selected bool
	focused  bool
	onChoose func(hex string)
}

const setupSwatchSize = 26

func newSetupSwatch(c setupColour, onChoose func(string)) *setupSwatch {
	s := &setupSwatch{colour: c, onChoose: onChoose}
	s.ExtendBaseWidget(s)
	return s
}

func (s *setupSwatch) Tapped(*fyne.PointEvent) { s.onChoose(s.colour.Hex) }

func (s *setupSwatch) FocusGained() { s.focused = true; s.Refresh() }
func (s *setupSwatch) FocusLost()   { s.focused = false; s.Refresh() }
func (s *setupSwatch) TypedRune(r rune) {
	if r == ' ' {
		s.onChoose(s.colour.Hex)
	}
}

func (s *setupSwatch) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter || k.Name == fyne.KeySpace {
		s.onChoose(s.colour.Hex)
	}
}

func (s *setupSwatch) MinSize() fyne.Size {
	return fyne.NewSquareSize(setupSwatchSize + 8)
}

func (s *setupSwatch) CreateRenderer() fyne.WidgetRenderer {
	fill := canvas.NewRectangle(setupParseColour(s.colour.Hex))
	fill.CornerRadius = 4
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = 2
	ring.CornerRadius = 6
	r := &setupSwatchRenderer{s: s, fill: fill, ring: ring}
	r.Refresh()
	return r
}

type setupSwatchRenderer struct {
	s          *setupSwatch
	fill, ring *canvas.Rectangle
}

func (r *setupSwatchRenderer) Layout(size fyne.Size) {
	r.ring.Resize(size)
	r.ring.Move(fyne.NewPos(0, 0))
	inset := float32(4)
	r.fill.Resize(fyne.NewSize(size.Width-2*inset, size.Height-2*inset))
	r.fill.Move(fyne.NewPos(inset, inset))
}

func (r *setupSwatchRenderer) MinSize() fyne.Size { return r.s.MinSize() }

func (r *setupSwatchRenderer) Refresh() {
	th := theme.CurrentForWidget(r.s)
	v := fyne.CurrentApp().Settings().ThemeVariant()
	switch {
	case r.s.selected:
		r.ring.StrokeColor = th.Color(theme.ColorNameForeground, v)
	case r.s.focused:
		r.ring.StrokeColor = th.Color(theme.ColorNameFocus, v)
	default:
		r.ring.StrokeColor = color.Transparent
	}
	r.ring.StrokeWidth = 2
	if r.s.selected && r.s.focused {
		r.ring.StrokeWidth = 3
	}
	r.ring.Refresh()
	r.fill.Refresh()
}

func (r *setupSwatchRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.ring, r.fill}
}
func (r *setupSwatchRenderer) Destroy() {}

// setupSwatchCell is a small square of colour for a list row.
func setupSwatchCell() fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.CornerRadius = 3
	r.SetMinSize(fyne.NewSquareSize(16))
	return container.NewCenter(r)
}

// setSetupSwatchCell colours a cell made by setupSwatchCell.
func setSetupSwatchCell(o fyne.CanvasObject, hex string) {
	r := o.(*fyne.Container).Objects[0].(*canvas.Rectangle)
	if c := setupParseColour(hex); c != nil {
		r.FillColor = c
	} else {
		r.FillColor = color.Transparent
	}
	r.Refresh()
}
