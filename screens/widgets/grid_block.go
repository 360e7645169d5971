package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// Inside a block, in Fyne units.
const (
	blockBarWidth float32 = 4 // the type's colour down the left edge
	blockPad      float32 = 4
	badgeGap      float32 = 3
)

// blockView is the canvas objects of one block on the grid. Views are
// pooled by the renderer and handed new blocks as the day changes; one
// only touches its objects when what it shows or where has changed.
type blockView struct {
	bg, bar          *canvas.Rectangle
	icon             *canvas.Image
	name, line2      *fittedText
	line3            *fittedText
	alertBg, aisBg   *canvas.Rectangle
	alertMark, aisMk *canvas.Text
	objects          []fyne.CanvasObject

	shown     Block
	pos       fyne.Position
	size      fyne.Size
	paletteID int // the palette generation last drawn with; 0 is never
}

func newBlockView() *blockView {
	v := &blockView{
		bg:        canvas.NewRectangle(nil),
		bar:       canvas.NewRectangle(nil),
		icon:      canvas.NewImageFromResource(nil),
		name:      newFittedText(12, fyne.TextStyle{Bold: true}),
		line2:     newFittedText(11, fyne.TextStyle{}),
		line3:     newFittedText(11, fyne.TextStyle{}),
		alertBg:   canvas.NewRectangle(nil),
		aisBg:     canvas.NewRectangle(nil),
		alertMark: canvas.NewText("!", nil),
		aisMk:     canvas.NewText("AIS", nil),
	}
	v.bg.CornerRadius = 4
	v.icon.FillMode = canvas.ImageFillContain
	v.alertBg.CornerRadius, v.aisBg.CornerRadius = 3, 3
	v.alertMark.TextStyle.Bold, v.aisMk.TextStyle.Bold = true, true
	v.alertMark.Alignment, v.aisMk.Alignment = fyne.TextAlignCenter, fyne.TextAlignCenter
	v.objects = []fyne.CanvasObject{v.bg, v.bar, v.icon, v.name.Text, v.line2.Text, v.line3.Text,
		v.alertBg, v.alertMark, v.aisBg, v.aisMk}
	return v
}

// update shows b at pos and size; nothing is redrawn when nothing changed.
func (v *blockView) update(b Block, pos fyne.Position, size fyne.Size, p *palette, paletteID int) {
	if v.paletteID == paletteID && v.pos == pos && v.size == size && sameBlock(v.shown, b) {
		return
	}
	restyle := v.paletteID != paletteID
	statusChanged := v.paletteID == 0 || v.shown.Status != b.Status
	v.shown, v.pos, v.size, v.paletteID = b, pos, size, paletteID
	if restyle {
		v.style(p)
	}
	if statusChanged || restyle {
		v.icon.Resource = statusIcon(b.Status)
		v.icon.Refresh()
	}

	v.bg.FillColor = p.blockFill(b)
	v.bar.FillColor = p.blockBar(b)
	textColour := p.foreground
	if b.Status == StatusCancelled {
		textColour = p.muted
	}
	v.name.Color, v.line2.Color, v.line3.Color = textColour, textColour, p.secondary
	v.name.TextStyle.Strikethrough = b.Status == StatusCancelled

	v.bg.Show()
	v.bar.Show()
	v.bg.Move(pos)
	v.bg.Resize(size)
	v.bar.Move(pos)
	v.bar.Resize(fyne.NewSize(min(blockBarWidth, size.Width), size.Height))
	v.layoutText(b, pos, size, p)
	for _, o := range v.objects {
		o.Refresh()
	}
}

// sameBlock compares blocks; colours are interfaces, compared by value.
func sameBlock(a, b Block) bool { return a == b }

// style takes the theme's sizes and badge colours.
func (v *blockView) style(p *palette) {
	v.name.TextSize = p.nameSize
	v.line2.TextSize, v.line3.TextSize = p.detailSize, p.detailSize
	v.alertMark.TextSize, v.aisMk.TextSize = p.detailSize, p.detailSize-1
	v.alertBg.FillColor, v.alertMark.Color = p.danger, p.onPrimary
	v.aisBg.FillColor, v.aisMk.Color = p.primary, p.onPrimary
	v.name.forget()
	v.line2.forget()
	v.line3.forget()
}

// layoutText fills the block from the top: name with status icon and
// badges, then type and time, then status and detail, as many lines as
// its height allows. A block too short for a line is colour alone.
func (v *blockView) layoutText(b Block, pos fyne.Position, size fyne.Size, p *palette) {
	nameH := fyne.MeasureText("Ag", v.name.TextSize, v.name.TextStyle).Height
	detailH := fyne.MeasureText("Ag", v.line2.TextSize, v.line2.TextStyle).Height
	left := pos.X + blockBarWidth + blockPad
	right := pos.X + size.Width - blockPad
	top := pos.Y + max(0, min(2, (size.Height-nameH)/2))

	oneLine := size.Height >= nameH-2
	show := func(o fyne.CanvasObject, yes bool) {
		if yes {
			o.Show()
		} else {
			o.Hide()
		}
	}

	// Badges sit at the right of the first line; they go before the name
	// does when the block is narrow, except the alert, which always shows.
	badgeH := min(detailH, nameH-2)
	badgeY := top + (nameH-badgeH)/2
	showAlert := oneLine && b.Alert
	if showAlert {
		w := badgeH
		right -= w
		v.alertBg.Move(fyne.NewPos(right, badgeY))
		v.alertBg.Resize(fyne.NewSize(w, badgeH))
		v.alertMark.Move(fyne.NewPos(right, badgeY))
		v.alertMark.Resize(fyne.NewSize(w, badgeH))
		right -= badgeGap
	}
	show(v.alertBg, showAlert)
	show(v.alertMark, showAlert)
	aisW := fyne.MeasureText("AIS", v.aisMk.TextSize, v.aisMk.TextStyle).Width + 6
	showAIS := oneLine && b.AIS && right-aisW-left >= 40
	if showAIS {
		right -= aisW
		v.aisBg.Move(fyne.NewPos(right, badgeY))
		v.aisBg.Resize(fyne.NewSize(aisW, badgeH))
		v.aisMk.Move(fyne.NewPos(right, badgeY))
		v.aisMk.Resize(fyne.NewSize(aisW, badgeH))
		right -= badgeGap
	}
	show(v.aisBg, showAIS)
	show(v.aisMk, showAIS)

	nameX := left
	showIcon := oneLine && v.icon.Resource != nil && right-left >= 40
	if showIcon {
		s := nameH - 4
		v.icon.Move(fyne.NewPos(left, top+2))
		v.icon.Resize(fyne.NewSize(s, s))
		nameX += s + 3
	}
	show(v.icon, showIcon)

	v.name.set(b.Patient, max(0, right-nameX))
	v.name.Move(fyne.NewPos(nameX, top))
	v.name.Resize(fyne.NewSize(max(0, right-nameX), nameH))
	show(v.name.Text, oneLine)

	// Lower lines run the block's full width, under the badges.
	full := max(0, pos.X+size.Width-blockPad-left)
	y := top + nameH
	bottom := pos.Y + size.Height
	twoLines := oneLine && y+detailH <= bottom+1
	if twoLines {
		v.line2.set(b.Type+" · "+b.TimeRange(), full)
		v.line2.Move(fyne.NewPos(left, y))
		v.line2.Resize(fyne.NewSize(full, detailH))
		y += detailH
	}
	show(v.line2.Text, twoLines)

	third := statusLine(b)
	threeLines := twoLines && third != "" && y+detailH <= bottom+1
	if threeLines {
		v.line3.set(third, full)
		v.line3.Move(fyne.NewPos(left, y))
		v.line3.Resize(fyne.NewSize(full, detailH))
	}
	show(v.line3.Text, threeLines)
}

// cardLines is the card shown over a block on hover or under the
// keyboard's cursor: the name in full, born when, what and when, the
// status, then (from warnFrom on) the alerts and needs, so the desk can
// tell two patients of one name apart and see what to act on.
func cardLines(b Block) (lines []string, warnFrom int) {
	name := b.FullName
	if name == "" {
		name = b.Patient
	}
	lines = []string{name}
	if b.Born != "" {
		lines = append(lines, "Born "+b.Born)
	}
	lines = append(lines, b.Type+" · "+b.TimeRange())
	status := b.StatusWords()
	if b.Detail != "" {
		status += " · " + b.Detail
	}
	lines = append(lines, status)
	warnFrom = len(lines)
	if b.Alerts != "" {
		return append(lines, strings.Split(b.Alerts, "\n")...), warnFrom
	}
	// A screen that gave no words still says what the badges mean.
	if b.Alert {
		lines = append(lines, "Alert on the record")
	}
	if b.AIS {
		lines = append(lines, "Communication needs (AIS)")
	}
	return lines, warnFrom
}

// statusLine is a tall block's third line: the status when it is not
// plain booked, and the screen's detail.
func statusLine(b Block) string {
	var parts []string
	if b.Status != StatusBooked {
		parts = append(parts, b.StatusWords())
	}
	if b.Detail != "" {
		parts = append(parts, b.Detail)
	}
	return strings.Join(parts, " · ")
}

// hide takes the view off the grid while it waits in the pool.
func (v *blockView) hide() {
	if !v.bg.Visible() {
		return
	}
	for _, o := range v.objects {
		o.Hide()
	}
	v.paletteID = 0 // shown again, it draws afresh
}
