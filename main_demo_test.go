package main

import (
	"bytes"
	"strings"
	"testing"

	"clinicdesk/screens"
)

// Item 20: `clinicdesk demo --help` lists every screen it can open on.
func TestDemoHelpListsTheScreens(t *testing.T) {
	fs, _, _ := demoFlags()
	var out bytes.Buffer
	fs.SetOutput(&out)
	fs.Usage()
	ids := screens.ScreenIDs()
	if len(ids) < 6 {
		t.Fatalf("only %d screens registered", len(ids))
	}
	for _, id := range ids {
		if !strings.Contains(out.String(), id) {
			t.Fatalf("demo --help does not list %q:\n%s", id, out.String())
		}
	}
}
