package screens

import (
	"testing"

	"fyne.io/fyne/v2/canvas"
)

// Every logo shares one small picture: decoding the 512-pixel, 16-bit
// icon for each (every sign-in and unlock) held 2 MB a logo.
func TestDoorLogosShareOnePictureAtLogoSize(t *testing.T) {
	a, b := doorLogo(28).(*canvas.Image), doorLogo(64).(*canvas.Image)
	if a.Image == nil || a.Image != b.Image || a.Resource != nil {
		t.Fatalf("each logo has its own picture (or decodes the icon): %p %p %v", a.Image, b.Image, a.Resource)
	}
	if r := a.Image.Bounds(); r.Dx() != doorLogoSide || r.Dy() != doorLogoSide {
		t.Fatalf("the logo's picture is %v, want %d pixels square", r, doorLogoSide)
	}
	if _, _, _, alpha := a.Image.At(doorLogoSide/2, doorLogoSide/2).RGBA(); alpha == 0 {
		t.Fatal("the logo's picture is empty: the icon did not decode")
	}
}
