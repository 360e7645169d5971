package data

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeSyncEnv is a system with the given environment and files.
func fakeSyncEnv(goos, home string, env, files map[string]string) syncEnv {
	return syncEnv{goos: goos, home: home,
		getenv: func(k string) string { return env[k] },
		readFile: func(p string) ([]byte, error) {
			if b, ok := files[p]; ok {
				return []byte(b), nil
			}
			return nil, fs.ErrNotExist
		}}
}

func TestSyncFoldersAreRecognisedOnEverySystem(t *testing.T) {
	winEnv := map[string]string{
		"OneDrive":           `C:\Users\jo\OneDrive - Acme Physio Ltd`,
		"OneDriveCommercial": `C:\Users\jo\OneDrive - Acme Physio Ltd`,
		"OneDriveConsumer":   `D:\Cloud\Personal Files`, // moved and renamed: only the variable says so
		"LOCALAPPDATA":       `C:\Users\jo\AppData\Local`,
		"APPDATA":            `C:\Users\jo\AppData\Roaming`,
	}
	winFiles := map[string]string{
		`C:\Users\jo\AppData\Local\Dropbox\info.json`: `{"personal": {"path": "E:\\Practice Share", "host": 1}, "business": {"path": "C:\\Users\\jo\\Work Files", "is_team": true}}`,
	}
	macFiles := map[string]string{"/Users/jo/.dropbox/info.json": `{"personal": {"path": "/Users/jo/Stuff"}}`}
	for _, c := range []struct {
		goos, path, want string
	}{
		{"windows", `C:\Users\jo\OneDrive - Acme Physio Ltd\Clinic\clinic.db`, "OneDrive"},
		{"windows", `c:\users\JO\onedrive - acme physio ltd\clinic.db`, "OneDrive"},
		{"windows", `D:\Cloud\Personal Files\clinic.db`, "OneDrive"},
		{"windows", `\\?\D:\cloud\personal files\clinic.db`, "OneDrive"},
		{"windows", `C:\Users\jo\OneDrive\Documents\clinic.db`, "OneDrive"}, // Documents moved into OneDrive
		{"windows", `E:\Practice Share\clinic.db`, "Dropbox"},
		{"windows", `C:\Users\jo\Work Files\ClinicDesk\clinic.db`, "Dropbox"},
		{"windows", `C:\Users\jo\Dropbox (Acme Physio)\clinic.db`, "Dropbox"},
		{"windows", `G:\My Drive\ClinicDesk\clinic.db`, "Google Drive"},
		{"windows", `G:\Shared drives\Reception\clinic.db`, "Google Drive"},
		{"windows", `C:\Users\jo\Google Drive\clinic.db`, "Google Drive"},
		{"windows", `C:\Users\jo\iCloudDrive\clinic.db`, "iCloud Drive"},
		{"darwin", "/Users/jo/Library/Mobile Documents/com~apple~CloudDocs/Clinic/clinic.db", "iCloud Drive"},
		{"darwin", "/Users/jo/Library/CloudStorage/OneDrive-AcmePhysio/clinic.db", "OneDrive"},
		{"darwin", "/Users/jo/Library/CloudStorage/GoogleDrive-jo@example.com/My Drive/clinic.db", "Google Drive"},
		{"darwin", "/Users/jo/Library/CloudStorage/Dropbox/clinic.db", "Dropbox"},
		{"darwin", "/Users/jo/Library/CloudStorage/Box-Box/clinic.db", "Box"},
		{"darwin", "/users/JO/stuff/clinic.db", "Dropbox"},
		{"linux", "/home/jo/Dropbox/clinic.db", "Dropbox"},
	} {
		e := fakeSyncEnv(c.goos, "/Users/jo", winEnv, winFiles)
		if c.goos == "darwin" {
			e = fakeSyncEnv(c.goos, "/Users/jo", nil, macFiles)
		}
		if got := e.clientFor(c.path); got != c.want {
			t.Errorf("%s %s: %q, want %q", c.goos, c.path, got, c.want)
		}
	}
}

func TestMacDesktopAndDocumentsAreICloudDriveWhenItCopiesThem(t *testing.T) {
	mac := fakeSyncEnv("darwin", "/Users/jo", nil, nil)
	for _, p := range []string{"/Users/jo/Documents/Clinic/clinic.db", "/Users/jo/Desktop/clinic.db"} {
		if got := mac.clientFor(p); got != "" {
			t.Errorf("%s with iCloud's Desktop & Documents off: %q", p, got)
		}
	}
	mac.exists = func(p string) bool {
		return p == "/Users/jo/Library/Mobile Documents/com~apple~CloudDocs/Documents"
	}
	if got := mac.clientFor("/Users/jo/Documents/Clinic/clinic.db"); got != "iCloud Drive" {
		t.Errorf("Documents copied by iCloud: %q", got)
	}
	if got := mac.clientFor("/Users/jo/Desktop/clinic.db"); got != "" {
		t.Errorf("Desktop, which iCloud does not copy here: %q", got)
	}
	if got := mac.clientFor("/Users/jo/Clinic/clinic.db"); got != "" {
		t.Errorf("a folder outside Desktop and Documents: %q", got)
	}
}

func TestOrdinaryFoldersAreNotTakenForSyncFolders(t *testing.T) {
	winEnv := map[string]string{"OneDrive": `C:\Users\jo\OneDrive`, "LOCALAPPDATA": `C:\Users\jo\AppData\Local`}
	winFiles := map[string]string{`C:\Users\jo\AppData\Local\Dropbox\info.json`: `{"personal": {"path": "C:\\Users\\jo\\Dropbox"}}`}
	linuxFiles := map[string]string{"/home/jo/.dropbox/info.json": `{"personal": {"path": "/home/jo/Stuff"}}`}
	for _, c := range []struct{ goos, path string }{
		{"windows", `C:\ProgramData\ClinicDesk\clinic.db`},
		{"windows", `C:\Users\jo\OneDriveBackup\clinic.db`},
		{"windows", `C:\Users\jo\Dropbox notes\clinic.db`},
		{"windows", `D:\Clinic\clinic.db`},
		{"darwin", "/Users/jo/Library/Application Support/ClinicDesk/clinic.db"},
		{"linux", "/home/jo/.config/ClinicDesk/clinic.db"},
		{"linux", "/home/jo/stuff/clinic.db"}, // Linux names differ by case
		{"linux", "/home/jo/Stuffing/clinic.db"},
	} {
		e := fakeSyncEnv(c.goos, "/home/jo", winEnv, winFiles)
		if c.goos != "windows" {
			e = fakeSyncEnv(c.goos, "/home/jo", nil, linuxFiles)
		}
		if got := e.clientFor(c.path); got != "" {
			t.Errorf("%s %s taken for %s", c.goos, c.path, got)
		}
	}
	// A damaged info.json is no reason to refuse anything.
	e := fakeSyncEnv("linux", "/home/jo", nil, map[string]string{"/home/jo/.dropbox/info.json": "{not json"})
	if got := e.clientFor("/home/jo/Work/clinic.db"); got != "" {
		t.Errorf("a damaged info.json made %s a sync folder", got)
	}
}

// fakeDropbox makes this system's Dropbox (as its info.json tells) keep
// root, for the length of the test: HOME on macOS and Linux, LOCALAPPDATA
// on Windows.
func fakeDropbox(t *testing.T, root string) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("LOCALAPPDATA", home)
	t.Setenv("USERPROFILE", home)
	info, _ := json.Marshal(map[string]map[string]string{"personal": {"path": root}})
	for _, dir := range []string{filepath.Join(home, ".dropbox"), filepath.Join(home, "Dropbox")} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "info.json"), info, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func TestClinicFileReachedThroughALinkIntoDropboxIsFound(t *testing.T) {
	root, local := t.TempDir(), t.TempDir()
	fakeDropbox(t, root)
	inside := filepath.Join(root, "Reception", "clinic.db")
	if got := SyncClient(inside); got != "Dropbox" {
		t.Fatalf("a clinic file in Dropbox's folder: %q", got)
	}
	if got := SyncClient(filepath.Join(local, "clinic.db")); got != "" {
		t.Fatalf("an ordinary folder was taken for %s", got)
	}
	link := filepath.Join(local, "linked")
	if err := os.Symlink(root, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if _, err := os.Lstat(link); err != nil {
		t.Skip("a symlink made here cannot be read back (Wine 8):", err)
	}
	if got := SyncClient(filepath.Join(link, "clinic.db")); got != "Dropbox" {
		t.Fatalf("a link into Dropbox's folder: %q", got)
	}
	err := RefuseSyncFolderForNewClinic(inside)
	if err == nil || !strings.Contains(err.Error(), "Dropbox copies that folder") || !strings.Contains(err.Error(), "ordinary folder") {
		t.Fatalf("a new clinic in Dropbox was not refused clearly: %v", err)
	}
	if w := SyncFolderWarning(inside); !strings.Contains(w, "Dropbox copies") || strings.Contains(w, "→") {
		t.Fatalf("the warning: %q", w)
	}
}

func TestGoogleDriveDiskIsFoundByItsKindWhateverItsFoldersAreCalled(t *testing.T) {
	drive := t.TempDir() // stands for G:, whose file system is DriveFS
	old := syncVolume
	syncVolume = func(p string) string {
		if strings.HasPrefix(p, drive) {
			return "Google Drive"
		}
		return ""
	}
	t.Cleanup(func() { syncVolume = old })
	err := RefuseSyncFolderForNewClinic(filepath.Join(drive, "Reception", "clinic.db"))
	if err == nil || !strings.Contains(err.Error(), "Google Drive copies that folder") {
		t.Fatalf("a new clinic on Google Drive's disk: %v", err)
	}
	if w := SyncFolderWarning(filepath.Join(t.TempDir(), "clinic.db")); w != "" {
		t.Fatalf("another disk was warned about: %s", w)
	}
}
