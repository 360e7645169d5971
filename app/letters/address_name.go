package letters

import "strings"

// nameLayouts are the ways the recipient's name may stand in the envelope
// window, best first: on one line, then, for a name that says whose parent
// or carer it is ("To the parent or carer of Eimear Nic Giolla Phádraig"),
// broken after "of" so the child's name stays whole on the next line. A
// long name alone is never broken: a line too wide for it is refused.
func nameLayouts(name string) [][]string {
	layouts := [][]string{{name}}
	if i := strings.LastIndex(name, " of "); i > 0 {
		if before, after := strings.TrimSpace(name[:i+3]), strings.TrimSpace(name[i+4:]); after != "" {
			layouts = append(layouts, []string{before, after})
		}
	}
	return layouts
}
