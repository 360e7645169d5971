package cli

import (
	"io"
	"os"
)

// The day view's cost on a day not read for a while depends on whether
// the operating system still holds the clinic file's pages: a page it has
// dropped is a read from the disk. The bench does not leave that to
// chance. The views are timed with the file read through first, as the
// app's daily backup (which copies every page) leaves it; and a second,
// reference row times days read straight from the disk, with the file
// dropped from the cache first where the system allows it.

// readThrough reads the whole file once, so the system holds its pages.
func readThrough(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(io.Discard, f)
	return err
}
