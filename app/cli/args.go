package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"clinicdesk/app/ukcal"
)

// Checks on what was given on the command line, each saying what is wrong
// with the value itself: a value that is missing and one that is there
// but not valid get different messages.

// parseYear reads a four-digit year given with flag (e.g. "--year").
// example finishes the message, e.g. "the year the return starts on 1 April".
func parseYear(flag, text, what string) (int, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, usagef("%s YYYY is required: %s", flag, what)
	}
	y, err := strconv.Atoi(text)
	// Four digits, so that every date printed from it is YYYY-MM-DD.
	if err != nil || len(text) != 4 || y < 1000 || y > 9999 {
		return 0, usagef("%s %s is not a valid year: give %s as four digits, e.g. 2026", flag, text, what)
	}
	return y, nil
}

var dateForm = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// parseDate reads a YYYY-MM-DD date given with flag (e.g. "--from"),
// saying whether the form is wrong ("25/11/2026") or the day does not
// exist ("2026-02-30").
func parseDate(flag, text string) (ukcal.Date, error) {
	text = strings.TrimSpace(text)
	if !dateForm.MatchString(text) {
		return ukcal.Date{}, usagef("%s %s is not a date in the form YYYY-MM-DD (e.g. 2026-11-25)", flag, text)
	}
	d, err := ukcal.ParseDate(text)
	if err != nil {
		return ukcal.Date{}, usagef("%s %s is not a real date: that month has no such day", flag, text)
	}
	if d.Year() < 1000 {
		return ukcal.Date{}, usagef("%s %s is not a valid date: the year must be from 1000 to 9999", flag, text)
	}
	return d, nil
}

// checkOutName refuses an --out that is missing or whose file name does not
// end with one of exts (".csv", ".pdf"), naming the extension it has.
func checkOutName(out, what string, exts ...string) error {
	want := strings.Join(exts, " or ")
	if out == "" {
		return usagef("--out FILE%s is required: the file to write %s to", exts[0], what)
	}
	ext := filepath.Ext(out)
	for _, e := range exts {
		if strings.EqualFold(ext, e) {
			return nil
		}
	}
	if ext == "" {
		return usagef("--out %s has no extension: %s is written to a file ending %s", out, what, want)
	}
	return usagef("--out %s ends %s: %s is written to a file ending %s", out, ext, what, want)
}

// maxTextFile is far more than any letter's text; a bigger file is not one.
const maxTextFile = 1 << 20

// readTextFile reads a UTF-8 text file given with flag (e.g. "--text"),
// refusing, with the file named, one that is empty, too big or not text
// (a Word document, a PDF, or text saved in another encoding). A UTF-8
// byte-order mark, as Notepad writes, is dropped.
func readTextFile(flag, path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("cannot read %s %s: %w", flag, path, unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return "", fmt.Errorf("%s %s is a folder: give the text file in it", flag, path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxTextFile+1))
	if err != nil {
		return "", fmt.Errorf("cannot read %s %s: %w", flag, path, unwrapPath(err))
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	switch {
	case len(b) > maxTextFile:
		return "", fmt.Errorf("%s %s is larger than 1 MB: that is not a letter's text", flag, path)
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return "", fmt.Errorf("%s %s is a Word or other Office document, not a text file: save it as plain text (UTF-8) and give that file", flag, path)
	case bytes.HasPrefix(b, []byte("%PDF")):
		return "", fmt.Errorf("%s %s is a PDF, not a text file: give a plain text (UTF-8) file", flag, path)
	case !utf8.Valid(b) || bytes.IndexByte(b, 0) >= 0:
		return "", fmt.Errorf("%s %s is not UTF-8 text: save it as plain text with the encoding UTF-8 and try again", flag, path)
	case len(bytes.TrimSpace(b)) == 0:
		return "", fmt.Errorf("%s %s is empty: write the text in it first", flag, path)
	}
	return string(b), nil
}
