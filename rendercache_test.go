package main

import (
	"os"
	"testing"
	"time"
	_ "unsafe" // for go:linkname
)

// fyneRendererExpiry is Fyne's own reading of FYNE_CACHE, taken in its
// package's init: the only proof that screens/rendercache's ran first.
//
//go:linkname fyneRendererExpiry fyne.io/fyne/v2/internal/cache.ValidDuration
var fyneRendererExpiry time.Duration

// The window drops the drawing state of screens it left after seconds,
// not Fyne's default minute (main.go imports screens/rendercache).
func TestFyneDropsRenderersOfLeftScreensSooner(t *testing.T) {
	set, err := time.ParseDuration(os.Getenv("FYNE_CACHE"))
	if err != nil {
		t.Fatalf("FYNE_CACHE is %q: main no longer imports screens/rendercache", os.Getenv("FYNE_CACHE"))
	}
	if fyneRendererExpiry != set || set >= time.Minute {
		t.Fatalf("Fyne keeps renderers for %v (FYNE_CACHE %v): its cache read the variable before rendercache set it", fyneRendererExpiry, set)
	}
}
