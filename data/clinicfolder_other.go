//go:build !windows

package data

import "os"

// MakeClinicFolder makes the folder a new clinic file goes in. On macOS
// and Linux the clinic belongs to one login, so the folder is private to
// it.
func MakeClinicFolder(dir string) error { return os.MkdirAll(dir, 0o700) }
