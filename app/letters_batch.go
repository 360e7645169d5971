package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"clinicdesk/app/letters"
	"clinicdesk/app/patients"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// BatchResult is many letters made into one PDF for printing together.
type BatchResult struct {
	PDF     []byte
	Letters int
	// Skipped are the letters that could not be written, one line each
	// naming the patient and why ("no address").
	Skipped  []string
	Warnings []string // each naming its patient
	FileName string
}

// ReminderLetters writes the appointment reminder for every appointment
// still booked on day, in time order, into one PDF: each letter keeps its
// own "Page 1 of 2". It runs on the caller's goroutine (the GUI calls it
// from a worker), reports progress as letters are drawn, and stops,
// logging nothing, when ctx is cancelled.
func (c *Clinic) ReminderLetters(ctx context.Context, day ukcal.Date, progress func(done, total int)) (BatchResult, error) {
	c.mu.Lock()
	store := c.store
	_, err := c.require(PermPrintLetters)
	c.mu.Unlock()
	if err != nil {
		return BatchResult{}, err
	}
	entries, err := store.Diary(data.DiaryFilter{From: day.String(), To: day.String()})
	if err != nil {
		return BatchResult{}, err
	}
	var reqs []LetterRequest
	for _, e := range entries {
		if e.Status == data.StatusBooked {
			reqs = append(reqs, LetterRequest{Template: "appointment_reminder", PatientID: e.PatientID, AppointmentID: e.ID})
		}
	}
	if len(reqs) == 0 {
		return BatchResult{}, fmt.Errorf("no appointments are booked on %s, so there are no reminders to print", day.Time().Format("Monday 2 January 2006"))
	}
	res, err := c.LetterBatch(ctx, reqs, progress)
	res.FileName = "Appointment reminders " + day.String() + ".pdf"
	return res, err
}

// LetterBatch writes many letters into one PDF, drawing them on every
// core, and logs each on its patient's timeline in one transaction once
// all are made. A letter that cannot be written (no address, say) is
// skipped and named in the result; the others are made.
func (c *Clinic) LetterBatch(ctx context.Context, reqs []LetterRequest, progress func(done, total int)) (BatchResult, error) {
	c.mu.Lock()
	store := c.store
	s, err := c.require(PermPrintLetters)
	var session Session
	if err == nil {
		session = *s
		err = c.ensureTemplatesLocked()
	}
	c.mu.Unlock()
	if err != nil {
		return BatchResult{}, err
	}
	window, err := readLetterWindow(store)
	if err != nil {
		return BatchResult{}, err
	}
	templates := map[string]LetterTemplate{}
	var res BatchResult
	var prepared []preparedLetter
	for _, req := range reqs {
		if err := ctx.Err(); err != nil {
			return BatchResult{}, err
		}
		tmpl, ok := templates[req.Template]
		if !ok {
			if tmpl, err = store.LetterTemplate(req.Template); err != nil {
				return BatchResult{}, notFound(err, fmt.Sprintf("there is no letter template called %q", req.Template))
			}
			templates[req.Template] = tmpl
		}
		p, err := c.prepareLetter(store, &session, tmpl, window, req)
		if err != nil {
			res.Skipped = append(res.Skipped, skippedLine(store, req, err))
			continue
		}
		prepared = append(prepared, p)
	}
	if len(prepared) == 0 {
		return res, errors.New("none of the letters could be written: " + strings.Join(res.Skipped, "; "))
	}
	rendered, err := renderAll(ctx, prepared, progress)
	if err != nil {
		return BatchResult{}, err
	}
	docs := make([][]byte, len(rendered))
	for i, r := range rendered {
		docs[i] = r.PDF
		for _, w := range r.Warnings {
			res.Warnings = append(res.Warnings, prepared[i].letter.Recipient.Name+": "+w)
		}
	}
	res.PDF, err = joinPDFs(docs, "Letters", prepared[0].letter.Date.Time())
	if err != nil {
		return BatchResult{}, err
	}
	res.Letters = len(prepared)
	res.FileName = "Letters " + prepared[0].letter.Date.String() + ".pdf"
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := c.require(PermPrintLetters); err != nil {
		return BatchResult{}, err // locked while the batch ran: log nothing, show nothing
	}
	err = c.write(&session, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		for _, p := range prepared {
			if err := logLetter(tx, audit, p.record); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return BatchResult{}, err
	}
	return res, nil
}

// skippedLine names the patient a letter could not be written for.
func skippedLine(store *data.Store, req LetterRequest, err error) string {
	name := "a patient"
	if p, perr := store.Patient(req.PatientID); perr == nil {
		name = strings.Join(strings.Fields(p.Forenames+" "+p.Surname), " ")
	}
	return name + ": " + err.Error()
}

// renderAll draws the letters on every core, in order, reporting each one
// done; it stops at the first failure or when ctx is cancelled.
func renderAll(ctx context.Context, prepared []preparedLetter, progress func(done, total int)) ([]LetterResult, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	out := make([]LetterResult, len(prepared))
	jobs := make(chan int)
	done := make(chan error)
	var wg sync.WaitGroup
	for range max(1, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r, err := renderPrepared(&prepared[i])
				out[i] = r
				select {
				case done <- err:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range prepared {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var failed error
	for n := 1; n <= len(prepared) && failed == nil; n++ {
		select {
		case err := <-done:
			if err != nil {
				failed = err
				break
			}
			if progress != nil {
				progress(n, len(prepared))
			}
		case <-ctx.Done():
			failed = ctx.Err()
		}
	}
	cancel()
	wg.Wait()
	return out, failed
}

// printedSlip is what the correspondence log keeps of a slip.
type printedSlip struct {
	Slip    letters.Slip
	Printed time.Time
}

// slipFor is the appointment card for one diary entry.
func slipFor(clinic data.ClinicDetails, e data.DiaryEntry) letters.Slip {
	d, _ := ukcal.ParseDate(e.Date)
	location := e.RoomName
	if lines := addressLines(clinic.Address); len(lines) > 0 {
		location = strings.Join(append(nonEmpty(e.RoomName), lines[0]), ", ")
	}
	phone := printablePhone(clinic.Phone)
	howTo := "To cancel or change this appointment, please call us as soon as you can."
	if phone != "" {
		howTo = "To cancel or change, please call " + phone + " as soon as you can."
	}
	return letters.Slip{ClinicName: clinic.Name, ClinicPhone: phone, Patient: e.PatientName, Date: d, StartMin: e.StartMin,
		Clinician: e.ClinicianName, Location: location, HowToCancel: howTo}
}

func nonEmpty(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return []string{s}
}

// SlipResult is an appointment slip, or a sheet of them, made and logged.
type SlipResult struct {
	PDF      []byte
	Slips    int
	Warnings []string
	FileName string
}

// AppointmentSlip makes the card-size slip for one appointment.
func (c *Clinic) AppointmentSlip(appointmentID string) (SlipResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return SlipResult{}, err
	}
	a, err := c.store.Appointment(appointmentID)
	if err != nil {
		return SlipResult{}, notFound(err, "that appointment is not in the diary")
	}
	entries, err := c.store.Diary(data.DiaryFilter{From: a.Date, To: a.Date, PatientID: a.PatientID, WithCancelled: true})
	if err != nil {
		return SlipResult{}, err
	}
	for _, e := range entries {
		if e.ID == appointmentID {
			return c.slipsLocked(s, []data.DiaryEntry{e}, false)
		}
	}
	return SlipResult{}, errors.New("that appointment is not in the diary")
}

// DaySlips makes the slips for every appointment booked on day, ten to an
// A4 sheet with cut marks.
func (c *Clinic) DaySlips(day ukcal.Date) (SlipResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return SlipResult{}, err
	}
	entries, err := c.store.Diary(data.DiaryFilter{From: day.String(), To: day.String()})
	if err != nil {
		return SlipResult{}, err
	}
	var booked []data.DiaryEntry
	for _, e := range entries {
		if e.Status == data.StatusBooked || e.Status == data.StatusArrived {
			booked = append(booked, e)
		}
	}
	if len(booked) == 0 {
		return SlipResult{}, fmt.Errorf("no appointments are booked on %s", day.Time().Format("Monday 2 January 2006"))
	}
	res, err := c.slipsLocked(s, booked, true)
	res.FileName = "Appointment slips " + day.String() + ".pdf"
	return res, err
}

// slipsLocked draws slips (one card, or sheets of ten) and logs one slip
// per patient with the SHA-256 of the PDF made. Caller holds c.mu.
func (c *Clinic) slipsLocked(s *Session, entries []data.DiaryEntry, sheet bool) (SlipResult, error) {
	clinic, err := c.store.Clinic()
	if err != nil {
		return SlipResult{}, err
	}
	now := c.clock()
	slips := make([]letters.Slip, len(entries))
	for i, e := range entries {
		slips[i] = slipFor(clinic, e)
	}
	var buf bytes.Buffer
	var ws letters.Warnings
	if sheet {
		ws, err = letters.RenderSlipSheet(&buf, slips, now)
	} else {
		ws, err = letters.RenderSlip(&buf, slips[0], now)
	}
	if err != nil {
		return SlipResult{}, err
	}
	sum := sha256Hex(buf.Bytes())
	recs := make([]data.LetterRecord, len(entries))
	for i, e := range entries {
		content, err := jsonString(printedSlip{Slip: slips[i], Printed: now})
		if err != nil {
			return SlipResult{}, err
		}
		recs[i] = data.LetterRecord{ID: newID(), PatientID: e.PatientID, Kind: data.LetterKindSlip, Template: "slip",
			Title: "Appointment slip", AppointmentID: e.ID, Content: content, SHA256: sum, CreatedBy: s.User.Username, CreatedAt: now.UTC()}
	}
	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		for _, r := range recs {
			if err := logLetter(tx, audit, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return SlipResult{}, err
	}
	res := SlipResult{PDF: buf.Bytes(), Slips: len(entries), Warnings: ws.Messages(), FileName: "Appointment slip " + entries[0].Date + ".pdf"}
	return res, nil
}

// DayLists makes one day list per clinician with appointments on day, in
// the day view's column order, as one PDF. Every patient on a list has the
// print recorded in their audit trail.
func (c *Clinic) DayLists(day ukcal.Date) (SlipResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, err := c.require(PermPrintLetters)
	if err != nil {
		return SlipResult{}, err
	}
	clinic, err := c.store.Clinic()
	if err != nil {
		return SlipResult{}, err
	}
	entries, err := c.store.Diary(data.DiaryFilter{From: day.String(), To: day.String(), WithCancelled: true})
	if err != nil {
		return SlipResult{}, err
	}
	clinicians, err := c.store.Clinicians(false)
	if err != nil {
		return SlipResult{}, err
	}
	now := c.clock().In(ukcal.London())
	var docs [][]byte
	var warnings []string
	var listed []data.DiaryEntry
	for _, cl := range clinicians {
		list := letters.DayList{ClinicName: clinic.Name, Clinician: cl.Name, Date: day, Printed: now}
		for _, e := range entries {
			if e.ClinicianID == cl.ID {
				list.Rows = append(list.Rows, dayListRow(e))
				listed = append(listed, e)
			}
		}
		if len(list.Rows) == 0 {
			continue
		}
		var buf bytes.Buffer
		ws, err := letters.RenderDayList(&buf, list)
		if err != nil {
			return SlipResult{}, err
		}
		docs = append(docs, buf.Bytes())
		warnings = append(warnings, ws.Messages()...)
	}
	if len(docs) == 0 {
		return SlipResult{}, fmt.Errorf("no one has appointments on %s", day.Time().Format("Monday 2 January 2006"))
	}
	pdf, err := joinPDFs(docs, "Day lists", now)
	if err != nil {
		return SlipResult{}, err
	}
	err = c.write(s, func(tx *data.Tx, audit func(string, string, string, string, string) error) error {
		for _, e := range listed {
			if err := audit("daylist.print", "appointment", e.ID, e.PatientID, day.String()); err != nil {
				return err
			}
		}
		return nil
	})
	return SlipResult{PDF: pdf, Slips: len(docs), Warnings: warnings, FileName: "Day lists " + day.String() + ".pdf"}, err
}

// dayListRow is one appointment as the printed day list shows it.
func dayListRow(e data.DiaryEntry) letters.DayListRow {
	row := letters.DayListRow{StartMin: e.StartMin, EndMin: e.EndMin, Patient: e.PatientName, Type: e.TypeName,
		Status: StatusLabel(e.Status), Inactive: IsCancelled(e.Status)}
	row.DOB, _ = ukcal.ParseDate(e.PatientDOB)
	for _, a := range e.Alerts {
		text := patients.Label(patients.AlertKinds, a.Kind)
		if a.Text != "" {
			text += ": " + a.Text
		}
		row.Alerts = append(row.Alerts, text)
	}
	for _, need := range e.AISNeeds {
		row.Alerts = append(row.Alerts, patients.Label(patients.AISNeeds, need))
	}
	return row
}

// joinPDFs puts whole PDFs one after another into one PDF, each keeping its
// own pages, fonts and page numbers ("Page 1 of 2" stays the letter's own).
// It reads only what app/letters writes (gofpdf: a classic cross-reference
// table, the page tree in one /Pages object), renumbering each document's
// objects after the previous one's and hanging every page from one new
// page tree. Streams are copied byte for byte.
func joinPDFs(docs [][]byte, title string, created time.Time) ([]byte, error) {
	var out bytes.Buffer
	out.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	var offsets []int // by new object number - 1
	var kids []int
	// Object 1 is the new page tree, written last; numbers start at 2.
	offsets = append(offsets, 0)
	next := 2
	for i, doc := range docs {
		d, err := readPDF(doc)
		if err != nil {
			return nil, fmt.Errorf("joining PDF %d: %w", i+1, err)
		}
		renumber := map[int]int{}
		for _, n := range d.order {
			if n == d.root || n == d.info || n == d.pages {
				continue
			}
			renumber[n] = next
			next++
		}
		for _, n := range d.order {
			newN, ok := renumber[n]
			if !ok {
				continue
			}
			// Only the dictionary is renumbered; a stream is binary.
			head, stream := d.objects[n], []byte(nil)
			if k := bytes.Index(head, []byte("stream\n")); k >= 0 {
				head, stream = head[:k], head[k:]
			}
			head = pdfRef.ReplaceAllFunc(head, func(ref []byte) []byte {
				var old int
				fmt.Sscanf(string(ref), "%d", &old)
				if old == d.pages {
					return []byte("1 0 R")
				}
				if to, ok := renumber[old]; ok {
					return []byte(fmt.Sprintf("%d 0 R", to))
				}
				return ref
			})
			if d.isPage[n] && d.mediaBox != "" {
				head = bytes.Replace(head, []byte("/Type /Page"), []byte("/Type /Page\n/MediaBox "+d.mediaBox), 1)
			}
			offsets = append(offsets, out.Len())
			fmt.Fprintf(&out, "%d 0 obj\n", newN)
			out.Write(head)
			out.Write(stream)
			out.WriteString("endobj\n")
		}
		for _, k := range d.kids {
			kids = append(kids, renumber[k])
		}
	}
	offsets[0] = out.Len()
	out.WriteString("1 0 obj\n<</Type /Pages\n/Kids [")
	for _, k := range kids {
		fmt.Fprintf(&out, "%d 0 R ", k)
	}
	fmt.Fprintf(&out, "]\n/Count %d\n>>\nendobj\n", len(kids))
	info, catalog := next, next+1
	offsets = append(offsets, out.Len())
	stamp := created.UTC().Format("20060102150405")
	fmt.Fprintf(&out, "%d 0 obj\n<<\n/Producer (ClinicDesk)\n/Creator (ClinicDesk)\n/Title (%s)\n/CreationDate (D:%s)\n/ModDate (D:%s)\n>>\nendobj\n",
		info, pdfASCII(title), stamp, stamp)
	offsets = append(offsets, out.Len())
	fmt.Fprintf(&out, "%d 0 obj\n<<\n/Type /Catalog\n/Pages 1 0 R\n>>\nendobj\n", catalog)
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", catalog+1)
	// offsets holds object 1 first, then 2, 3, … in writing order.
	for _, off := range offsets {
		fmt.Fprintf(&out, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&out, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", catalog+1, catalog, info, xref)
	return out.Bytes(), nil
}

// pdfASCII keeps a PDF literal string to safe ASCII.
func pdfASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r > '~' || r == '(' || r == ')' || r == '\\' {
			return -1
		}
		return r
	}, s)
}

var (
	pdfRef       = regexp.MustCompile(`\b\d+ 0 R\b`)
	pdfStartXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	pdfTrailer   = regexp.MustCompile(`/Root (\d+) 0 R[\s\S]*?/Info (\d+) 0 R|/Info (\d+) 0 R[\s\S]*?/Root (\d+) 0 R`)
	pdfPagesRef  = regexp.MustCompile(`/Pages (\d+) 0 R`)
	pdfKids      = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	pdfMediaBox  = regexp.MustCompile(`/MediaBox (\[[^\]]*\])`)
)

// parsedPDF is one document's objects, by number, without their
// "n 0 obj" and "endobj" lines.
type parsedPDF struct {
	objects           map[int][]byte
	order             []int // by offset in the file
	root, info, pages int
	kids              []int
	isPage            map[int]bool
	mediaBox          string // the page tree's, inherited by its pages
}

// readPDF reads a PDF as app/letters writes it.
func readPDF(b []byte) (parsedPDF, error) {
	d := parsedPDF{objects: map[int][]byte{}, isPage: map[int]bool{}}
	m := pdfStartXref.FindSubmatch(b)
	if m == nil {
		return d, errors.New("no cross-reference table")
	}
	var xref int
	fmt.Sscanf(string(m[1]), "%d", &xref)
	if xref <= 0 || xref >= len(b) || !bytes.HasPrefix(b[xref:], []byte("xref")) {
		return d, errors.New("the cross-reference table is not where the file says")
	}
	lines := strings.Split(string(b[xref:]), "\n")
	var first, count int
	if len(lines) < 3 {
		return d, errors.New("the cross-reference table is cut short")
	}
	if _, err := fmt.Sscanf(lines[1], "%d %d", &first, &count); err != nil || first != 0 || len(lines) < 2+count {
		return d, errors.New("the cross-reference table has more than one section")
	}
	offsets := map[int]int{}
	for n := 1; n < count; n++ {
		var off, gen int
		var kind string
		if _, err := fmt.Sscanf(lines[2+n], "%d %d %s", &off, &gen, &kind); err != nil || kind != "n" {
			continue
		}
		offsets[n] = off
		d.order = append(d.order, n)
	}
	sort.Slice(d.order, func(i, j int) bool { return offsets[d.order[i]] < offsets[d.order[j]] })
	for i, n := range d.order {
		end := xref
		if i+1 < len(d.order) {
			end = offsets[d.order[i+1]]
		}
		obj := b[offsets[n]:end]
		header := fmt.Sprintf("%d 0 obj\n", n)
		k := bytes.LastIndex(obj, []byte("endobj"))
		if !bytes.HasPrefix(obj, []byte(header)) || k < 0 {
			return d, fmt.Errorf("object %d is not where the table says", n)
		}
		d.objects[n] = obj[len(header):k]
	}
	t := pdfTrailer.FindSubmatch(b[xref:])
	if t == nil {
		return d, errors.New("no /Root and /Info in the trailer")
	}
	if len(t[1]) > 0 {
		fmt.Sscanf(string(t[1]), "%d", &d.root)
		fmt.Sscanf(string(t[2]), "%d", &d.info)
	} else {
		fmt.Sscanf(string(t[4]), "%d", &d.root)
		fmt.Sscanf(string(t[3]), "%d", &d.info)
	}
	pm := pdfPagesRef.FindSubmatch(d.objects[d.root])
	if pm == nil {
		return d, errors.New("the catalogue names no page tree")
	}
	fmt.Sscanf(string(pm[1]), "%d", &d.pages)
	tree := d.objects[d.pages]
	km := pdfKids.FindSubmatch(tree)
	if km == nil {
		return d, errors.New("the page tree lists no pages")
	}
	for _, ref := range pdfRef.FindAll(km[1], -1) {
		var n int
		fmt.Sscanf(string(ref), "%d", &n)
		if bytes.Contains(d.objects[n], []byte("/Type /Pages")) {
			return d, errors.New("the page tree is nested")
		}
		d.kids = append(d.kids, n)
		d.isPage[n] = true
	}
	if mb := pdfMediaBox.FindSubmatch(tree); mb != nil {
		d.mediaBox = string(mb[1])
	}
	return d, nil
}
