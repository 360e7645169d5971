//go:build linux

package data

import "syscall"

// Filesystem magic numbers from statfs(2).
var remoteFS = map[int64]string{
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

func isRemoteFS(dir string) (bool, string) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false, ""
	}
	kind, ok := remoteFS[int64(st.Type)]
	return ok, kind
}
