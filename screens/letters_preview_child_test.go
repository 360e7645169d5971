package screens

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// The editor can preview a letter for the made-up child: the greeting is
// to her father and the wording about her; the adult example is unchanged.
func TestTemplatePreviewForTheExampleChild(t *testing.T) {
	c := tcClinic(t)
	tpHoldResults(t)
	tab, _ := ltTab(t, c)
	tpIdle(t)
	for i, lt := range tab.templates {
		if lt.Name == "appointment_confirmation" {
			tab.list.Select(i)
		}
	}
	tpIdle(t)
	if got := tab.previewFor.Options; len(got) != 2 || got[1] != exampleChild {
		t.Fatalf("preview choices: %q", got)
	}
	tab.showPreview()
	tpIdle(t)
	if s := tab.preview.String(); !strings.Contains(s, "Dear Ms Price,") || !strings.Contains(s, "This letter confirms your appointment") {
		t.Fatalf("the adult example: %q", s)
	}
	tab.previewFor.SetSelectedIndex(1)
	tab.showPreview()
	tpIdle(t)
	s := tab.preview.String()
	for _, want := range []string{"Ruby's appointment on Tuesday 1 December 2026", "Dear Mr Price,", "This letter confirms Ruby's appointment with us.",
		"Please bring Ruby a few minutes early"} {
		if !strings.Contains(s, want) {
			t.Errorf("the child example lacks %q: %q", want, s)
		}
	}
	if dir := os.Getenv("CLINICDESK_SCREENS_OUT"); dir != "" {
		tab.ctx.Window.Resize(fyne.NewSize(1280, 1400))
		tpIdle(t)
		if f, err := os.Create(filepath.Join(dir, "template-preview-child.png")); err == nil {
			png.Encode(f, tab.ctx.Window.Canvas().Capture())
			f.Close()
		}
	}
}
