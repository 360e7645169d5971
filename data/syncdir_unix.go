//go:build !windows

package data

import "os"

// syncDir makes a rename durable: on Unix the folder entry must be fsynced.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
