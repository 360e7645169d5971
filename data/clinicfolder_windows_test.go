//go:build windows

package data

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// folderSDDL reads a folder's DACL back as SDDL.
func folderSDDL(t *testing.T, dir string) string {
	t.Helper()
	advapi := syscall.NewLazyDLL("advapi32.dll")
	p, _ := syscall.UTF16PtrFromString(dir)
	const seFileObject, daclInfo = 1, 4
	var sd uintptr
	if rc, _, _ := advapi.NewProc("GetNamedSecurityInfoW").Call(uintptr(unsafe.Pointer(p)), seFileObject, daclInfo,
		0, 0, 0, 0, uintptr(unsafe.Pointer(&sd))); rc != 0 {
		t.Fatalf("GetNamedSecurityInfoW: %v", syscall.Errno(rc))
	}
	defer syscall.LocalFree(syscall.Handle(sd))
	var str *uint16
	if ok, _, err := advapi.NewProc("ConvertSecurityDescriptorToStringSecurityDescriptorW").Call(sd, 1, daclInfo,
		uintptr(unsafe.Pointer(&str)), 0); ok == 0 {
		t.Fatalf("ConvertSecurityDescriptorToStringSecurityDescriptorW: %v", err)
	}
	defer syscall.LocalFree(syscall.Handle(unsafe.Pointer(str)))
	return syscall.UTF16ToString(unsafe.Slice(str, 4096))
}

func TestClinicFolderIsWritableByEveryWindowsUser(t *testing.T) {
	if syscall.NewLazyDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil {
		t.Skip("Wine (but for Wine Staging) does not keep a folder's rights: this needs real Windows")
	}
	dir := filepath.Join(t.TempDir(), "ClinicDesk")
	if err := MakeClinicFolder(dir); err != nil {
		t.Fatal(err)
	}
	got := folderSDDL(t, dir)
	for _, ace := range []string{"(A;OICI;0x1301bf;;;BU)", "(A;OICI;FA;;;SY)", "(A;OICI;FA;;;BA)"} {
		if !strings.Contains(got, ace) {
			t.Errorf("the clinic folder's rights %s lack %s", got, ace)
		}
	}
	if strings.HasPrefix(got, "D:P") {
		t.Errorf("the clinic folder stopped inheriting from its parent: %s", got)
	}
}
