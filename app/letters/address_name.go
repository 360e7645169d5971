package letters

import "strings"

// nameLayouts are the ways the recipient's name may stand in the envelope
// window, best first: on one line, then, for a letter "To the parent or
// carer of" a child (NoCarerName), broken after that opening so the
// child's name stays whole on the next line. Any other name is never
// broken: a line too wide for the window is refused.
func nameLayouts(name string) [][]string {
	layouts := [][]string{{name}}
	if child, ok := strings.CutPrefix(name, noCarerPrefix+" "); ok && strings.TrimSpace(child) != "" {
		layouts = append(layouts, []string{noCarerPrefix, child})
	}
	return layouts
}
