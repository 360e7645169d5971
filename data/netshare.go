package data

import (
	"fmt"
	"path/filepath"
	"strings"
)

// RefuseNetworkShare stops a clinic file being opened on a network drive:
// SQLite's locking is unreliable over SMB and NFS, and a dropped
// connection in the middle of a write can corrupt the file.
func RefuseNetworkShare(dbPath string) error {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return err
	}
	if isUNCPath(abs) {
		return fmt.Errorf("the clinic file %s is on a network share: keep it on this PC's own disk (ClinicDesk backs it up to a folder of your choice)", abs)
	}
	remote, kind := isRemoteFS(filepath.Dir(abs))
	if remote {
		return fmt.Errorf("the clinic file %s is on a network drive (%s): keep it on this PC's own disk (ClinicDesk backs it up to a folder of your choice)", abs, kind)
	}
	return nil
}

// isUNCPath spots Windows \\server\share paths (and //server/share).
func isUNCPath(p string) bool {
	return strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, `//`)
}
