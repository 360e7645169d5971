// Package plaintext looks for a word in files on disk, in the encodings a
// leak could take (UTF-8 and UTF-16LE, any case). Tests use it to prove a
// canary patient name never reaches the disk unencrypted.
package plaintext

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
)

// Forms are the byte strings word may appear as in a file.
func Forms(word string) [][]byte {
	var forms [][]byte
	for _, s := range []string{word, strings.ToUpper(word), strings.ToLower(word)} {
		forms = append(forms, []byte(s))
		var le []byte
		for _, r := range utf16.Encode([]rune(s)) {
			le = append(le, byte(r), byte(r>>8))
		}
		forms = append(forms, le)
	}
	return forms
}

// Find reads every file under roots and returns those containing word in
// any of its Forms, and how many files it read.
func Find(word string, roots ...string) (found []string, files int) {
	forms := Forms(word)
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			files++
			for _, f := range forms {
				if bytes.Contains(b, f) {
					found = append(found, p)
					break
				}
			}
			return nil
		})
	}
	return found, files
}
