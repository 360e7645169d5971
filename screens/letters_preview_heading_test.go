package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// The editor's preview shows the final response's headings in bold, each
// a block of its own, without the "# " mark, as the letter prints them.
func TestTemplatePreviewShowsHeadingsInBold(t *testing.T) {
	c := tcClinic(t)
	tpHoldResults(t)
	tab, _ := ltTab(t, c)
	tpIdle(t)
	for i, lt := range tab.templates {
		if lt.Name == "complaint_final" {
			tab.list.Select(i)
		}
	}
	tpIdle(t)
	tab.showPreview()
	tpIdle(t)
	var headings []string
	for _, s := range tab.preview.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold && !ts.Style.Inline {
			headings = append(headings, ts.Text)
		}
	}
	// The subject is bold too, and comes first.
	want := "How we looked into your complaint|What we found|What we have done"
	if len(headings) != 4 || strings.Join(headings[1:], "|") != want {
		t.Fatalf("bold blocks %q, want the subject then %q", headings, want)
	}
	if strings.Contains(tab.preview.String(), "# ") {
		t.Errorf("the heading mark shows: %q", tab.preview.String())
	}
}
