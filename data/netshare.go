package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// remoteFS says whether the file or folder at a real (symlink-free) path
// lives on a network filesystem, and which kind. It is a variable so tests
// can play a network share or a statfs that fails.
var remoteFS = isRemoteFS

// RefuseNetworkShare stops a clinic file being opened on a network drive:
// SQLite's locking is unreliable over SMB and NFS, and a dropped
// connection in the middle of a write can corrupt the file.
//
// The check is made on where the file really is, with every symlink
// followed (a link on this disk to a file on a share is on the share), and
// it fails closed: a disk whose kind cannot be read is refused, not waved
// through.
func RefuseNetworkShare(dbPath string) error {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return fmt.Errorf("the clinic file's path %s cannot be read: %w", dbPath, err)
	}
	given, plain := classifyWindowsPath(abs)
	if err := refuseKind(given, abs, ""); err != nil {
		return err
	}
	resolved, err := realPath(plain)
	if err != nil {
		return fmt.Errorf("ClinicDesk cannot tell where the clinic file %s really is (%v), so it will not open it: keep it in an ordinary folder on this PC's own disk", abs, err)
	}
	realKind, real := classifyWindowsPath(resolved)
	shown := real // named beside the path given when a link leads elsewhere
	if real == plain {
		shown = ""
	}
	if err := refuseKind(realKind, abs, shown); err != nil {
		return err
	}
	remote, kind, err := remoteFS(existingPart(real))
	if err != nil {
		return fmt.Errorf("ClinicDesk cannot tell what kind of disk the clinic file %s is on (%v), so it will not open it: a network drive can corrupt the file. Keep it on this PC's own disk", describe(abs, shown), err)
	}
	if remote {
		return networkShareError(abs, shown, "network drive ("+kind+")")
	}
	return nil
}

// refuseKind turns away shares and devices named by their spelling.
func refuseKind(kind winPathKind, abs, real string) error {
	switch kind {
	case winShare:
		return networkShareError(abs, real, "network share")
	case winDevice:
		return fmt.Errorf("%s is a Windows device name, not a folder: keep the clinic file in an ordinary folder on this PC's own disk, such as C:\\ProgramData\\ClinicDesk", describe(abs, real))
	}
	return nil
}

func networkShareError(abs, real, what string) error {
	return fmt.Errorf("the clinic file %s is on a %s: keep it on this PC's own disk (ClinicDesk backs it up to a folder of your choice)", describe(abs, real), what)
}

// describe names the path as given and, when a link leads elsewhere, where
// it really is.
func describe(abs, real string) string {
	if real == "" || real == abs {
		return abs
	}
	return abs + " (really " + real + ")"
}

// realPath follows every symlink in abs, including a last one that points
// at a file not made yet, and returns the path it leads to. Parts that do
// not exist yet are kept as they are.
func realPath(abs string) (string, error) {
	return resolve(abs, 0)
}

func resolve(p string, depth int) (string, error) {
	if depth > 40 {
		return "", errors.New("too many links")
	}
	st, err := os.Lstat(p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		parent := filepath.Dir(p)
		if parent == p {
			return p, nil
		}
		r, err := resolve(parent, depth)
		if err != nil {
			return "", err
		}
		return filepath.Join(r, filepath.Base(p)), nil
	case err != nil:
		return "", err
	case st.Mode()&fs.ModeSymlink != 0:
		target, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(p), target)
		}
		return resolve(target, depth+1)
	}
	return filepath.EvalSymlinks(p)
}

// existingPart is the nearest part of a real path that exists: the file
// itself, or the folder it would be made in.
func existingPart(p string) string {
	for {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(p)
		if parent == p {
			return p
		}
		p = parent
	}
}
