package data

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// A folder that OneDrive, Dropbox, Google Drive or iCloud Drive mirrors
// damages a clinic file as surely as a network share: the program copies
// the file and its write-ahead log at different moments, and may put back
// an older copy from another PC. Spotting such a folder is guesswork (by
// name, by what the programs say their folder is), so a new clinic is
// refused there but an existing one only warned about: refusing it on a
// wrong guess would lock the clinic out of its own records. Backups may
// go to a synced folder: a backup is one finished file.

// syncEnv is what the guess is made from, passed in so that the rules for
// every system can be tested on one machine.
type syncEnv struct {
	goos     string
	getenv   func(string) string
	home     string
	readFile func(string) ([]byte, error)
	exists   func(string) bool // whether anything (a link too) is at a path
}

func thisSyncEnv() syncEnv {
	home, _ := os.UserHomeDir()
	exists := func(p string) bool { _, err := os.Lstat(p); return err == nil }
	return syncEnv{goos: runtime.GOOS, getenv: os.Getenv, home: home, readFile: os.ReadFile, exists: exists}
}

// syncVolume names the sync program that a whole disk belongs to (Google
// Drive's DriveFS drive on Windows), or "". A variable for tests.
var syncVolume = syncVolumeOf

// SyncClient names the program that copies the folder holding dbPath to
// the internet (OneDrive, Dropbox, Google Drive, iCloud Drive), or "" if
// none is seen. Both the path as given and where its links lead count.
func SyncClient(dbPath string) string {
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return ""
	}
	_, plain := classifyWindowsPath(abs)
	e := thisSyncEnv()
	if name := e.clientFor(plain); name != "" {
		return name
	}
	real, err := realPath(plain)
	if err != nil {
		return ""
	}
	if name := e.clientFor(real); name != "" {
		return name
	}
	return syncVolume(existingPart(real))
}

// RefuseSyncFolderForNewClinic stops a new clinic file being made in a
// folder a sync program copies.
func RefuseSyncFolderForNewClinic(dbPath string) error {
	name := SyncClient(dbPath)
	if name == "" {
		return nil
	}
	abs, _ := filepath.Abs(dbPath)
	return fmt.Errorf("ClinicDesk will not make a new clinic file at %s: %s copies that folder to the internet and other PCs, "+
		"which can damage a clinic file while it is in use. Choose an ordinary folder on this PC that %s does not copy. "+
		"(Backups may still be saved to %s.)", abs, name, name, name)
}

// SyncFolderWarning is the warning for an existing clinic file in a folder
// a sync program copies, or "" if none is seen.
func SyncFolderWarning(dbPath string) string {
	name := SyncClient(dbPath)
	if name == "" {
		return ""
	}
	// Every user sees it, so it says who acts and how, in the app's words.
	return fmt.Sprintf("This clinic file is in a folder that %s copies to the internet and other PCs, which can damage it. "+
		"Ask whoever looks after this PC to move it to an ordinary folder here: back it up, then restore it there with clinicdesk restore.", name)
}

// clientFor applies the rules to one absolute path.
func (e syncEnv) clientFor(p string) string {
	parts := e.split(p)
	if e.goos == "windows" {
		for _, v := range []string{"OneDrive", "OneDriveCommercial", "OneDriveConsumer"} {
			if e.under(parts, e.getenv(v)) {
				return "OneDrive"
			}
		}
	}
	for _, root := range e.dropboxRoots() {
		if e.under(parts, root) {
			return "Dropbox"
		}
	}
	if name := e.icloudDesktopAndDocuments(parts); name != "" {
		return name
	}
	for i, part := range parts {
		low := strings.ToLower(part)
		next := ""
		if i+1 < len(parts) {
			next = strings.ToLower(parts[i+1])
		}
		switch {
		// macOS: ~/Library/CloudStorage/<Provider>-<account>, where File
		// Provider programs (OneDrive, Dropbox, Google Drive, Box…) keep
		// their folders, and ~/Library/Mobile Documents, iCloud Drive's.
		case low == "library" && next == "cloudstorage" && i+2 < len(parts):
			return cloudStorageProvider(parts[i+2])
		case low == "library" && next == "mobile documents":
			return "iCloud Drive"
		case low == "onedrive" || strings.HasPrefix(low, "onedrive - "): // "OneDrive - Acme Ltd"
			return "OneDrive"
		case low == "dropbox" || strings.HasPrefix(low, "dropbox ("): // "Dropbox (Acme Ltd)"
			return "Dropbox"
		case low == "google drive" || low == "my drive" || low == "googledrive" || low == "shared drives":
			return "Google Drive"
		case low == "iclouddrive" || low == "icloud drive":
			return "iCloud Drive"
		}
	}
	return ""
}

// icloudDesktopAndDocuments: with iCloud's "Desktop & Documents Folders"
// on, ~/Desktop and ~/Documents keep their paths but are copied, and
// iCloud Drive shows them as Desktop and Documents at its top level.
func (e syncEnv) icloudDesktopAndDocuments(parts []string) string {
	if e.goos != "darwin" || e.home == "" || e.exists == nil {
		return ""
	}
	cloudDocs := strings.TrimRight(e.home, "/") + "/Library/Mobile Documents/com~apple~CloudDocs/"
	for _, folder := range []string{"Desktop", "Documents"} {
		if e.under(parts, e.home+"/"+folder) && e.exists(cloudDocs+folder) {
			return "iCloud Drive"
		}
	}
	return ""
}

// cloudStorageProvider names the program from its CloudStorage folder:
// "OneDrive-Acme" is OneDrive, "GoogleDrive-jo@example.com" Google Drive.
func cloudStorageProvider(folder string) string {
	name, _, _ := strings.Cut(folder, "-")
	switch strings.ToLower(name) {
	case "onedrive":
		return "OneDrive"
	case "dropbox":
		return "Dropbox"
	case "googledrive":
		return "Google Drive"
	case "icloud", "iclouddrive":
		return "iCloud Drive"
	case "":
		return "a cloud storage program"
	}
	return name
}

// dropboxRoots are the folders Dropbox's info.json says it keeps (a
// personal and a business one, wherever the user moved them).
func (e syncEnv) dropboxRoots() []string {
	var files []string
	if e.goos == "windows" {
		for _, v := range []string{"LOCALAPPDATA", "APPDATA"} {
			if dir := e.getenv(v); dir != "" {
				files = append(files, strings.TrimRight(dir, `\/`)+`\Dropbox\info.json`)
			}
		}
	} else if e.home != "" {
		files = append(files, strings.TrimRight(e.home, "/")+"/.dropbox/info.json")
	}
	var roots []string
	for _, f := range files {
		b, err := e.readFile(f)
		if err != nil {
			continue
		}
		var info map[string]struct {
			Path string `json:"path"`
		}
		if json.Unmarshal(b, &info) != nil {
			continue
		}
		for _, account := range info {
			if account.Path != "" {
				roots = append(roots, account.Path)
			}
		}
	}
	return roots
}

// split cuts a path into its folder names; Windows takes either slash and
// drops a \\?\ prefix.
func (e syncEnv) split(p string) []string {
	sep := func(r rune) bool { return r == '/' }
	if e.goos == "windows" {
		_, p = classifyWindowsPath(p)
		sep = func(r rune) bool { return r == '/' || r == '\\' }
	}
	return strings.FieldsFunc(p, sep)
}

// under says whether the path cut into parts is root or inside it. Names
// are compared as the system does: regardless of case on Windows and
// macOS.
func (e syncEnv) under(parts []string, root string) bool {
	if strings.TrimSpace(root) == "" {
		return false
	}
	r := e.split(root)
	if len(r) == 0 || len(r) > len(parts) {
		return false
	}
	for i := range r {
		same := parts[i] == r[i]
		if e.goos == "windows" || e.goos == "darwin" {
			same = strings.EqualFold(parts[i], r[i])
		}
		if !same {
			return false
		}
	}
	return true
}
