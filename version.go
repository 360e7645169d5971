package main

import (
	_ "embed"
	"errors"

	"clinicdesk/app"

	"github.com/BurntSushi/toml"
)

// FyneApp.toml is the one place the release is written: the installers
// read it (fyne package, the MSI, the Mac app) and so does the program,
// compiled in, so that `go build`, `go run .` and `fyne package` all give
// a binary that says the version it is, with no flags to forget.
//
//go:embed FyneApp.toml
var fyneAppTOML []byte

func init() {
	if v, err := releaseOf(fyneAppTOML); err == nil {
		app.Version = v
	} // else the version test fails the build's tests: app.Version stays "dev"
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
