//go:build windows

package data

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"unsafe"
)

// clinicFolderSDDL is the folder's own rights, added to what it inherits
// from its parent (no P flag, so inheritance stays on): every Windows
// user of the PC may read and change what is in it (Modify, 0x1301bf),
// SYSTEM and Administrators everything; each reaches files and folders
// made inside (OICI). Without it, a folder made under %ProgramData% by the
// first user to start ClinicDesk would be read-only to everyone else, and
// one clinic per PC means every receptionist's login writes the file.
// The MSI gives the folder it makes the same rights.
const clinicFolderSDDL = "D:(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;BU)"

// MakeClinicFolder makes the folder a new clinic file goes in, with
// clinicFolderSDDL on the folder itself (folders above it are made as
// Windows would). A folder already there is left as it is: the installer
// or the IT person set its rights.
func MakeClinicFolder(dir string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if st, err := os.Stat(abs); err == nil {
		if !st.IsDir() {
			return fmt.Errorf("%s is a file, not a folder", abs)
		}
		return nil
	}
	if parent := filepath.Dir(abs); parent != abs {
		if err := os.MkdirAll(parent, 0o700); err != nil {
			return err
		}
	}
	sa, free, err := clinicFolderSecurity()
	if err != nil {
		return err
	}
	defer free()
	p, err := syscall.UTF16PtrFromString(abs)
	if err != nil {
		return err
	}
	if err := syscall.CreateDirectory(p, sa); err != nil {
		if st, serr := os.Stat(abs); serr == nil && st.IsDir() {
			return nil // made by another copy just now
		}
		return &fs.PathError{Op: "mkdir", Path: abs, Err: err}
	}
	return nil
}

// clinicFolderSecurity turns clinicFolderSDDL into the attributes
// CreateDirectory takes; free gives the memory back.
func clinicFolderSecurity() (*syscall.SecurityAttributes, func(), error) {
	proc := syscall.NewLazyDLL("advapi32.dll").NewProc("ConvertStringSecurityDescriptorToSecurityDescriptorW")
	if err := proc.Find(); err != nil {
		return nil, nil, err
	}
	sddl, err := syscall.UTF16PtrFromString(clinicFolderSDDL)
	if err != nil {
		return nil, nil, err
	}
	var sd uintptr
	const sddlRevision1 = 1
	ok, _, callErr := proc.Call(uintptr(unsafe.Pointer(sddl)), sddlRevision1, uintptr(unsafe.Pointer(&sd)), 0)
	if ok == 0 {
		if callErr == nil {
			callErr = errors.New("the security descriptor was refused")
		}
		return nil, nil, fmt.Errorf("set the clinic folder's rights: %w", callErr)
	}
	sa := &syscall.SecurityAttributes{SecurityDescriptor: sd}
	sa.Length = uint32(unsafe.Sizeof(*sa))
	return sa, func() { syscall.LocalFree(syscall.Handle(sd)) }, nil
}
