package main

import (
	_ "embed"
	"errors"

	"clinicdesk/app"

	"github.com/BurntSushi/toml"
)

// FyneApp.toml is the one place the release and the app's ID are written:
// the installers read it (fyne package, the MSI, the Mac app) and so does
// the program, compiled in, so that `go build`, `go run .` and `fyne
// package` all give a binary that says the version it is, with no flags to
// forget, and keeps its preferences under the ID the installers gave it.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

// appID is [Details] ID: where Fyne keeps the window's preferences.
var appID = idOf(fyneAppTOML)

func init() {
	if v, err := releaseOf(fyneAppTOML); err == nil {
		app.Version = v
	} // else the version test fails the build's tests: app.Version stays "dev"
}

// idOf reads [Details] ID; a test holds it to the one the packages use.
func idOf(fyneApp []byte) string {
	var meta struct{ Details struct{ ID string } }
	if err := toml.Unmarshal(fyneApp, &meta); err != nil {
		return ""
	}
	return meta.Details.ID
}

// releaseOf reads [Details] Version, the key fyne package reads.
func releaseOf(fyneApp []byte) (string, error) {
	var meta struct{ Details struct{ Version string } }
	if err := toml.Unmarshal(fyneApp, &meta); err != nil {
		return "", err
	}
	if meta.Details.Version == "" {
		return "", errors.New("FyneApp.toml has no Version under [Details]")
	}
	return meta.Details.Version, nil
}
