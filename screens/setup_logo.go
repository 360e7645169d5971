package screens

import (
	"bytes"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// doorMaxLogo matches what the clinic's details accept.
const doorMaxLogo = 2 << 20

func (s *setupScreen) onChooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		defer s.relayout() // a thumbnail or a message changes the page's height
		if err != nil {
			s.say(s.logoProblem, "ClinicDesk could not open that file. "+sentence(err.Error()), widget.DangerImportance)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, doorMaxLogo+1))
		if err != nil {
			s.say(s.logoProblem, "ClinicDesk could not read that file. "+sentence(err.Error()), widget.DangerImportance)
			return
		}
		s.setLogo(data)
	}, s.ui.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.SetTitleText("Choose the clinic's logo (PNG or JPEG)")
	d.SetConfirmText("Use this picture")
	showFileDialog(d, s.ui.win) // sized once shown: a file dialog has no size before
}

// setLogo checks the picture and shows it as a thumbnail.
func (s *setupScreen) setLogo(data []byte) {
	s.say(s.logoProblem, "", widget.DangerImportance)
	if len(data) > doorMaxLogo {
		s.say(s.logoProblem, "That picture is larger than 2 MB: choose a smaller one.", widget.DangerImportance)
		return
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		s.say(s.logoProblem, "That file is not a PNG or JPEG picture.", widget.DangerImportance)
		return
	}
	s.logo = data
	img := canvas.NewImageFromResource(fyne.NewStaticResource("logo."+format, data))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(setupLogoSize)
	s.logoBox.Objects = []fyne.CanvasObject{img}
	s.logoBox.Refresh()
	if s.removeLogoBtn != nil {
		s.removeLogoBtn.Show()
	}
}

func (s *setupScreen) onRemoveLogo() {
	s.logo = nil
	s.logoBox.Objects = []fyne.CanvasObject{setupNoLogo()}
	s.logoBox.Refresh()
	s.removeLogoBtn.Hide()
	s.say(s.logoProblem, "", widget.DangerImportance)
	s.relayout()
}
