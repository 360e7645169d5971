package app

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"

	"clinicdesk/data"
)

// DefaultPath is where the clinic file lives unless --db says otherwise
// (see defaultPathFor for why there).
func DefaultPath() string {
	configDir, _ := os.UserConfigDir()
	return defaultPathFor(runtime.GOOS, os.Getenv, configDir)
}

// defaultPathFor is the default clinic file on goos:
//   - Windows: %ProgramData%\ClinicDesk\clinic.db. A practice has one
//     clinic per PC, whoever is signed in to Windows. The user's
//     %AppData% would give each Windows login a clinic of its own, travel
//     between PCs with a roaming profile, and become a network path (which
//     ClinicDesk refuses) under folder redirection; ProgramData is on this
//     PC's disk and shared by its users. The installer makes the folder
//     writable by all of them, as MakeClinicFolder does if it is missing.
//   - macOS: ~/Library/Application Support/ClinicDesk/clinic.db, where a
//     Mac's programs keep their data: one Mac, one user, the usual case.
//   - Linux: ~/.config/ClinicDesk/clinic.db.
func defaultPathFor(goos string, getenv func(string) string, configDir string) string {
	if goos == "windows" {
		root := strings.TrimRight(getenv("ProgramData"), `\/`)
		if !isWindowsDrivePath(root) {
			root = `C:\ProgramData` // unset, or not a folder on a drive
		}
		return root + `\ClinicDesk\clinic.db`
	}
	if configDir == "" {
		configDir = "."
	}
	return path.Join(configDir, "ClinicDesk", "clinic.db")
}

// isWindowsDrivePath: "C:\…" (not a share, not relative).
func isWindowsDrivePath(p string) bool {
	if len(p) < 3 || p[1] != ':' || (p[2] != '\\' && p[2] != '/') {
		return false
	}
	c := p[0] | 0x20
	return c >= 'a' && c <= 'z'
}

// prepareClinicFolder makes the folder for a clinic file about to be made
// at dbPath (a new clinic, or a backup restored to a new place). A new
// clinic is refused in a folder OneDrive, Dropbox, Google Drive or iCloud
// Drive copies, and on a network share, before any folder is made there.
// A clinic file already at dbPath (a restore with --force) is only warned
// about when opened: refusing it would shut the clinic out of its data.
func prepareClinicFolder(dbPath string) error {
	if !Exists(dbPath) {
		if err := data.RefuseNetworkShare(dbPath); err != nil {
			return err
		}
		if err := data.RefuseSyncFolderForNewClinic(dbPath); err != nil {
			return err
		}
	}
	if err := data.MakeClinicFolder(filepath.Dir(dbPath)); err != nil {
		return fmt.Errorf("make the clinic folder: %w", err)
	}
	return nil
}

// SyncFolderWarning says, for every user, when the clinic file is in a
// folder a sync program copies to the internet, or "" when it is not.
func (c *Clinic) SyncFolderWarning() string { return data.SyncFolderWarning(c.path) }
