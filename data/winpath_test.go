package data

import (
	"strings"
	"testing"
)

// The rules are read from the path's spelling, so they are checked here on
// any system; the Windows build applies them to real paths.
func TestLocalLongPathsAreNotNetworkShares(t *testing.T) {
	for _, c := range []struct {
		path  string
		kind  winPathKind
		plain string
	}{
		{`\\?\C:\ProgramData\ClinicDesk\clinic.db`, winLocal, `C:\ProgramData\ClinicDesk\clinic.db`},
		{`\\?\c:\clinic.db`, winLocal, `c:\clinic.db`},
		{`//?/C:/Clinic Data/clinic.db`, winLocal, `C:/Clinic Data/clinic.db`},
		{`\\?\D:`, winLocal, `D:`},
		{`\\?\Volume{0b7e1c55-5f0e-4b0a-9d2a-1a2b3c4d5e6f}\clinic.db`, winLocal, `\\?\Volume{0b7e1c55-5f0e-4b0a-9d2a-1a2b3c4d5e6f}\clinic.db`},
		{`C:\Users\Reception\clinic.db`, winLocal, `C:\Users\Reception\clinic.db`},
		{`/home/reception/.config/ClinicDesk/clinic.db`, winLocal, `/home/reception/.config/ClinicDesk/clinic.db`},
		{`\\fileserver\clinic\clinic.db`, winShare, ""},
		{`//fileserver/clinic/clinic.db`, winShare, ""},
		{`\\?\UNC\fileserver\clinic\clinic.db`, winShare, ""},
		{`\\?\unc\fileserver\clinic\clinic.db`, winShare, ""},
		{`//?/UNC/fileserver/clinic/clinic.db`, winShare, ""},
		{`\\?\UNCLE\clinic.db`, winDevice, ""}, // not UNC\: some other \\?\ name
		{`\\.\C:\clinic.db`, winDevice, ""},
		{`\\.\PhysicalDrive0`, winDevice, ""},
		{`//./pipe/clinic`, winDevice, ""},
		{`\\?\GLOBALROOT\Device\HarddiskVolumeShadowCopy1\clinic.db`, winDevice, ""},
	} {
		kind, plain := classifyWindowsPath(c.path)
		if kind != c.kind || (c.plain != "" && plain != c.plain) {
			t.Errorf("%s: kind %d, plain %q; want %d, %q", c.path, kind, plain, c.kind, c.plain)
		}
		if isUNCPath(c.path) != (c.kind == winShare) {
			t.Errorf("%s: isUNCPath says %v", c.path, isUNCPath(c.path))
		}
	}
}

func TestWindowsDevicePathsAreRefusedWithAClearMessage(t *testing.T) {
	p := `\\.\PhysicalDrive0`
	err := refuseKind(winDevice, p, "")
	if err == nil || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "not a folder") ||
		!strings.Contains(err.Error(), "ordinary folder") {
		t.Fatalf("a device path was let through or not explained: %v", err)
	}
	share := `\\?\UNC\fileserver\clinic\clinic.db`
	if err := refuseKind(winShare, share, ""); err == nil || !strings.Contains(err.Error(), "network share") {
		t.Fatalf("a long-path share was let through or not named: %v", err)
	}
	if err := refuseKind(winLocal, `C:\clinic.db`, ""); err != nil {
		t.Fatalf("a local path was refused: %v", err)
	}
}

func TestLocalLongPathsOpenInSQLite(t *testing.T) {
	// The '?' of \\?\ would start SQLite's options: Windows drops the prefix.
	if got := sqlitePathFor(`\\?\C:\Clinic Data\clinic.db`, true); got != `C:\Clinic Data\clinic.db` {
		t.Errorf("a long path on Windows: %s", got)
	}
	if got := sqlitePathFor(`\\fileserver\clinic\clinic.db`, true); got != `\\fileserver\clinic\clinic.db` {
		t.Errorf("a share was changed: %s", got)
	}
	if got := sqlitePathFor(`\\?\C:\clinic.db`, false); got != `\\?\C:\clinic.db` {
		t.Errorf("a Unix file name was changed: %s", got)
	}
	if _, err := dsn(`\\?\Volume{0b7e1c55}\clinic.db`, DataKey{}); err == nil || !strings.Contains(err.Error(), "'?'") {
		t.Errorf("a volume path with a '?' reached SQLite: %v", err)
	}
}
