package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"clinicdesk/app/audit"
	"clinicdesk/app/kdf"
	"clinicdesk/app/nhs"
	"clinicdesk/app/patients"
	"clinicdesk/app/practice"
	"clinicdesk/app/sar"
	"clinicdesk/app/schedule"
	"clinicdesk/app/testvectors"
	"clinicdesk/app/ukcal"
)

// sarClinic is a real encrypted clinic in a temp folder whose clock is the
// returned pointer's value.
func sarClinic(t *testing.T) (*Clinic, *time.Time) {
	t.Helper()
	c, _, err := Create(Setup{Path: filepath.Join(t.TempDir(), "clinic.db"),
		Clinic: practice.Details{Name: "Clinig Iechyd Siân", Address: "1 Heol y Frenhines\nCaerdydd\nCF10 1AA",
			Phone: "029 2018 0123", Email: "desk@clinig.example"},
		Manager: NewUser{Username: "amanager", FullName: "Ann Manager", Password: "mossy-kettle-harbour"},
		KDF:     kdf.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	now := time.Date(2026, 11, 24, 14, 5, 0, 0, ukcal.London())
	c.now = func() time.Time { return now }
	return c, &now
}

func sarStaff(t *testing.T, c *Clinic, username, fullName string, role Role) string {
	t.Helper()
	password := "staff-password-" + username
	if _, err := c.AddUser(NewUser{Username: username, FullName: fullName, Role: role, Password: password}); err != nil {
		t.Fatal(err)
	}
	return password
}

func sarSignIn(t *testing.T, c *Clinic, username, password string) {
	t.Helper()
	if err := c.SignIn(username, password); err != nil {
		t.Fatal(err)
	}
}

// sarRichPatient is Zoë with most of the record filled in, a note, a call,
// a follow-up done and one open, a change and a view.
func sarRichPatient(t *testing.T, c *Clinic) patients.Patient {
	t.Helper()
	p, err := c.CreatePatient(patients.Patient{
		Title: "Ms", Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1980-03-12"), Sex: "female",
		NHSNumber: nhs.TestNHSNumber(7),
		Address:   patients.Address{Line1: "Flat 2", Line2: "14 Ffordd y Parc", Town: "Caerdydd", Postcode: "cf24 3aa"},
		Phones:    patients.Phones{Mobile: "07700 900123"},
		Email:     "zoe@example.com",
		GP:        patients.GP{Name: "Dr Ahmed", Practice: "Roath Surgery"},
		NextOfKin: patients.NextOfKin{Name: "Ахмед Łukasiewicz", Relationship: "Husband", Phone: "0113 496 0123"},
		Language:  "Polish", Interpreter: true,
		Consent: patients.Consent{Letter: true, Phone: true},
		Alerts:  []patients.Alert{{Kind: "lone_working", Text: "Prefers a chaperone"}},
		AIS:     patients.AIS{Needs: []string{"large_print", "bsl_interpreter"}, Notes: "Letters in 18 pt", Reviewed: ukcal.MustParseDate("2026-10-01")},
	}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddNote(p.ID, "Asked for letters in large print; Ахмед will sort it."); err != nil {
		t.Fatal(err)
	}
	if _, err := c.LogCall(p.ID, "in", "Rang to move her appointment to Tuesday."); err != nil {
		t.Fatal(err)
	}
	done, err := c.AddTask(p.ID, "Book a BSL interpreter", ukcal.MustParseDate("2026-11-20"), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.CompleteTask(done.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddTask(p.ID, "Send the large-print letter", ukcal.MustParseDate("2026-11-27"), ""); err != nil {
		t.Fatal(err)
	}
	p.Phones.Home = "029 2018 0456"
	if p, err = c.UpdatePatient(p, PatientOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Patient(p.ID); err != nil {
		t.Fatal(err)
	}
	return p
}

func sarSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// sarCopy is the parts of the JSON copy the tests read.
type sarCopy struct {
	Schema        string `json:"schema"`
	SchemaVersion int    `json:"schema_version"`
	GeneratedAt   string `json:"generated_at"`
	Clinic        struct {
		Name    string   `json:"name"`
		Address []string `json:"address"`
	} `json:"clinic"`
	Request struct {
		ID          string `json:"id"`
		Received    string `json:"received"`
		Due         string `json:"due"`
		DueExtended string `json:"due_extended"`
		RequestedBy string `json:"requested_by"`
	} `json:"request"`
	Patient struct {
		ID          string `json:"id"`
		Forenames   string `json:"forenames"`
		Surname     string `json:"surname"`
		DateOfBirth string `json:"date_of_birth"`
		NHSNumber   string `json:"nhs_number"`
		Phones      struct{ Mobile, Home string }
		Address     struct{ Postcode string }
		NextOfKin   struct{ Name string } `json:"next_of_kin"`
		Alerts      []struct {
			Kind struct{ Code, Label string }
			Text string
		} `json:"alerts"`
		Communication struct {
			Needs        []struct{ Code, Label string }
			LastReviewed string `json:"last_reviewed"`
		} `json:"communication_needs"`
	} `json:"patient"`
	Appointments []struct {
		ID, Date, Start, End, Clinician, Type, Room string
		Status                                      struct{ Code, Label string }
		CancelReason                                string                          `json:"cancel_reason"`
		BookedBy                                    struct{ Username, Name string } `json:"booked_by"`
		History                                     []struct {
			At        string
			By        struct{ Username, Name string }
			Status    struct{ Code, Label string }
			Reason    string
			MovedFrom *struct{ Date, Start, Clinician string } `json:"moved_from"`
		}
	} `json:"appointments"`
	Notes []struct {
		Kind, Direction, Text string
		CreatedBy             struct{ Username, Name string } `json:"created_by"`
	} `json:"notes"`
	FollowUps []struct {
		Title  string
		Due    string
		DoneAt *string `json:"done_at"`
	} `json:"follow_ups"`
	SubjectAccessRequests []struct {
		ID        string
		SHA256PDF string `json:"sha256_pdf"`
	} `json:"subject_access_requests"`
	Merges []struct {
		SurvivorID string `json:"survivor_id"`
		MergedID   string `json:"merged_id"`
	} `json:"merges"`
	Audit []struct {
		Seq         int64
		At          string
		By          struct{ Username, Name, Role string }
		Action      string
		Description string
		RecordID    string `json:"record_id"`
	} `json:"audit"`
}

func parseSARCopy(t *testing.T, b []byte) sarCopy {
	t.Helper()
	var out sarCopy
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("JSON copy does not parse: %v\n%s", err, b)
	}
	return out
}

func (s sarCopy) actions() []string {
	var out []string
	for _, a := range s.Audit {
		out = append(out, a.Action)
	}
	return out
}

// jsonKeys collects every object key in a JSON document.
func jsonKeys(v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			into[k] = true
			jsonKeys(e, into)
		}
	case []any:
		for _, e := range x {
			jsonKeys(e, into)
		}
	}
}

// sarAppointment sets up a clinician (the manager must be signed in), and
// returns a function that books the patient with her, moves the booking
// and has the patient cancel it, as the desk would.
func sarAppointment(t *testing.T, c *Clinic) func(p patients.Patient) schedule.Appointment {
	t.Helper()
	var hours schedule.WeekHours
	for d := time.Monday; d <= time.Friday; d++ {
		hours[d] = []schedule.Span{{Start: 9 * 60, End: 17 * 60}}
	}
	cl, err := c.SaveClinician(schedule.Clinician{Name: "Dr Siân Evans", Role: "GP", Active: true, Hours: hours})
	if err != nil {
		t.Fatal(err)
	}
	review, err := c.SaveAppointmentType(schedule.AppointmentType{Name: "Review", Minutes: 30, Active: true})
	if err != nil {
		t.Fatal(err)
	}
	room, err := c.SaveRoom(schedule.Room{Name: "Room 2", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	return func(p patients.Patient) schedule.Appointment {
		t.Helper()
		a, _, err := c.Book(BookingRequest{PatientID: p.ID, ClinicianID: cl.ID, RoomID: room.ID, TypeID: review.ID,
			Date: ukcal.MustParseDate("2026-11-25"), Start: schedule.MustParseClock("10:15")})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := c.Move(a.ID, MoveRequest{Date: ukcal.MustParseDate("2026-11-26"), Start: schedule.MustParseClock("11:00"),
			RoomID: room.ID, Reason: "Asked for Thursday"}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.SetStatus(a.ID, schedule.StatusCancelledPatient, "Unwell with flu"); err != nil {
			t.Fatal(err)
		}
		return a
	}
}

func TestSubjectAccessProducesRecordsAndAuditsTheCopy(t *testing.T) {
	c, now := sarClinic(t)
	bookMoveCancel := sarAppointment(t, c)
	pw := sarStaff(t, c, "areception", "Ахмед Іванов", Receptionist)
	sarSignIn(t, c, "areception", pw)
	p := sarRichPatient(t, c)
	appt := bookMoveCancel(p)

	var pdf, js bytes.Buffer
	req, err := c.SubjectAccess(p.ID, ukcal.MustParseDate("2026-11-23"), "", &pdf, &js)
	if err != nil {
		t.Fatal(err)
	}
	ew, today := ukcal.EnglandAndWales, c.today()
	if req.Received.String() != "2026-11-23" || req.Due(ew, today).String() != "2026-12-23" || req.DueExtended(ew, today).String() != "2027-02-23" {
		t.Errorf("request dates %s / %s / %s", req.Received, req.Due(ew, today), req.DueExtended(ew, today))
	}
	if req.Status() != sar.Produced || req.Scope != SARWholeRecord {
		t.Errorf("a copy made at once: status %s, scope %q", req.Status(), req.Scope)
	}
	if req.PatientID != p.ID || req.CreatedBy != "areception" || !req.ProducedAt.Equal(*now) {
		t.Errorf("request %+v", req)
	}
	if req.SHA256PDF != sarSum(pdf.Bytes()) || req.SHA256JSON != sarSum(js.Bytes()) {
		t.Error("the returned hashes are not of the bytes written")
	}

	// Stored, with the hashes of exactly what was written.
	stored, err := c.SARRequests(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 1 {
		t.Fatalf("%d requests stored, want 1", len(stored))
	}
	got := stored[0]
	if got.ID != req.ID || got.Due(ew, today).String() != "2026-12-23" || got.DueExtended(ew, today).String() != "2027-02-23" || got.RequestedBy != "patient" ||
		got.SHA256PDF != sarSum(pdf.Bytes()) || got.SHA256JSON != sarSum(js.Bytes()) || !got.ProducedAt.Equal(*now) {
		t.Errorf("stored request %+v", got)
	}

	// Audited, once, as the receptionist, against the patient.
	sars, err := c.store.ListAudit(audit.Filter{Action: "patient.sar"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sars) != 1 || sars[0].Patient != p.ID || sars[0].Username != "areception" || sars[0].EntityID != req.ID ||
		!strings.Contains(sars[0].Detail, req.SHA256PDF) || !strings.Contains(sars[0].Detail, req.SHA256JSON) {
		t.Errorf("patient.sar audit rows: %+v", sars)
	}

	// The JSON holds the record, the notes, the follow-ups and the trail.
	cp := parseSARCopy(t, js.Bytes())
	if cp.Schema != SARSchema || cp.SchemaVersion != 1 || cp.GeneratedAt != "2026-11-24T14:05:00Z" {
		t.Errorf("header %q v%d at %q", cp.Schema, cp.SchemaVersion, cp.GeneratedAt)
	}
	if cp.Clinic.Name != "Clinig Iechyd Siân" || strings.Join(cp.Clinic.Address, "|") != "1 Heol y Frenhines|Caerdydd|CF10 1AA" {
		t.Errorf("clinic %+v", cp.Clinic)
	}
	if cp.Request.ID != req.ID || cp.Request.Received != "2026-11-23" || cp.Request.Due != "2026-12-23" ||
		cp.Request.DueExtended != "2027-02-23" || cp.Request.RequestedBy != "patient" {
		t.Errorf("request block %+v", cp.Request)
	}
	pt := cp.Patient
	if pt.ID != p.ID || pt.Forenames != "Zoë" || pt.Surname != "Łukasiewicz-O'Brien" || pt.DateOfBirth != "1980-03-12" ||
		pt.NHSNumber != nhs.TestNHSNumber(7) || pt.Phones.Mobile != "+447700900123" || pt.Phones.Home != "+442920180456" ||
		pt.Address.Postcode != "CF24 3AA" || pt.NextOfKin.Name != "Ахмед Łukasiewicz" {
		t.Errorf("patient %+v", pt)
	}
	if len(pt.Alerts) != 1 || pt.Alerts[0].Kind.Label != "Do not see alone" || pt.Alerts[0].Text != "Prefers a chaperone" {
		t.Errorf("alerts %+v", pt.Alerts)
	}
	if len(pt.Communication.Needs) != 2 || pt.Communication.Needs[1].Label != "BSL interpreter" || pt.Communication.LastReviewed != "2026-10-01" {
		t.Errorf("communication needs %+v", pt.Communication)
	}
	if len(cp.Notes) != 2 || cp.Notes[0].Text != "Asked for letters in large print; Ахмед will sort it." ||
		cp.Notes[1].Kind != "call" || cp.Notes[1].Direction != "in" || cp.Notes[0].CreatedBy.Name != "Ахмед Іванов" {
		t.Errorf("notes %+v", cp.Notes)
	}
	if len(cp.FollowUps) != 2 {
		t.Fatalf("follow-ups %+v", cp.FollowUps)
	}
	for _, f := range cp.FollowUps {
		if (f.Title == "Book a BSL interpreter") != (f.DoneAt != nil) {
			t.Errorf("follow-up %+v", f)
		}
	}
	acts := strings.Join(cp.actions(), ",")
	if want := "patient.create,patient.note,patient.call,task.create,task.done,task.create,patient.update,patient.view," +
		"appointment.book,appointment.move,appointment.status"; acts != want {
		t.Errorf("audit in the copy = %s\nwant %s", acts, want)
	}
	for _, a := range cp.Audit {
		if a.By.Username != "areception" || a.By.Name != "Ахмед Іванов" || a.By.Role != "receptionist" || a.RecordID != p.ID || a.Description == "" {
			t.Errorf("audit entry %+v", a)
		}
	}
	if len(cp.SubjectAccessRequests) != 0 {
		t.Errorf("a first request lists earlier ones: %+v", cp.SubjectAccessRequests)
	}

	// The appointment, where it is now (the clinic's wall clock), and what
	// happened to it: booked, moved (from where and why), cancelled (why).
	if len(cp.Appointments) != 1 {
		t.Fatalf("appointments in the copy: %+v", cp.Appointments)
	}
	ap := cp.Appointments[0]
	if ap.ID != appt.ID || ap.Date != "2026-11-26" || ap.Start != "11:00" || ap.End != "11:30" || ap.Clinician != "Dr Siân Evans" ||
		ap.Type != "Review" || ap.Room != "Room 2" || ap.Status.Code != string(schedule.StatusCancelledPatient) ||
		ap.Status.Label != "Cancelled by the patient" || ap.CancelReason != "Unwell with flu" || ap.BookedBy.Username != "areception" {
		t.Errorf("appointment %+v", ap)
	}
	if len(ap.History) != 3 {
		t.Fatalf("appointment history %+v", ap.History)
	}
	booked, moved, cancelled := ap.History[0], ap.History[1], ap.History[2]
	if booked.Status.Code != string(schedule.StatusBooked) || booked.MovedFrom != nil || booked.By.Name != "Ахмед Іванов" || booked.At != "2026-11-24T14:05:00Z" {
		t.Errorf("booking row %+v", booked)
	}
	if moved.MovedFrom == nil || moved.MovedFrom.Date != "2026-11-25" || moved.MovedFrom.Start != "10:15" ||
		moved.MovedFrom.Clinician != "Dr Siân Evans" || moved.Reason != "Asked for Thursday" {
		t.Errorf("move row %+v", moved)
	}
	if cancelled.Status.Code != string(schedule.StatusCancelledPatient) || cancelled.Reason != "Unwell with flu" || cancelled.MovedFrom != nil {
		t.Errorf("cancellation row %+v", cancelled)
	}

	// No internal secrets: no audit-chain hashes, nothing of keys or passwords.
	var generic any
	json.Unmarshal(js.Bytes(), &generic)
	keys := map[string]bool{}
	jsonKeys(generic, keys)
	for _, k := range []string{"hash", "prev_hash", "password", "key", "data_key", "keyring", "logo"} {
		if keys[k] {
			t.Errorf("JSON copy has a %q field", k)
		}
	}
	trail, err := c.store.ListAudit(audit.Filter{Patient: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range trail {
		if bytes.Contains(js.Bytes(), []byte(e.Hash)) || bytes.Contains(pdf.Bytes(), []byte(e.Hash)) {
			t.Errorf("the copy holds audit row %d's chain hash", e.Seq)
		}
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("PDF copy starts %q", pdf.Bytes()[:min(8, pdf.Len())])
	}
	sarCheckPDFText(t, pdf.Bytes(), "Zoë Łukasiewicz-O'Brien", "Ахмед Іванов (receptionist)", "Request received 23 November 2026",
		"Copy prepared 24 November 2026 by Ахмед Іванов", "Looked at your record", "Changed your details (phones)",
		"Do not see alone", "Large print", "Rang to move her appointment to Tuesday.", "029 2018 0456", "07700 900123",
		"ico.org.uk", "Your appointments (1 appointment)", "26 November 2026", "11:00–11:30", "Review with Dr Siân Evans, Room 2",
		"– 24 November 2026 at 14:05: Booked.",
		"Moved from Wednesday 25 November 2026 at 10:15 with Dr Siân Evans (reason: Asked for Thursday).",
		"Cancelled by the patient (reason: Unwell with flu).", "Cancelled an appointment of yours (cancelled by the patient)",
		"Booked an appointment for you")

	// A second copy lists the first request and the audit row for it.
	*now = now.Add(48 * time.Hour)
	var pdf2, js2 bytes.Buffer
	req2, err := c.SubjectAccess(p.ID, ukcal.MustParseDate("2026-11-26"), "Smith & Co Solicitors", &pdf2, &js2)
	if err != nil {
		t.Fatal(err)
	}
	cp2 := parseSARCopy(t, js2.Bytes())
	if len(cp2.SubjectAccessRequests) != 1 || cp2.SubjectAccessRequests[0].ID != req.ID ||
		cp2.SubjectAccessRequests[0].SHA256PDF != req.SHA256PDF {
		t.Errorf("second copy's earlier requests %+v", cp2.SubjectAccessRequests)
	}
	if last := cp2.Audit[len(cp2.Audit)-1]; last.Action != "patient.sar" || last.Description != "Made a copy of your record for you" {
		t.Errorf("second copy's last audit entry %+v", last)
	}
	if cp2.Request.RequestedBy != "Smith & Co Solicitors" || req2.RequestedBy != "Smith & Co Solicitors" {
		t.Errorf("requested by %q", cp2.Request.RequestedBy)
	}
	sarCheckPDFText(t, pdf2.Bytes(), "Requested by Smith & Co Solicitors",
		"A copy of your record was made for you (request received 23 November 2026)")
	if all, _ := c.SARRequests(p.ID); len(all) != 2 || all[0].ID != req2.ID {
		t.Errorf("requests after the second: %+v", all)
	}
}

// sarCheckPDFText finds each phrase in the PDF's text (poppler's pdftotext),
// and keeps a copy in CLINICDESK_LETTERS_OUT when that is set.
func sarCheckPDFText(t *testing.T, pdf []byte, want ...string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Logf("pdftotext not installed (poppler-utils): PDF text not checked")
		return
	}
	if dir := os.Getenv("CLINICDESK_LETTERS_OUT"); dir != "" {
		os.MkdirAll(dir, 0o755)
		os.WriteFile(filepath.Join(dir, "app-"+strings.ReplaceAll(t.Name(), "/", "-")+".pdf"), pdf, 0o644)
	}
	text := sarPDFText(t, pdf)
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("PDF text lacks %q:\n%s", w, text)
		}
	}
}

// sarPDFText is the PDF's text, its white space made single spaces.
func sarPDFText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sar-text.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestSubjectAccessDueDatesFollowVectors(t *testing.T) {
	var vectors struct {
		Cases []struct {
			Received    string `json:"received"`
			Due         string `json:"due"`
			DueExtended string `json:"due_extended"`
		} `json:"cases"`
	}
	testvectors.Load(t, "sar_deadlines.json", &vectors)
	if len(vectors.Cases) == 0 {
		t.Fatal("no SAR deadline vectors")
	}
	c, now := sarClinic(t)
	p, err := c.CreatePatient(patients.Patient{Forenames: "Ахмед", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1980-03-12")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vectors.Cases {
		received := ukcal.MustParseDate(v.Received)
		// Answered the day after it arrived, at lunchtime.
		*now = time.Date(received.Year(), received.Month(), received.Day()+1, 12, 30, 0, 0, ukcal.London())
		req, err := c.SubjectAccess(p.ID, received, "", &bytes.Buffer{}, &bytes.Buffer{})
		if err != nil {
			t.Fatalf("received %s: %v", v.Received, err)
		}
		ew, today := ukcal.EnglandAndWales, c.today()
		if got := req.Due(ew, today).String(); got != v.Due {
			t.Errorf("received %s: due %s, want %s", v.Received, got, v.Due)
		}
		if got := req.DueExtended(ew, today).String(); v.DueExtended != "" && got != v.DueExtended {
			t.Errorf("received %s: due if extended %s, want %s", v.Received, got, v.DueExtended)
		}
	}
	stored, err := c.SARRequests(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != len(vectors.Cases) {
		t.Fatalf("%d requests stored, want %d", len(stored), len(vectors.Cases))
	}
	byReceived := map[string]sar.Request{}
	for _, r := range stored {
		byReceived[r.Received.String()] = r
	}
	ew, today := ukcal.EnglandAndWales, c.today()
	for _, v := range vectors.Cases {
		r := byReceived[v.Received]
		if due, ext := r.Due(ew, today).String(), r.DueExtended(ew, today).String(); due != v.Due || (v.DueExtended != "" && ext != v.DueExtended) {
			t.Errorf("stored request for %s: due %s / %s, want %s / %s", v.Received, due, ext, v.Due, v.DueExtended)
		}
	}
}

// sarNothingDone checks that a refused request left no trace.
func sarNothingDone(t *testing.T, c *Clinic, patientID string, pdf, js *bytes.Buffer) {
	t.Helper()
	if pdf.Len() != 0 || js.Len() != 0 {
		t.Errorf("refused, yet %d PDF and %d JSON bytes were written", pdf.Len(), js.Len())
	}
	if stored, err := c.store.SARRequests(patientID); err != nil || len(stored) != 0 {
		t.Errorf("refused, yet requests are stored: %+v %v", stored, err)
	}
	if rows, err := c.store.ListAudit(audit.Filter{Action: "patient.sar"}); err != nil || len(rows) != 0 {
		t.Errorf("refused, yet audited: %+v %v", rows, err)
	}
}

func TestSubjectAccessRefusesAClinician(t *testing.T) {
	c, _ := sarClinic(t)
	p, err := c.CreatePatient(patients.Patient{Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1980-03-12")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pw := sarStaff(t, c, "dclinician", "Dr Siân Ŵyn", Clinician)
	sarSignIn(t, c, "dclinician", pw)
	var pdf, js bytes.Buffer
	_, err = c.SubjectAccess(p.ID, ukcal.MustParseDate("2026-11-23"), "", &pdf, &js)
	var perr *PermissionError
	if !errors.As(err, &perr) || perr.Perm != PermSubjectAccess {
		t.Fatalf("clinician: err = %v, want a PermissionError for %q", err, PermSubjectAccess)
	}
	sarNothingDone(t, c, p.ID, &pdf, &js)
}

func TestSubjectAccessRefusesAFutureDate(t *testing.T) {
	c, now := sarClinic(t)
	p, err := c.CreatePatient(patients.Patient{Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1980-03-12")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 23:30 on 24 November in London is already the 25th nowhere that
	// matters: "today" is the clinic's date.
	*now = time.Date(2026, 11, 24, 23, 30, 0, 0, ukcal.London())
	var pdf, js bytes.Buffer
	_, err = c.SubjectAccess(p.ID, ukcal.MustParseDate("2026-11-25"), "", &pdf, &js)
	if err == nil || !strings.Contains(err.Error(), "after today (24/11/2026)") {
		t.Fatalf("tomorrow's date: err = %v", err)
	}
	if _, err := c.SubjectAccess(p.ID, ukcal.Date{}, "", &pdf, &js); err == nil {
		t.Error("no date accepted")
	}
	sarNothingDone(t, c, p.ID, &pdf, &js)
	if _, err := c.SubjectAccess(p.ID, ukcal.MustParseDate("2026-11-24"), "", &pdf, &js); err != nil {
		t.Errorf("a request received today was refused: %v", err)
	}
}

// failingWriter refuses every write, like a full or removed USB stick.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestSubjectAccessThatCannotBeSavedIsNotRecorded(t *testing.T) {
	c, _ := sarClinic(t)
	p, err := c.CreatePatient(patients.Patient{Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1980-03-12")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	_, err = c.SubjectAccess(p.ID, ukcal.MustParseDate("2026-11-23"), "", &pdf, failingWriter{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the write error", err)
	}
	pdf.Reset() // the PDF got through before the JSON failed; the caller discards it
	sarNothingDone(t, c, p.ID, &pdf, &bytes.Buffer{})
}

func TestSubjectAccessIncludesMergedDuplicates(t *testing.T) {
	c, _ := sarClinic(t)
	keep, err := c.CreatePatient(patients.Patient{Forenames: "Zoë", Surname: "Łukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1980-03-12")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dup, err := c.CreatePatient(patients.Patient{Forenames: "Zoe", Surname: "Lukasiewicz-O'Brien", DOB: ukcal.MustParseDate("1980-03-12")}, PatientOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddNote(dup.ID, "Note made on the duplicate"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Patient(dup.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.MergePatients(keep.ID, dup.ID); err != nil {
		t.Fatal(err)
	}
	var pdf, js bytes.Buffer
	if _, err := c.SubjectAccess(keep.ID, ukcal.MustParseDate("2026-11-23"), "", &pdf, &js); err != nil {
		t.Fatal(err)
	}
	cp := parseSARCopy(t, js.Bytes())
	if len(cp.Notes) != 1 || cp.Notes[0].Text != "Note made on the duplicate" {
		t.Errorf("notes %+v", cp.Notes)
	}
	if len(cp.Merges) != 1 || cp.Merges[0].SurvivorID != keep.ID || cp.Merges[0].MergedID != dup.ID {
		t.Errorf("merges %+v", cp.Merges)
	}
	var dupView bool
	for _, a := range cp.Audit {
		if a.RecordID == dup.ID && a.Action == "patient.view" {
			dupView = true
		}
	}
	if !dupView {
		t.Errorf("the view of the merged duplicate is missing from the trail: %v", cp.actions())
	}
	sarCheckPDFText(t, pdf.Bytes(), "A duplicate record of yours was merged into this one", "Note made on the duplicate")

	// The merged-away record holds nothing now: the copy comes from the survivor.
	var pdf2, js2 bytes.Buffer
	if _, err := c.SubjectAccess(dup.ID, ukcal.MustParseDate("2026-11-23"), "", &pdf2, &js2); err == nil ||
		!strings.Contains(err.Error(), "merged into another") {
		t.Errorf("copy of a merged record: err = %v", err)
	}
	if pdf2.Len() != 0 || js2.Len() != 0 {
		t.Error("bytes written for a refused copy")
	}
}
