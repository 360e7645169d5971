package plaintext

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindSeesEveryEncodingAndCase(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string][]byte{
		"utf8.txt":  []byte("… quixotebury …"),
		"utf16.bin": {'Q', 0, 'U', 0, 'I', 0, 'X', 0, 'O', 0, 'T', 0, 'E', 0, 'B', 0, 'U', 0, 'R', 0, 'Y', 0},
		"clean.db":  []byte("noise only"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	found, files := Find("Quixotebury", dir)
	if files != 3 || len(found) != 2 {
		t.Fatalf("read %d files, found %v", files, found)
	}
	for _, p := range found {
		if filepath.Base(p) == "clean.db" {
			t.Fatalf("found the word in a file without it: %v", found)
		}
	}
}
