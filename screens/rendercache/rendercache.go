// Package rendercache shortens how long Fyne keeps the drawing state of
// widgets no longer on screen, before Fyne reads the setting.
//
// Fyne keeps every widget's renderer for FYNE_CACHE after it was last
// drawn (one minute by default), and reads that variable once, in its
// own package's init. A receptionist crossing five screens in a minute
// kept the renderers of all five: about a third of the window's Go heap
// after the bench's scripted day. Twelve seconds frees a screen's
// renderers 12 to 22 s after it is left (Fyne sweeps every 10 s): in the
// bench's scripted day the window's Go memory was 80 MB at 20 s, 66 MB
// at 12 s and 62 MB at 5 s. Below about 12 s an idle window re-marks what
// it shows on every frame (Fyne walks the screen when a renderer has
// less than 10 s to live); at 12 s it walks every 2 s, which costs
// nothing a desk would notice, and a screen revisited within 12 s is
// still drawn from its cache.
//
// This package imports nothing of Fyne's, so Go (1.21 on) initialises it
// before fyne.io/fyne/v2/internal/cache: packages are initialised in
// import-path order once their imports are, and "clinicdesk/…" sorts
// before "fyne.io/…". main imports it for that effect alone; a test in
// main checks Fyne took the value.
package rendercache

import (
	"os"
	"time"
)

// Expiry is how long a renderer outlives its last drawing.
const Expiry = "12s"

// ExpiryDuration is Expiry as a duration: what Fyne took, unless
// FYNE_CACHE was set before the program started.
func ExpiryDuration() time.Duration {
	d, err := time.ParseDuration(os.Getenv("FYNE_CACHE"))
	if err != nil {
		d, _ = time.ParseDuration(Expiry)
	}
	return d
}

func init() {
	// Whoever set FYNE_CACHE themselves keeps their value.
	if os.Getenv("FYNE_CACHE") == "" {
		os.Setenv("FYNE_CACHE", Expiry)
	}
}
