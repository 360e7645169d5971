//go:build linux

package data

import (
	"fmt"
	"syscall"
)

// Filesystem magic numbers from statfs(2).
var remoteFSTypes = map[int64]string{
	0x6969:     "NFS",
	0x517B:     "SMB",
	0xFF534D42: "CIFS",
	0xFE534D42: "SMB2",
	0x65735546: "FUSE", // sshfs and friends
	0x564C:     "NCP",
	0x01021997: "9P",
	0x6B414653: "AFS",
	0x73757245: "Coda",
}

func isRemoteFS(path string) (bool, string, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return false, "", fmt.Errorf("statfs %s: %w", path, err)
	}
	kind, ok := remoteFSTypes[int64(st.Type)]
	return ok, kind, nil
}
