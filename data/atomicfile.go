package data

import (
	"os"
	"path/filepath"
)

// writeAtomic replaces the file at path with b so that at every instant
// it is whole, old or new: a temp file beside it (owner-only), fsync,
// rename over, fsync the folder. The keyring, its mirror, the audit
// anchor and the restore journal are all written this way.
func writeAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	return syncDir(dir)
}
