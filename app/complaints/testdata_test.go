package complaints

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"clinicdesk/app/ukcal"
)

// sharedTestdata is where the project's test vectors live: /work/shared sits
// beside the repository, three levels up from this package (app/complaints).
var sharedTestdata = filepath.Join("..", "..", "..", "shared", "testdata")

// loadVectors reads one vector file into v, failing the test clearly when the
// shared folder is not where it should be.
func loadVectors(t *testing.T, name string, v any) {
	t.Helper()
	path := filepath.Join(sharedTestdata, name)
	data, err := os.ReadFile(path)
	if err != nil {
		abs, _ := filepath.Abs(path)
		t.Fatalf("test vectors missing: %v (expected the shared folder beside the repository, at %s)", err, abs)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// date is ukcal.MustParseDate, short for tables.
func date(s string) ukcal.Date { return ukcal.MustParseDate(s) }
