// Package testvectors reads the project's shared test vectors, kept in
// shared/testdata beside the repository, for the tests of any package.
package testvectors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir is the shared test vectors' folder, found from this file's own place
// in the repository (app/testvectors), so it is the same from any package.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "testdata")
}

// Load reads the vector file name into v, failing the test clearly when
// the shared folder is not where it should be.
func Load(t testing.TB, name string, v any) {
	t.Helper()
	path := filepath.Join(Dir(), name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("test vectors missing: %v (expected the shared folder beside the repository, at %s)", err, filepath.Clean(Dir()))
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
