//go:build windows

package data

import (
	"fmt"
	"path/filepath"
	"syscall"
	"unsafe"
)

// Drive types from GetDriveTypeW.
const (
	driveUnknown   = 0
	driveNoRootDir = 1
	driveRemote    = 4
)

func isRemoteFS(path string) (bool, string, error) {
	vol := filepath.VolumeName(path)
	if vol == "" {
		return false, "", fmt.Errorf("%s has no drive letter", path)
	}
	root, err := syscall.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false, "", err
	}
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetDriveTypeW")
	if err := proc.Find(); err != nil {
		return false, "", err
	}
	t, _, _ := proc.Call(uintptr(unsafe.Pointer(root)))
	switch t {
	case driveRemote:
		return true, "mapped network drive " + vol, nil
	case driveUnknown, driveNoRootDir:
		return false, "", fmt.Errorf("Windows does not know the drive %s", vol)
	}
	return false, "", nil
}
