//go:build darwin

package data

import (
	"fmt"
	"strings"
	"syscall"
)

func isRemoteFS(path string) (bool, string, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return false, "", fmt.Errorf("statfs %s: %w", path, err)
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
		return true, kind, nil
	case "":
		return false, "", fmt.Errorf("the disk holding %s did not say what kind it is", path)
	}
	return false, "", nil
}
