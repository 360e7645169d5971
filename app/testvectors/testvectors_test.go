package testvectors

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A clone tests itself: no Go file and not the Makefile reaches for the
// folder beside the repository that the vectors were first copied from
// (`make vet` checks the same), neither as a path nor joined from parts as
// the old loader did. The needles are split so this file passes.
func TestNoGoFileNamesTheSharedFolder(t *testing.T) {
	needles := []string{"../" + "shared", `"shared"` + `, "testdata"`}
	root := filepath.Clean(filepath.Join(Dir(), ".."))
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "bin" || name == "dist") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") && path != filepath.Join(root, "Makefile") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		checked++
		for _, needle := range needles {
			if strings.Contains(string(data), needle) {
				rel, _ := filepath.Rel(root, path)
				t.Errorf("%s names %s: read the repository's testdata/ instead", rel, needle)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d files checked under %s: not the repository root", checked, root)
	}
}

// Every vector file the tests load is in the repository itself.
func TestTheVectorsAreInTheRepository(t *testing.T) {
	for _, name := range []string{"bank-holidays.json", "complaint_deadlines.json", "nhs_numbers.json", "postcodes.json", "sar_deadlines.json"} {
		var v map[string]any
		Load(t, name, &v)
		if len(v) == 0 {
			t.Errorf("%s is empty", name)
		}
	}
	// The folder is the one beside go.mod, not one beside the repository.
	if _, err := os.Stat(filepath.Join(Dir(), "..", "go.mod")); err != nil {
		t.Errorf("the vectors folder %s is not at the repository's root: %v", Dir(), err)
	}
}
