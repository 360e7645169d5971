//go:build windows

package app

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// errStillOpenHere is what deleting a file open in a viewer fails with.
var errStillOpenHere error = windows.ERROR_SHARING_VIOLATION

// fileAllAccess is FILE_ALL_ACCESS, the "FA" of the SDDL.
const fileAllAccess windows.ACCESS_MASK = 0x1F01FF

// allowed is one entry of an access list: who, how much, inherited or not.
type allowed struct {
	sid   string
	mask  windows.ACCESS_MASK
	flags uint8
}

// accessOf reads a file's or folder's access list.
func accessOf(t *testing.T, path string) (protected bool, aces []allowed) {
	t.Helper()
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		t.Fatal(err)
	}
	control, _, err := sd.Control()
	if err != nil {
		t.Fatal(err)
	}
	dacl, _, err := sd.DACL()
	if err != nil || dacl == nil {
		t.Fatalf("no access list on %s: %v", path, err)
	}
	for i := uint16(0); i < dacl.AceCount; i++ {
		var ace *windows.ACCESS_ALLOWED_ACE
		if err := windows.GetAce(dacl, uint32(i), &ace); err != nil {
			t.Fatal(err)
		}
		if ace.Header.AceType != windows.ACCESS_ALLOWED_ACE_TYPE {
			t.Fatalf("%s: an entry of type %d", path, ace.Header.AceType)
		}
		sid := (*windows.SID)(unsafe.Pointer(&ace.SidStart))
		aces = append(aces, allowed{sid.String(), ace.Mask, ace.Header.AceFlags})
	}
	return control&windows.SE_DACL_PROTECTED != 0, aces
}

func sids(aces []allowed) []string {
	var out []string
	for _, a := range aces {
		out = append(out, a.sid)
	}
	slices.Sort(out)
	return out
}

// Letters are for this Windows user only: the print folder's access list
// is protected (nothing inherited from %LocalAppData%), names only the
// user and SYSTEM with full control, and the letters inside get the same;
// a folder already there, with what it inherited, is tightened too.
func TestPrintFolderIsPrivateToTheUser(t *testing.T) {
	cache := usePrintFolderIn(t)
	already := filepath.Join(cache, "ClinicDesk", "print")
	if err := os.MkdirAll(already, 0o700); err != nil {
		t.Fatal(err)
	}
	paths := writeLetters(t, "Appointment reminder 2026-11-23.pdf")
	dir := filepath.Dir(paths[0])
	if dir != already {
		t.Fatalf("the print folder is %s, want %s", dir, already)
	}
	me, err := currentUserSID()
	if err != nil {
		t.Fatal(err)
	}
	// Wine takes the access list (the letter above was written) but keeps
	// none: what it reads back is made up.
	if syscall.NewLazyDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil {
		t.Skip("Wine does not keep a folder's access list: this needs real Windows")
	}
	want := []string{"S-1-5-18", me} // SYSTEM and the user
	slices.Sort(want)

	protected, aces := accessOf(t, dir)
	if !protected || !slices.Equal(sids(aces), want) {
		t.Fatalf("folder: protected %v, entries %+v, want only %v", protected, aces, want)
	}
	for _, a := range aces {
		if a.mask&fileAllAccess != fileAllAccess || a.flags&(windows.OBJECT_INHERIT_ACE|windows.CONTAINER_INHERIT_ACE) == 0 {
			t.Fatalf("folder entry %+v", a)
		}
	}
	if _, aces := accessOf(t, paths[0]); !slices.Equal(sids(aces), want) {
		t.Fatalf("the letter's entries %+v, want only %v", aces, want)
	}
}

// A letter open in a viewer that does not share deletion (as Adobe Reader
// opens it) is named by the clear, and deleted by the next once closed.
func TestALetterOpenInTheViewerIsNamedAndDeletedOnceClosed(t *testing.T) {
	usePrintFolderIn(t)
	paths := writeLetters(t, "Appointment reminder 2026-11-23.pdf", "Preview.pdf")
	name, _ := windows.UTF16PtrFromString(paths[0])
	h, err := windows.CreateFile(name, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var left *LettersLeft
	err = ClearPrintFolder()
	if !errors.As(err, &left) || !left.StillOpen || !slices.Equal(left.Letters, []string{"Appointment reminder 2026-11-23.pdf"}) {
		windows.CloseHandle(h)
		t.Fatalf("reported %+v (%v)", left, err)
	}
	if _, err := os.Stat(paths[1]); err == nil {
		t.Fatal("the letter not held open was not deleted")
	}
	windows.CloseHandle(h)
	if err := ClearPrintFolder(); err != nil {
		t.Fatalf("not deleted once the viewer closed it: %v", err)
	}
}

// Opening goes through the real ShellExecuteW: a letter that is no longer
// there is reported in words, not as a Windows error number.
func TestOpeningALetterThatIsGoneSaysSo(t *testing.T) {
	err := OpenInViewer(filepath.Join(t.TempDir(), "Appointment reminder 2026-11-23 1234.pdf"), nil)
	if err == nil || err.Error() != "the letter was deleted before the PDF viewer could open it: open it again" {
		t.Fatalf("said %v", err)
	}
}
