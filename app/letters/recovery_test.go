package letters

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

const welshClinic = "Clinig Iechyd Siân Ŵyn – Zoë Łukasiewicz-O'Brien"

func sampleSheet() RecoverySheetData {
	return RecoverySheetData{
		ClinicName:    welshClinic,
		ClinicAddress: "Uned 4, Stryd Fawr\nLlanfair Caereinion\nPowys\nSY21 0RY",
		ClinicFile:    `C:\Users\Reception\Documents\ClinicDesk\clinic.cdk`,
		RecoveryKey:   "K7QM4-R2D9T-H0W8Z-5NX3C-PV6BJ-F1YGE",
		Created:       time.Date(2026, 11, 23, 10, 15, 0, 0, time.UTC),
		CreatedBy:     "Ахмед Łukasiewicz",
	}
}

func renderSheet(t *testing.T, s RecoverySheetData) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RecoverySheet(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRecoverySheetText(t *testing.T) {
	needPoppler(t)
	s := sampleSheet()
	path := writePDF(t, "recovery-sheet.pdf", renderSheet(t, s))
	raw := pdfText(t, path)
	text := squash(raw)

	if n := strings.Count(raw, s.RecoveryKey); n != 1 {
		t.Errorf("recovery key %q found %d times in the text, want exactly once:\n%s", s.RecoveryKey, n, raw)
	}
	for _, want := range []string{
		"Emergency recovery sheet",
		"CONFIDENTIAL",
		welshClinic,
		"Uned 4, Stryd Fawr, Llanfair Caereinion, Powys, SY21 0RY",
		"Monday 23 November 2026",
		"Ахмед Łukasiewicz",
		s.ClinicFile,
		"“Forgotten your password?”",
		"Settings → Security",
		"locked safe or cabinet",
		"Never photograph, scan, copy or email it",
		"Anyone with this sheet and a copy of the clinic file can read the patient records",
		"Making a new key makes this sheet useless",
		"Stored by",
		"Name and signature",
		"A zero has a line through it",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet text lacks %q:\n%s", want, raw)
		}
	}
	if n := pageCount(t, path); n != 1 {
		t.Errorf("sheet has %d pages, want 1", n)
	}
	if strings.Contains(text, "Page 1") {
		t.Error("a one-page sheet should not be numbered")
	}
	checkInsideMargins(t, path)
}

func TestRecoverySheetZeroNoteOnlyWhenKeyHasZero(t *testing.T) {
	needPoppler(t)
	s := sampleSheet()
	s.RecoveryKey = "K7QM4-R2D9T-HSW8Z-5NX3C-PV6BJ-F1YGE"
	text := squash(pdfText(t, writePDF(t, "no-zero.pdf", renderSheet(t, s))))
	if !strings.Contains(text, s.RecoveryKey) {
		t.Errorf("text lacks key %q:\n%s", s.RecoveryKey, text)
	}
	if strings.Contains(text, "zero") {
		t.Errorf("zero note printed for a key without a zero:\n%s", text)
	}
}

func TestRecoverySheetFontsEmbedded(t *testing.T) {
	needPoppler(t)
	path := writePDF(t, "fonts.pdf", renderSheet(t, sampleSheet()))
	fs := fonts(t, path)
	if len(fs) < 2 {
		t.Fatalf("want regular and bold fonts, pdffonts lists %v", fs)
	}
	for _, f := range fs {
		if f.embedded != "yes" {
			t.Errorf("font %q is not embedded (emb %q)", f.name, f.embedded)
		}
		if !strings.Contains(f.name, "DejaVu") && !strings.Contains(strings.ToLower(f.name), "dejavu") {
			t.Errorf("unexpected font %q: only the embedded DejaVu fonts should be used", f.name)
		}
	}
}

func TestRecoverySheetIsDeterministic(t *testing.T) {
	first := renderSheet(t, sampleSheet())
	// gofpdf keeps fonts and glyphs in maps; several runs give map order
	// the chance to show through if anything depended on it.
	for i := 0; i < 4; i++ {
		if again := renderSheet(t, sampleSheet()); !bytes.Equal(first, again) {
			t.Fatalf("run %d: same inputs gave different PDF bytes", i+2)
		}
	}
	later := sampleSheet()
	later.Created = later.Created.Add(24 * time.Hour)
	if bytes.Equal(first, renderSheet(t, later)) {
		t.Error("a different creation date gave identical bytes")
	}
}

func TestRecoverySheetWrapsLongText(t *testing.T) {
	needPoppler(t)
	s := sampleSheet()
	s.ClinicName = "The Llanfairpwllgwyngyll and Porthaethwy Community Physiotherapy, Sports Injury and " +
		"Musculoskeletal Rehabilitation Partnership – Clinig Ffisiotherapi Siân Ŵyn a Zoë Łukasiewicz-O'Brien"
	s.ClinicAddress = "The Old Coach House and Stables, Rear of 112–114 Upper Bangor High Street\n" +
		"Ystad Ddiwydiannol Parc Menai, Off the Roundabout Opposite the Garden Centre\n" +
		"Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch\nYnys Môn\nLL61 5UJ"
	s.ClinicFile = `D:\ClinicData\Practice Management\Encrypted Clinic Files\` +
		`LlanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochCommunityPhysiotherapy\clinic-2026-11-23.cdk`
	s.CreatedBy = "Dr Zoë Łukasiewicz-O'Brien-Fitzwilliam-Montgomery, Practice Manager and Clinical Lead"
	// Longer than any key ClinicDesk makes, to exercise wrapping of the key box.
	s.RecoveryKey = "K7QM4-R2D9T-H0W8Z-5NX3C-PV6BJ-F1YGE-A2B3C-D4E5F"

	path := writePDF(t, "recovery-sheet-long.pdf", renderSheet(t, s))
	raw := pdfText(t, path)
	text := squash(raw)
	if n := pageCount(t, path); n != 1 {
		t.Errorf("long sheet has %d pages, want 1", n)
	}
	checkInsideMargins(t, path)
	if !strings.Contains(raw, s.RecoveryKey) {
		t.Errorf("text lacks the key %q:\n%s", s.RecoveryKey, raw)
	}
	for _, want := range []string{s.ClinicName, s.CreatedBy, "Stored by"} {
		if !strings.Contains(text, want) {
			t.Errorf("long sheet text lacks %q:\n%s", want, raw)
		}
	}
	// A path has no spaces to break at, so it wraps mid-word; compare without white space.
	noSpace := strings.Join(strings.Fields(raw), "")
	if !strings.Contains(noSpace, strings.Join(strings.Fields(s.ClinicFile), "")) {
		t.Errorf("long sheet text lacks the clinic file path:\n%s", raw)
	}
}

func TestRecoverySheetRejectsMissingFields(t *testing.T) {
	for name, blank := range map[string]func(*RecoverySheetData){
		"clinic name":          func(s *RecoverySheetData) { s.ClinicName = " " },
		"clinic file location": func(s *RecoverySheetData) { s.ClinicFile = "" },
		"recovery key":         func(s *RecoverySheetData) { s.RecoveryKey = "" },
		"date created":         func(s *RecoverySheetData) { s.Created = time.Time{} },
		"created by":           func(s *RecoverySheetData) { s.CreatedBy = "" },
	} {
		s := sampleSheet()
		blank(&s)
		var buf bytes.Buffer
		err := RecoverySheet(&buf, s)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("blank %s: err = %v, want one naming it", name, err)
		}
		if buf.Len() != 0 {
			t.Errorf("blank %s: wrote %d bytes, want none", name, buf.Len())
		}
	}
}

func TestLayoutKeyBreaksBetweenGroups(t *testing.T) {
	// Cells of 10 mm: a 5-character group and its dash take 60 mm.
	rows := layoutKey("AAAAA-BBBBB-CCCCC-DDDDD", 10, 10, 125)
	var got []string
	for _, row := range rows {
		var b strings.Builder
		for _, c := range row {
			b.WriteString(string(c.chars))
			if c.dashAfter {
				b.WriteString("-")
			}
		}
		got = append(got, b.String())
	}
	want := []string{"AAAAA-BBBBB-", "CCCCC-DDDDD"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows = %q, want %q", got, want)
	}
}

func TestRecoverySheetRejectsOddKeyCharacters(t *testing.T) {
	for _, key := range []string{"K7QM4 R2D9T", "K7QM4–R2D9T", "K7QM4-\nR2D9T", "K7QM4-R2DÖT"} {
		s := sampleSheet()
		s.RecoveryKey = key
		err := RecoverySheet(&bytes.Buffer{}, s)
		if err == nil {
			t.Errorf("key %q accepted", key)
			continue
		}
		if strings.Contains(err.Error(), "R2D") {
			t.Errorf("error %q quotes the secret key", err)
		}
	}
}

func TestRecoverySheetPrintsDespiteEmoji(t *testing.T) {
	needPoppler(t)
	s := sampleSheet()
	s.ClinicName = "Smile\tDental 😀 Clinic"
	text := squash(pdfText(t, writePDF(t, "emoji.pdf", renderSheet(t, s))))
	if !strings.Contains(text, "Smile Dental � Clinic") {
		t.Errorf("emoji not replaced as expected:\n%s", text)
	}
}
