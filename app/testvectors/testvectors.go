// Package testvectors reads the project's test vectors, kept in the
// repository's own testdata/ folder (SPEC §4's vector files), for the tests
// of any package. Only tests import it; the shipped binary never does.
package testvectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir is the repository's testdata folder, found from this file's own place
// in the repository (app/testvectors), so it is the same from any package
// and in any clone, whatever lies beside it.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
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
