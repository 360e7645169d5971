package data

import (
	"sync"
	"time"

	"clinicdesk/app/kdf"
)

// UnlockTarget is how long deriving a key from a password should take on
// the desk PC: slow enough that guessing a stolen keyring's passwords is
// expensive, quick enough not to annoy someone signing in.
const UnlockTarget = 500 * time.Millisecond

// maxKDFTime bounds the passes so a very slow first measurement (a busy
// machine) cannot make unlocking painful for years after.
const maxKDFTime = 40

// TunedKDF is DefaultKDF with its passes raised until one derivation takes
// about UnlockTarget on this machine. It is measured once per process; the
// parameters are stored with each keyring entry, so another PC still opens
// it.
var TunedKDF = sync.OnceValue(func() kdf.Params {
	p := kdf.Default
	// The first run pays for faulting in 64 MiB; time the second.
	deriveKEK([]byte("warm-up"), make([]byte, 16), p)
	start := time.Now()
	deriveKEK([]byte("calibration"), make([]byte, 16), p)
	elapsed := time.Since(start)
	if elapsed <= 0 {
		return p
	}
	passes := int(float64(p.Time) * float64(UnlockTarget) / float64(elapsed))
	if passes > maxKDFTime {
		passes = maxKDFTime
	}
	if passes > int(p.Time) {
		p.Time = uint32(passes)
	}
	return p
})
