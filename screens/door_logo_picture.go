package screens

import (
	"bytes"
	"image"
	"image/png"
	"sync"

	"clinicdesk/assets"

	"golang.org/x/image/draw"
)

// doorLogoSide is the logo's picture in pixels: the largest logo (64 on
// the sign-in screen) on a screen scaled to 200%.
const doorLogoSide = 128

// doorLogoPicture is the icon decoded once, at 8-bit colour and logo size.
// Shown from the PNG itself, each logo (a new one at every sign-in and
// unlock) decoded the 512-pixel, 16-bit icon again and kept its 2 MB
// until Fyne's caches let go: 12 MB of the window's memory after a day.
var doorLogoPicture = sync.OnceValue(func() image.Image {
	src, err := png.Decode(bytes.NewReader(assets.Icon))
	if err != nil {
		return image.NewNRGBA(image.Rect(0, 0, 1, 1))
	}
	dst := image.NewNRGBA(image.Rect(0, 0, doorLogoSide, doorLogoSide))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
})
