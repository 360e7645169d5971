//go:build windows

package data

import (
	"path/filepath"
	"syscall"
	"unsafe"
)

const driveRemote = 4 // DRIVE_REMOTE from GetDriveTypeW

func isRemoteFS(dir string) (bool, string) {
	vol := filepath.VolumeName(dir)
	if vol == "" {
		return false, ""
	}
	root, err := syscall.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false, ""
	}
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetDriveTypeW")
	t, _, _ := proc.Call(uintptr(unsafe.Pointer(root)))
	if t == driveRemote {
		return true, "mapped network drive " + vol
	}
	return false, ""
}
