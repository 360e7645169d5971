package letters

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

var testCreated = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func TestDocumentNumbersPagesOnlyWhenMoreThanOne(t *testing.T) {
	needPoppler(t)
	for _, paragraphs := range []int{1, 40} {
		d, err := NewDocument("Test letter", testCreated)
		if err != nil {
			t.Fatal(err)
		}
		d.AddPage()
		d.SetFont(Regular, 11)
		for i := 0; i < paragraphs; i++ {
			d.Paragraph(fmt.Sprintf("Paragraph %d. Dear Ахмед, thank you for your letter about your appointment.", i+1))
			d.Space(4)
		}
		var buf bytes.Buffer
		if err := d.Output(&buf); err != nil {
			t.Fatal(err)
		}
		path := writePDF(t, fmt.Sprintf("document-%d.pdf", paragraphs), buf.Bytes())
		pages := pageCount(t, path)
		text := pdfText(t, path)
		if paragraphs == 1 {
			if pages != 1 || strings.Contains(text, "Page 1") {
				t.Errorf("one-page document: %d pages, numbered %v", pages, strings.Contains(text, "Page 1"))
			}
			continue
		}
		if pages < 2 {
			t.Fatalf("%d paragraphs fit on %d page; make the test longer", paragraphs, pages)
		}
		for p := 1; p <= pages; p++ {
			if want := fmt.Sprintf("Page %d of %d", p, pages); !strings.Contains(text, want) {
				t.Errorf("text lacks %q:\n%s", want, text)
			}
		}
		checkInsideMargins(t, path)
	}
}

func TestDocumentComposesAccents(t *testing.T) {
	needPoppler(t)
	d, err := NewDocument("Test", testCreated)
	if err != nil {
		t.Fatal(err)
	}
	d.AddPage()
	// "Siân Ŵyn" and "Zoë" typed with separate combining marks.
	d.Paragraph("Sia\u0302n W\u0302yn, Zoe\u0308")
	d.SetFont(Bold, 14)
	d.Bullet("Łukasiewicz-O'Brien")
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, writePDF(t, "accents.pdf", buf.Bytes()))
	for _, want := range []string{"Siân Ŵyn, Zoë", "• Łukasiewicz-O'Brien"} {
		if !strings.Contains(squash(text), want) {
			t.Errorf("text lacks %q (precomposed):\n%q", want, text)
		}
	}
}

func TestNewDocumentNeedsCreationTime(t *testing.T) {
	if _, err := NewDocument("Test", time.Time{}); err == nil {
		t.Error("zero creation time accepted; the PDF would not be reproducible")
	}
}
