package app

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"clinicdesk/app/audit"
	"clinicdesk/app/complaints"
)

func TestComplaintLetterPrintsAgainByteForByteAndIsAudited(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-02")
	r := d.log(t, complaints.Written, "2026-11-02")
	d.signIn(t, "rita")
	first, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintAckTemplate})
	if err != nil {
		t.Fatal(err)
	}
	// A second acknowledgement, the next day and in other words: listed
	// first, and the first reprints as it was, not as the complaint is now.
	d.at("2026-11-03")
	second, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintAckTemplate,
		Summary: "you waited fifty minutes and were spoken to rudely"})
	if err != nil {
		t.Fatal(err)
	}

	list, err := d.c.ComplaintLetters(r.ID)
	if err != nil || len(list) != 2 {
		t.Fatalf("listed: %+v %v", list, err)
	}
	if list[0].ID != second.RecordID || list[1].ID != first.RecordID {
		t.Fatalf("not newest first: %+v, want %s then %s", list, second.RecordID, first.RecordID)
	}
	if e := list[1]; e.Title != "Acknowledgement letter" || e.Template != ComplaintAckTemplate || e.By != "rita" ||
		e.SHA256 != first.SHA256 || e.At.IsZero() {
		t.Fatalf("the first letter is listed as %+v", e)
	}

	again, err := d.c.PrintComplaintLetterAgain(first.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Identical || !bytes.Equal(again.PDF, first.PDF) || again.FileName != first.FileName {
		t.Fatalf("print again: identical=%v same bytes=%v file %q, want %q", again.Identical, bytes.Equal(again.PDF, first.PDF),
			again.FileName, first.FileName)
	}
	if text := pdfTextOf(t, again.PDF); strings.Contains(text, "fifty minutes") {
		t.Errorf("the copy of the first letter has the second's words:\n%s", text)
	}

	d.signIn(t, "amanager")
	if n := countAudit(t, d.c, "complaint_letter.reprint"); n != 1 {
		t.Errorf("%d complaint_letter.reprint audit rows, want 1", n)
	}
	rows, err := d.c.AuditLog(audit.Filter{Action: "complaint_letter.reprint", Limit: 10})
	if err != nil || len(rows) != 1 || rows[0].Username != "rita" || rows[0].EntityID != r.ID ||
		!strings.Contains(rows[0].Detail, first.RecordID) || !strings.Contains(rows[0].Detail, "identical=true") {
		t.Fatalf("reprint audit: %+v %v", rows, err)
	}
}

func TestComplaintLetterReprintSaysSoWhenTheLogoHasChanged(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-02")
	r := d.log(t, complaints.Written, "2026-11-02")
	res, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintAckTemplate})
	if err != nil {
		t.Fatal(err)
	}
	details, err := d.c.Details()
	if err != nil {
		t.Fatal(err)
	}
	details.Logo = tinyPNG(t)
	if err := d.c.SaveDetails(details); err != nil {
		t.Fatal(err)
	}
	again, err := d.c.PrintComplaintLetterAgain(res.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	if again.Identical || bytes.Equal(again.PDF, res.PDF) {
		t.Fatal("a copy with a new logo is reported identical")
	}
	if text := pdfTextOf(t, again.PDF); text != pdfTextOf(t, res.PDF) {
		t.Errorf("the copy's words differ:\n%s", text)
	}
	if n := countAudit(t, d.c, "complaint_letter.reprint"); n != 1 {
		t.Errorf("%d reprints audited, want 1", n)
	}
}

func TestClinicianCannotListOrReprintComplaintLetters(t *testing.T) {
	d := newComplaintDesk(t, "2026-11-02")
	r := d.log(t, complaints.Written, "2026-11-02")
	res, err := d.c.RenderComplaintLetter(ComplaintLetterRequest{ComplaintID: r.ID, Template: ComplaintAckTemplate})
	if err != nil {
		t.Fatal(err)
	}
	d.signIn(t, "colin")
	var perm *PermissionError
	if list, err := d.c.ComplaintLetters(r.ID); !errors.As(err, &perm) || len(list) != 0 {
		t.Errorf("a clinician listed the complaint's letters: %+v %v", list, err)
	}
	if again, err := d.c.PrintComplaintLetterAgain(res.RecordID); !errors.As(err, &perm) || again.PDF != nil {
		t.Errorf("a clinician printed a complaint letter again: %v", err)
	}
	// Not through the patients' door either.
	if again, err := d.c.PrintAgain(res.RecordID); err == nil || again.PDF != nil {
		t.Errorf("a clinician printed a complaint letter through PrintAgain: %v", err)
	}
	d.signIn(t, "amanager")
	if n := countAudit(t, d.c, "complaint_letter.reprint"); n != 0 {
		t.Errorf("%d reprints audited, want none", n)
	}
}

// tinyPNG is a 2 × 2 red logo.
func tinyPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 2, 2))
	for x := range 2 {
		for y := range 2 {
			img.Set(x, y, color.RGBA{R: 200, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
