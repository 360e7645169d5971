package patients

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// letterFolds are letters that are not a base letter plus an accent, so
// Unicode decomposition leaves them alone, but that people type without
// ("Lukasz" for Łukasz, "Oyvind" for Øyvind).
var letterFolds = strings.NewReplacer(
	"ł", "l", "Ł", "l", "ø", "o", "Ø", "o", "đ", "d", "Đ", "d", "ß", "ss",
	"æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "ı", "i", "ŀ", "l", "Ŀ", "l", "þ", "th", "Þ", "th",
)

// FoldName lower-cases a name and strips accents and the letters above,
// for the search index and for comparing names: "Zoë Łukasiewicz" and
// "zoe lukasiewicz" fold alike. Other scripts are kept as they are.
func FoldName(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.ToLower(letterFolds.Replace(out))
}
