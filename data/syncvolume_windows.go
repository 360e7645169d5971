//go:build windows

package data

import (
	"path/filepath"
	"strings"
	"syscall"
	"unsafe"
)

// syncVolumeOf names Google Drive when path is on the drive letter Google
// Drive for desktop makes (G: by default), whose file system calls itself
// DriveFS; folder names there need not say "Google Drive".
func syncVolumeOf(path string) string {
	vol := filepath.VolumeName(path)
	if vol == "" {
		return ""
	}
	root, err := syscall.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return ""
	}
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetVolumeInformationW")
	if proc.Find() != nil {
		return ""
	}
	var fsName [64]uint16
	ok, _, _ := proc.Call(uintptr(unsafe.Pointer(root)), 0, 0, 0, 0, 0,
		uintptr(unsafe.Pointer(&fsName[0])), uintptr(len(fsName)))
	if ok == 0 {
		return ""
	}
	if strings.EqualFold(syscall.UTF16ToString(fsName[:]), "DriveFS") {
		return "Google Drive"
	}
	return ""
}
