//go:build darwin

package data

import (
	"strings"
	"syscall"
)

func isRemoteFS(dir string) (bool, string) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false, ""
	}
	var b strings.Builder
	for _, c := range st.Fstypename {
		if c == 0 {
			break
		}
		b.WriteByte(byte(c))
	}
	switch kind := b.String(); kind {
	case "smbfs", "nfs", "afpfs", "webdav", "cifs", "ftp":
		return true, kind
	}
	return false, ""
}
