package screens

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The editor's preview shows typed text as the letter prints it: set off
// as a quote, without the "> " mark; and it refuses typed text put inside
// a sentence, saying how to set it off.
func TestTemplatePreviewShowsTypedTextSetOff(t *testing.T) {
	c := tcClinic(t)
	tpHoldResults(t)
	tab, _ := ltTab(t, c)
	tpIdle(t)
	for i, lt := range tab.templates {
		if lt.Name == "appointment_cancelled" {
			tab.list.Select(i)
		}
	}
	tpIdle(t)
	tab.showPreview()
	tpIdle(t)
	var quote *widget.TextSegment
	for _, s := range tab.preview.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style == previewSetOffStyle {
			quote = ts
		}
	}
	if quote == nil || quote.Text != previewSetOffIndent+"Your physiotherapist is unwell." || quote.Style.Inline {
		t.Fatalf("no set-off reason in the preview: %q", tab.preview.String())
	}
	if strings.Contains(tab.preview.String(), "> ") || !strings.Contains(tab.preview.String(), "We have noted this reason for the cancellation:") {
		t.Errorf("preview: %q", tab.preview.String())
	}
	if dir := os.Getenv("CLINICDESK_SCREENS_OUT"); dir != "" {
		tab.ctx.Window.Resize(fyne.NewSize(1280, 2000))
		tpIdle(t)
		if f, err := os.Create(filepath.Join(dir, "template-preview.png")); err == nil {
			png.Encode(f, tab.ctx.Window.Canvas().Capture())
			f.Close()
		}
	}

	tab.body.SetText("Your appointment is cancelled. This is because {{appointment.cancel_reason}}.\n")
	tab.showPreview()
	tpIdle(t)
	if !tab.problem.Visible() || !strings.Contains(tab.problem.Text, "typed by staff") || !strings.Contains(tab.problem.Text, `"> "`) {
		t.Errorf("typed text inside a sentence: %v %q", tab.problem.Visible(), tab.problem.Text)
	}
}
