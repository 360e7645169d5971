package data

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// fakeShare makes every path under share read as a network drive, and
// everything else as a local disk, for the length of the test.
func fakeShare(t *testing.T, share string) {
	t.Helper()
	share, err := filepath.EvalSymlinks(share)
	if err != nil {
		t.Fatal(err)
	}
	old := remoteFS
	remoteFS = func(p string) (bool, string, error) {
		if p == share || strings.HasPrefix(p, share+string(filepath.Separator)) {
			return true, "SMB", nil
		}
		return false, "", nil
	}
	t.Cleanup(func() { remoteFS = old })
}

func TestSymlinkToAClinicFileOnANetworkShareIsRefused(t *testing.T) {
	local, share := t.TempDir(), t.TempDir()
	fakeShare(t, share)
	onShare := filepath.Join(share, "clinic.db")
	if err := os.WriteFile(onShare, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{}
	// A link to the file itself.
	cases["link to the file"] = filepath.Join(local, "clinic.db")
	if err := os.Symlink(onShare, cases["link to the file"]); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if _, err := os.Lstat(cases["link to the file"]); err != nil {
		t.Skip("a symlink made here cannot be read back (Wine 8):", err)
	}
	// A link to a file not made yet: the clinic would be created there.
	cases["link to a new file"] = filepath.Join(local, "new.db")
	os.Symlink(filepath.Join(share, "new.db"), cases["link to a new file"])
	// A linked folder, with the file existing or not.
	os.Symlink(share, filepath.Join(local, "linked"))
	cases["file in a linked folder"] = filepath.Join(local, "linked", "clinic.db")
	cases["new file in a linked folder"] = filepath.Join(local, "linked", "sub", "other.db")
	// A relative link.
	cases["relative link"] = filepath.Join(local, "rel.db")
	rel, _ := filepath.Rel(local, onShare)
	os.Symlink(rel, cases["relative link"])

	for name, p := range cases {
		err := RefuseNetworkShare(p)
		if err == nil || !strings.Contains(err.Error(), "network drive (SMB)") || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: %s was let through or not named: %v", name, p, err)
		}
	}
	if err := RefuseNetworkShare(filepath.Join(local, "plain.db")); err != nil {
		t.Errorf("a plain local path was refused: %v", err)
	}
}

func TestClinicFileWhoseDiskCannotBeCheckedIsRefused(t *testing.T) {
	old := remoteFS
	remoteFS = func(p string) (bool, string, error) { return false, "", errors.New("statfs: input/output error") }
	t.Cleanup(func() { remoteFS = old })
	p := filepath.Join(t.TempDir(), "clinic.db")
	err := RefuseNetworkShare(p)
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "input/output error") ||
		!strings.Contains(err.Error(), "cannot tell what kind of disk") {
		t.Fatalf("a failing statfs let the path through or was not explained: %v", err)
	}
	if _, err := AcquireLock(p); err == nil {
		t.Fatal("the lock was taken on a disk that could not be checked")
	}
}

func TestRealStatfsReadsThisDisk(t *testing.T) {
	remote, _, err := isRemoteFS(t.TempDir())
	if err != nil || remote {
		t.Fatalf("the temp folder: remote=%v err=%v", remote, err)
	}
	// Windows asks about the drive letter, which is there for a missing path.
	if _, _, err := isRemoteFS(filepath.Join(t.TempDir(), "no", "such")); err == nil && runtime.GOOS != "windows" {
		t.Fatal("statfs of a missing path did not fail")
	}
}
