package screens

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/audit"
	"clinicdesk/app/practice"
	"clinicdesk/app/testclock"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func tcSettings(t *testing.T, c *app.Clinic) (*settingsScreen, fyne.Window, *tcShell) {
	t.Helper()
	obj, w, sh := tcBuild(t, c, "settings")
	s, ok := obj.(*settingsScreen)
	if !ok {
		t.Fatalf("settings built %T", obj)
	}
	return s, w, sh
}

func TestSettingsManagerAddsUserThroughDialog(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, _ := tcSettings(t, c)
	if got := s.tabTitles(); strings.Join(got, ",") != "Clinic details,Users,Calendar,Security,Backups,Letters,Complaints" {
		t.Fatalf("manager's tabs = %v", got)
	}
	s.selectTab(settingsTabUsers)
	u := s.users

	tcTap(t, w, "Add user…")
	f := u.form
	if f == nil || !tcShows(w, "At least 12 characters") {
		t.Fatal("the Add user dialog did not open with the password guidance")
	}
	test.Type(f.fullName, "Sarah Jones")
	test.Type(f.username, "sjones")
	f.role.SetSelected(app.Clinician.Label())
	test.Type(f.password, "harbour pencil giraffe")
	if !strings.Contains(f.feedback.Text, "fine") {
		t.Fatalf("live feedback on a good password = %q", f.feedback.Text)
	}
	test.Type(f.confirm, "harbour pencil giraffX")
	if !strings.Contains(f.feedback.Text, "different") {
		t.Fatalf("live feedback on mismatched copies = %q", f.feedback.Text)
	}
	f.confirm.SetText("")
	test.Type(f.confirm, "harbour pencil giraffe")
	tcTap(t, w, "Add user")
	tcIdle(t)

	if u.form != nil {
		t.Fatalf("dialog still open; problem shown: %q", f.problem.Text)
	}
	got, ok := tcUser(t, c, "sjones")
	if !ok {
		t.Fatal("sjones is not among clinic.Users() after Add user")
	}
	if got.FullName != "Sarah Jones" || got.Role != string(app.Clinician) || !got.Active {
		t.Fatalf("added user = %+v", got)
	}
	if !tcShows(w, "sjones") || !tcShows(w, "Sarah Jones") || !tcShows(w, "Clinician") {
		t.Fatalf("the new user is not in the list on screen: %q", tcTexts(w))
	}
	if !tcShows(w, ukDate(testclock.Now())) {
		t.Fatal("password last changed date not shown as dd/mm/yyyy")
	}
	if err := c.SignIn("sjones", "harbour pencil giraffe"); err != nil {
		t.Fatalf("the new user cannot sign in with the password typed in the dialog: %v", err)
	}
}

func TestSettingsTooShortPasswordRefused(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, _ := tcSettings(t, c)
	s.selectTab(settingsTabUsers)
	before, _ := c.Users()

	tcTap(t, w, "Add user…")
	f := s.users.form
	test.Type(f.fullName, "Tom Short")
	test.Type(f.username, "tshort")
	test.Type(f.password, "tiny pw")
	if !strings.Contains(f.feedback.Text, "at least 12 characters") {
		t.Fatalf("live feedback on a short password = %q", f.feedback.Text)
	}
	test.Type(f.confirm, "tiny pw")
	tcTap(t, w, "Add user")
	tcIdle(t)

	if s.users.form == nil {
		t.Fatal("the dialog closed although the password was refused")
	}
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, "at least 12 characters") {
		t.Fatalf("refusal not shown in the dialog: visible=%v %q", f.problem.Visible(), f.problem.Text)
	}
	if !tcShows(w, "at least 12 characters") {
		t.Fatal("the refusal is not on screen")
	}
	after, _ := c.Users()
	if len(after) != len(before) {
		t.Fatalf("a user was added despite the short password: %d → %d", len(before), len(after))
	}
	if _, ok := tcUser(t, c, "tshort"); ok {
		t.Fatal("tshort was added")
	}
	tcTap(t, w, "Cancel")
	if s.users.form != nil {
		t.Fatal("Cancel did not close the dialog")
	}
}

func TestSettingsEditDisableAndResetUser(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	added, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword})
	if err != nil {
		t.Fatal(err)
	}
	s, w, _ := tcSettings(t, c)
	s.selectTab(settingsTabUsers)
	u := s.users
	pick := func(username string) {
		t.Helper()
		for i, x := range u.users {
			if x.Username == username {
				u.list.Select(i)
				return
			}
		}
		t.Fatalf("%s not listed", username)
	}

	// The only manager cannot be demoted: the app's refusal is shown.
	pick("pmanager")
	if !u.disableButton.Disabled() {
		t.Fatal("a manager can press Disable on their own account")
	}
	tcTap(t, w, "Edit…")
	u.form.role.SetSelected(app.Receptionist.Label())
	tcTap(t, w, "Save")
	if u.form == nil || !strings.Contains(u.form.problem.Text, "only practice manager") {
		t.Fatalf("demoting the last manager was not refused in plain words")
	}
	tcTap(t, w, "Cancel")

	// Edit name and role.
	pick("rjones")
	tcTap(t, w, "Edit…")
	u.form.fullName.SetText("")
	test.Type(u.form.fullName, "Robert Jones")
	u.form.role.SetSelected(app.Clinician.Label())
	tcTap(t, w, "Save")
	got, _ := tcUser(t, c, "rjones")
	if got.FullName != "Robert Jones" || got.Role != string(app.Clinician) {
		t.Fatalf("after edit: %+v", got)
	}
	if !tcShows(w, "Robert Jones") {
		t.Fatal("edited name not on screen")
	}

	// Disable, through the confirmation that names the person.
	pick("rjones")
	tcTap(t, w, "Disable…")
	if !tcShows(w, "Robert Jones (rjones)") || !tcShows(w, "password will stop working") {
		t.Fatalf("the confirmation does not name the person and explain: %q", tcTexts(w))
	}
	tcTap(t, w, "Disable")
	tpIdle(t) // the keyring is rewritten off the UI goroutine
	if got, _ := tcUser(t, c, "rjones"); got.Active {
		t.Fatal("still active after Disable")
	}
	if !tcShows(w, "Disabled") {
		t.Fatal("Disabled not shown in the list")
	}

	// Re-enable with a new password.
	pick("rjones")
	if u.resetButton.Text != "Re-enable…" {
		t.Fatalf("reset button for a disabled user reads %q", u.resetButton.Text)
	}
	tcTap(t, w, "Re-enable…")
	test.Type(u.form.password, "copper whistle autumn")
	test.Type(u.form.confirm, "copper whistle autumn")
	tcTap(t, w, "Re-enable")
	tcIdle(t)
	if u.form != nil {
		t.Fatalf("reset dialog still open: %q", u.form.problem.Text)
	}
	if got, _ := tcUser(t, c, added.Username); !got.Active {
		t.Fatal("resetting the password did not re-enable the user")
	}
	if err := c.SignIn("rjones", "copper whistle autumn"); err != nil {
		t.Fatalf("re-enabled user cannot sign in: %v", err)
	}
}

func TestSettingsReceptionistReadOnly(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	if _, err := c.AddUser(app.NewUser{Username: "rjones", FullName: "Rob Jones", Role: app.Receptionist, Password: tcStaffPassword}); err != nil {
		t.Fatal(err)
	}
	if err := c.SignIn("rjones", tcStaffPassword); err != nil {
		t.Fatal(err)
	}
	s, w, _ := tcSettings(t, c)
	// Receptionists print letters (the day's reminders, slips and lists) but
	// change nothing else here.
	if got := s.tabTitles(); strings.Join(got, ",") != settingsTabDetails+",Letters" {
		t.Fatalf("receptionist's tabs = %v, want %q and Letters", got, settingsTabDetails)
	}
	if s.users != nil || s.security != nil || s.backups != nil {
		t.Fatal("manager-only tabs were built for a receptionist")
	}
	if s.details.name != nil || s.details.saveButton != nil {
		t.Fatal("the receptionist has editable clinic details")
	}
	for _, want := range []string{"Riverside Physio", "01904 000000", "desk@riverside.example", "Only a practice manager can change"} {
		if !tcShows(w, want) {
			t.Errorf("%q not shown to the receptionist", want)
		}
	}
	for _, o := range tcVisible(w) {
		if _, ok := o.(*widget.Entry); ok {
			t.Fatal("an entry is on the receptionist's Settings screen")
		}
	}

	// The app refuses them anyway.
	var perm *app.PermissionError
	checks := map[string]error{
		"SaveDetails":       c.SaveDetails(practice.Details{Name: "Hijacked"}),
		"SetIdleLock":       c.SetIdleLock(30 * time.Minute),
		"SetBackupSettings": c.SetBackupSettings(t.TempDir(), 5),
		"RotateDataKey":     c.RotateDataKey(),
	}
	_, checks["Users"] = c.Users()
	_, checks["AddUser"] = c.AddUser(app.NewUser{Username: "sneaky", FullName: "Sneaky", Role: app.Manager, Password: "plenty long password here"})
	_, checks["AuditLog"] = c.AuditLog(audit.Filter{})
	_, checks["BackupNow"] = c.BackupNow(filepath.Join(t.TempDir(), "x.cdbackup"))
	_, checks["NewRecoveryKey"] = c.NewRecoveryKey()
	for name, err := range checks {
		if !errors.As(err, &perm) {
			t.Errorf("%s by a receptionist: err = %v, want a permission error", name, err)
		}
	}
	if d, _ := c.Details(); d.Name != "Riverside Physio" {
		t.Fatalf("clinic renamed by a receptionist: %q", d.Name)
	}
	for _, m := range Modules(c) {
		if m.ID == "audit" {
			t.Fatal("the audit trail is offered to a receptionist")
		}
	}
}

func TestSettingsSaveClinicDetails(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, sh := tcSettings(t, c)
	d := s.details
	d.name.SetText("")
	test.Type(d.name, "Riverside Physio & Sports")
	d.phone.SetText("")
	test.Type(d.phone, "01904 111222")
	var logo bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 8, 4))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	png.Encode(&logo, img)
	if err := d.setLogo([]byte("not a picture")); err == nil {
		t.Fatal("a non-picture was taken as the logo")
	}
	if err := d.setLogo(logo.Bytes()); err != nil {
		t.Fatal(err)
	}
	tcTap(t, w, "Save details")

	got, err := c.Details()
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Riverside Physio & Sports" || got.Phone != "01904 111222" || !bytes.Equal(got.Logo, logo.Bytes()) {
		t.Fatalf("details after save = %+v", got)
	}
	if got.Address != "1 Mill Lane\nYork\nYO1 7AB" {
		t.Fatalf("address changed by saving other fields: %q", got.Address)
	}
	if !strings.HasPrefix(d.status.Text, "Saved") {
		t.Fatalf("no confirmation after saving: %q", d.status.Text)
	}
	if sh.reloads != 1 {
		t.Fatalf("shell reloads after a rename = %d, want 1", sh.reloads)
	}

	// An empty name is refused, in words, and nothing changes.
	d.name.SetText("")
	tcTap(t, w, "Save details")
	if !d.problem.Visible() || !strings.Contains(d.problem.Text, "needs a name") {
		t.Fatalf("empty name not refused on screen: %q", d.problem.Text)
	}
	if got, _ := c.Details(); got.Name != "Riverside Physio & Sports" {
		t.Fatalf("name after refused save = %q", got.Name)
	}
}

func TestSettingsBackupNowAndTest(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, _ := tcSettings(t, c)
	s.selectTab(settingsTabBackups)
	b := s.backups
	if !tcShows(w, "No backup has been made yet") || !tcShows(w, "automatic backups are off") {
		t.Fatalf("a fresh clinic's backup state is not explained: %q", tcTexts(w))
	}

	// The clinic file's own folder is refused as the backup folder.
	b.setFolder(filepath.Dir(c.Path()))
	tcTap(t, w, "Save")
	if !strings.Contains(b.settingsStatus.Text, "other than the clinic file's own") {
		t.Fatalf("same-folder backups not refused: %q", b.settingsStatus.Text)
	}
	usb := t.TempDir()
	b.setFolder(usb)
	b.keep.SetText("")
	test.Type(b.keep, "7")
	tcTap(t, w, "Save")
	if set, _ := c.BackupSettings(); set.Folder != usb || set.Keep != 7 {
		t.Fatalf("backup settings after Save = %+v", set)
	}

	out := filepath.Join(usb, "by-hand")
	b.backupTo(out)
	tcIdle(t)
	out += app.BackupExt
	if !strings.Contains(b.result.Text, out) {
		t.Fatalf("the message does not name the file written: %q", b.result.Text)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("Back up now wrote no file: %v (result: %q)", err, b.result.Text)
	}
	if !strings.Contains(b.result.Text, "Backup made at") || !regexp.MustCompile(`holds \d+ audit entries`).MatchString(b.result.Text) {
		t.Fatalf("backup message = %q", b.result.Text)
	}
	if !strings.Contains(b.last.Text, "today at") {
		t.Fatalf("last backup time not updated: %q", b.last.Text)
	}
	if m, err := c.TestBackup(out); err != nil || m.AuditSeq == 0 {
		t.Fatalf("TestBackup on the screen's backup: %+v, %v", m, err)
	}

	// The restore drill through the screen: a good backup, then a bad one.
	b.testBackup(out)
	tcIdle(t)
	if !strings.Contains(b.result.Text, "This backup is good") {
		t.Fatalf("drill on a good backup: %q", b.result.Text)
	}
	bad := filepath.Join(usb, "damaged"+app.BackupExt)
	raw, _ := os.ReadFile(out)
	raw[len(raw)/2] ^= 0xFF
	os.WriteFile(bad, raw, 0o600)
	b.testBackup(bad)
	tcIdle(t)
	if !strings.Contains(b.result.Text, "did not pass the check") {
		t.Fatalf("drill on a damaged backup: %q", b.result.Text)
	}
}

func TestSettingsSecurity(t *testing.T) {
	test.NewTempApp(t)
	c := tcClinic(t)
	s, w, _ := tcSettings(t, c)
	s.selectTab(settingsTabSecurity)
	sec := s.security
	if sec.idleMinutes.Text != "5" {
		t.Fatalf("idle lock shown as %q, want the default 5", sec.idleMinutes.Text)
	}
	sec.idleMinutes.SetText("")
	test.Type(sec.idleMinutes, "90")
	tcTap(t, w, "Save")
	if !strings.Contains(sec.idleStatus.Text, "between 1 and 60") || c.IdleLock() != 5*time.Minute {
		t.Fatalf("90 minutes: %q, idle lock %v", sec.idleStatus.Text, c.IdleLock())
	}
	sec.idleMinutes.SetText("")
	test.Type(sec.idleMinutes, "15")
	tcTap(t, w, "Save")
	if c.IdleLock() != 15*time.Minute || !strings.Contains(sec.idleStatus.Text, "15 minutes") {
		t.Fatalf("15 minutes: %q, idle lock %v", sec.idleStatus.Text, c.IdleLock())
	}

	// A new recovery key, through the confirmation; shown once; its sheet.
	tcTap(t, w, "Make a new recovery key…")
	tcTap(t, w, "Make a new key")
	tcIdle(t)
	key := sec.recoveryKey
	if !regexp.MustCompile(`^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$`).MatchString(key) {
		t.Fatalf("recovery key shown = %q (status %q)", key, sec.recoveryStatus.Text)
	}
	shown := false
	for _, o := range tcVisible(w) {
		if ct, ok := o.(*canvas.Text); ok && ct.Text == key && ct.TextStyle.Monospace {
			shown = true
		}
	}
	if !shown {
		t.Fatal("the new key is not shown in monospace")
	}
	var pdf bytes.Buffer
	if err := writeRecoverySheet(sec.ctx.Clinic, &pdf, sec.recoveryKey); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
		t.Fatal("the recovery sheet is not a PDF")
	}
	tcTap(t, w, "I have kept it safe")
	if sec.recoveryKey != "" {
		t.Fatal("the key is kept after its dialog closed")
	}

	// Re-encrypt, then everything still opens.
	tcTap(t, w, "Re-encrypt the clinic file with a new key…")
	tcTap(t, w, "Re-encrypt")
	tcIdle(t)
	if !strings.HasPrefix(sec.rotateStatus.Text, "Re-encrypted") {
		t.Fatalf("after re-encrypting: %q", sec.rotateStatus.Text)
	}
	if _, err := c.Verify(false); err != nil {
		t.Fatalf("clinic file after re-encrypting: %v", err)
	}
	if err := c.SignIn("pmanager", tcManagerPassword); err != nil {
		t.Fatalf("manager's password after re-encrypting: %v", err)
	}
	// The key from the screen really opens the clinic.
	if err := c.RecoverAccess(key, "pmanager", "brand new manager phrase"); err != nil {
		t.Fatalf("the recovery key shown does not open the clinic: %v", err)
	}
}
