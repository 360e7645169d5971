// Package testvectors reads the project's test vectors, kept in the
// repository's own testdata/ folder (SPEC §4's vector files), for the tests
// of any package. Only tests import it; the shipped binary never does.
package testvectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Dir is the repository's testdata folder. `go test` runs each package's
// tests in that package's folder, so the repository is the nearest folder
// above with go.mod: the same from any package and in any clone, whatever
// lies beside it. (Not this file's compiled-in path: under -trimpath that
// is an import path, not a folder.)
func Dir() string {
	dir, err := os.Getwd()
	if err != nil {
		return "testdata"
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, "testdata")
		}
		if filepath.Dir(d) == d {
			return filepath.Join(dir, "testdata") // Load says where it looked
		}
	}
}

// Load reads the vector file name into v, failing the test clearly when
// the file is not in the repository's testdata folder.
func Load(t testing.TB, name string, v any) {
	t.Helper()
	path := filepath.Join(Dir(), name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("test vectors missing: %v (expected in the repository's testdata folder, %s)", err, filepath.Clean(Dir()))
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
