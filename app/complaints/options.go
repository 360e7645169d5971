package complaints

import (
	"fmt"
	"strings"
)

// option is one entry of a catalogue: the key stored in the clinic file, the
// label staff see, and other ways people write it (imports, the CLI).
type option[T ~string] struct {
	key     T
	label   string
	aliases []string
}

// maxParseInput bounds the work done on pasted text; no key or label is
// anywhere near this long.
const maxParseInput = 200

// separators are read as spaces, so "Response_sent", "response sent" and
// " RESPONSE-SENT " are the same word, and "65-74" matches the label "65–74".
var separators = strings.NewReplacer("_", " ", "-", " ", "–", " ", "—", " ")

// normalise folds case, surrounding space, runs of inner space and separators.
func normalise(s string) string {
	s = separators.Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// parseOption finds s among the keys, labels and aliases of opts. what names
// the catalogue in the error, e.g. "channel".
func parseOption[T ~string](what, s string, opts []option[T]) (T, error) {
	if len(s) <= maxParseInput {
		want := normalise(s)
		for _, o := range opts {
			if want == normalise(string(o.key)) || want == normalise(o.label) {
				return o.key, nil
			}
			for _, a := range o.aliases {
				if want == normalise(a) {
					return o.key, nil
				}
			}
		}
	}
	shown := s
	if r := []rune(shown); len(r) > 40 {
		shown = string(r[:40]) + "…"
	}
	return "", fmt.Errorf("unknown %s %q: choose %s", what, shown, choices(opts))
}

// choices lists the labels for an error message: "Oral, Written or Email".
func choices[T ~string](opts []option[T]) string {
	labels := make([]string, len(opts))
	for i, o := range opts {
		labels[i] = o.label
	}
	if len(labels) == 1 {
		return labels[0]
	}
	return strings.Join(labels[:len(labels)-1], ", ") + " or " + labels[len(labels)-1]
}

// labelOf returns the label of key, or the key itself when it is not in the
// catalogue (an old value kept in the file should still show).
func labelOf[T ~string](key T, opts []option[T]) string {
	for _, o := range opts {
		if o.key == key {
			return o.label
		}
	}
	return string(key)
}

func keysOf[T ~string](opts []option[T]) []T {
	keys := make([]T, len(opts))
	for i, o := range opts {
		keys[i] = o.key
	}
	return keys
}

func known[T ~string](key T, opts []option[T]) bool {
	for _, o := range opts {
		if o.key == key {
			return true
		}
	}
	return false
}
