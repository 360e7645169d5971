package screens

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"io"

	"clinicdesk/app"
	"clinicdesk/app/practice"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The tabs of Settings, as their titles read.
const (
	settingsTabDetails  = "Clinic details"
	settingsTabUsers    = "Users"
	settingsTabCalendar = "Calendar"
	settingsTabSecurity = "Security"
	settingsTabBackups  = "Backups"
)

// pendingSettingsTab is the tab Settings opens on next time it is built
// (set by openSettingsTab; used once).
var pendingSettingsTab string

// openSettingsTab switches to Settings, showing the named tab.
func openSettingsTab(ctx *Context, tab string) {
	pendingSettingsTab = tab
	if ctx.Open != nil {
		ctx.Open("settings")
	}
}

// maxLogoBytes is the largest logo the clinic file takes (app.SaveDetails
// refuses more).
const maxLogoBytes = 2 << 20

// settingsScreen holds the tabs of Settings. Everyone sees the clinic's
// details; only a practice manager gets the other tabs, and the app checks
// every change again.
type settingsScreen struct {
	widget.BaseWidget

	ctx     *Context
	content fyne.CanvasObject
	tabs    *container.AppTabs
	lazy    []*lazyTab // each tab's content, built when first shown

	details  *detailsTab
	users    *usersTab         // nil unless the user may manage users
	calendar *calendarSetupTab // nil unless the user may set up the calendar
	security *securityTab      // nil unless the user may change security settings
	backups  *backupsTab       // nil unless the user may make backups
}

func newSettingsScreen(ctx *Context) *settingsScreen {
	return &settingsScreen{ctx: ctx}
}

func (s *settingsScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

func (s *settingsScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
	c := s.ctx.Clinic
	s.details = newDetailsTab(s.ctx)
	// Each tab is built when first shown (kit_lazy_tab.go): a manager
	// opening Settings sees one tab, not seven laid out and measured.
	s.lazy = []*lazyTab{newLazyTab(s.details.build)}
	s.tabs = container.NewAppTabs(container.NewTabItemWithIcon(settingsTabDetails, theme.HomeIcon(), s.lazy[0].holder))
	add := func(title string, icon fyne.Resource, build func() fyne.CanvasObject) {
		l := newLazyTab(build)
		s.lazy = append(s.lazy, l)
		s.tabs.Append(container.NewTabItemWithIcon(title, icon, l.holder))
	}
	if c.Can(app.PermManageUsers) {
		s.users = newUsersTab(s.ctx)
		add(settingsTabUsers, theme.AccountIcon(), s.users.build)
	}
	if c.Can(app.PermCalendarSetup) {
		s.calendar = newCalendarSetupTab(s.ctx)
		add(settingsTabCalendar, theme.CalendarIcon(), s.calendar.build)
	}
	if c.Can(app.PermSecurity) {
		s.security = newSecurityTab(s.ctx)
		add(settingsTabSecurity, theme.VisibilityOffIcon(), s.security.build)
	}
	if c.Can(app.PermBackup) {
		s.backups = newBackupsTab(s.ctx)
		add(settingsTabBackups, theme.StorageIcon(), s.backups.build)
	}
	if c.Can(app.PermPrintLetters) {
		add(settingsTabLetters, theme.MailComposeIcon(), newLettersTab(s.ctx).build)
	}
	if c.Can(app.PermDecideComplaints) {
		add(settingsTabComplaints, theme.WarningIcon(), newComplaintSettingsTab(s.ctx).build)
	}
	s.tabs.OnSelected = func(*container.TabItem) { s.showChosenTab() }
	s.showChosenTab()
	if pendingSettingsTab != "" {
		s.selectTab(pendingSettingsTab)
		pendingSettingsTab = ""
	}
	if s.calendar != nil && pendingCalendarSetupTab != "" {
		s.calendar.selectTab(pendingCalendarSetupTab) // from Today's checklist
	}
	pendingCalendarSetupTab = ""
	s.content = s.tabs
	return s
}

// showChosenTab builds the tab on show if it has not been built.
func (s *settingsScreen) showChosenTab() {
	for _, l := range s.lazy {
		l.showIn(s.tabs)
	}
}

// tabTitles lists the tabs shown, in order.
func (s *settingsScreen) tabTitles() []string {
	var out []string
	for _, t := range s.tabs.Items {
		out = append(out, t.Text)
	}
	return out
}

// selectTab shows the tab with the title, if this user has it.
func (s *settingsScreen) selectTab(title string) {
	for i, t := range s.tabs.Items {
		if t.Text == title {
			s.tabs.SelectIndex(i)
			s.showChosenTab()
			return
		}
	}
}

// detailsTab shows the clinic's name, address and contact details, which
// head every letter. A practice manager edits them; everyone else reads.
type detailsTab struct {
	ctx      *Context
	editable bool
	current  practice.Details

	name, address, phone, email *widget.Entry // nil when read-only
	logo                        []byte
	logoImage                   *canvas.Image
	logoNote                    *widget.Label
	removeLogo                  *widget.Button
	saveButton                  *widget.Button
	status                      *widget.Label
	problem                     *widget.Label
}

func newDetailsTab(ctx *Context) *detailsTab {
	return &detailsTab{ctx: ctx, editable: ctx.Clinic.Can(app.PermEditClinic)}
}

func (t *detailsTab) build() fyne.CanvasObject {
	d, err := t.ctx.Clinic.Details()
	if err != nil {
		return container.NewPadded(wrapped("The clinic's details could not be read: " + plainError(err)))
	}
	t.current = d
	t.logo = d.Logo
	t.logoImage = canvas.NewImageFromResource(nil)
	t.logoImage.FillMode = canvas.ImageFillContain
	t.logoImage.SetMinSize(fyne.NewSize(200, 80))
	t.logoNote = widget.NewLabel("")
	t.status = note()
	t.problem = errorText()
	if !t.editable {
		return t.buildReadOnly(d)
	}

	t.name = widget.NewEntry()
	t.name.SetText(d.Name)
	t.address = widget.NewMultiLineEntry()
	t.address.SetText(d.Address)
	t.address.SetMinRowsVisible(4)
	t.address.SetPlaceHolder("One line of the address per line, ending with the postcode")
	t.phone = widget.NewEntry()
	t.phone.SetText(d.Phone)
	t.phone.SetPlaceHolder("e.g. 020 7946 0000")
	t.email = widget.NewEntry()
	t.email.SetText(d.Email)
	t.email.SetPlaceHolder("e.g. reception@example.co.uk")
	for _, e := range []*widget.Entry{t.name, t.address, t.phone, t.email} {
		e.OnChanged = t.edited
	}

	choose := widget.NewButtonWithIcon("Choose logo…", theme.FileImageIcon(), t.chooseLogo)
	t.removeLogo = widget.NewButtonWithIcon("Remove logo", theme.DeleteIcon(), t.clearLogo)
	t.showLogo()

	form := widget.NewForm(
		widget.NewFormItem("Clinic name", t.name),
		widget.NewFormItem("Address", t.address),
		widget.NewFormItem("Phone", t.phone),
		widget.NewFormItem("Email", t.email),
		widget.NewFormItem("Logo", container.NewVBox(
			container.NewHBox(t.logoImage, t.logoNote),
			container.NewHBox(choose, t.removeLogo))),
	)
	t.saveButton = widget.NewButtonWithIcon("Save details", theme.DocumentSaveIcon(), t.save)
	t.saveButton.Importance = widget.HighImportance
	intro := wrapped("These details head every letter and appointment slip ClinicDesk prints.")
	body := container.NewVBox(intro, form, t.problem, container.NewHBox(t.saveButton, t.status))
	return newFocusScroll(container.NewPadded(limitWidth(body, 720)))
}

// buildReadOnly shows the details as text, with who can change them.
func (t *detailsTab) buildReadOnly(d practice.Details) fyne.CanvasObject {
	value := func(s string) *widget.Label {
		if s == "" {
			s = "(not given)"
		}
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		return l
	}
	t.showLogo()
	form := widget.NewForm(
		widget.NewFormItem("Clinic name", value(d.Name)),
		widget.NewFormItem("Address", value(d.Address)),
		widget.NewFormItem("Phone", value(d.Phone)),
		widget.NewFormItem("Email", value(d.Email)),
		widget.NewFormItem("Logo", container.NewHBox(t.logoImage, t.logoNote)),
	)
	notice := container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil,
		wrapped("Only a practice manager can change the clinic's details. If something here is wrong, tell your practice manager."))
	return newFocusScroll(container.NewPadded(limitWidth(container.NewVBox(notice, form), 720)))
}

// showLogo previews the logo, or says there is none.
func (t *detailsTab) showLogo() {
	if len(t.logo) == 0 {
		t.logoImage.Resource = nil
		t.logoImage.Hide()
		if t.editable {
			t.logoNote.SetText("No logo chosen: a PNG or JPEG picture up to 2 MB.")
		} else {
			t.logoNote.SetText("No logo.")
		}
		t.logoNote.Show()
		if t.removeLogo != nil {
			t.removeLogo.Disable()
		}
	} else {
		t.logoImage.Resource = fyne.NewStaticResource("logo", t.logo)
		t.logoImage.Show()
		t.logoNote.Hide()
		if t.removeLogo != nil {
			t.removeLogo.Enable()
		}
	}
	t.logoImage.Refresh()
}

// edited clears the last "saved" note once something changes.
func (t *detailsTab) edited(string) {
	say(t.status, widget.MediumImportance, "")
}

// chooseLogo asks for a PNG or JPEG picture.
func (t *detailsTab) chooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			t.ctx.ShowError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, maxLogoBytes+1))
		if err == nil {
			err = t.setLogo(data)
		}
		if err != nil {
			setMessage(t.problem, plainError(err))
		}
	}, t.ctx.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}))
	d.SetTitleText("Choose the clinic's logo (PNG or JPEG)")
	showFileDialog(d, t.ctx.Window)
}

// setLogo takes a picture as the logo (saved with the other details).
func (t *detailsTab) setLogo(data []byte) error {
	if len(data) > maxLogoBytes {
		return errors.New("the logo is larger than 2 MB: use a smaller picture")
	}
	if _, format, err := image.DecodeConfig(bytes.NewReader(data)); err != nil || (format != "png" && format != "jpeg") {
		return errors.New("that file is not a PNG or JPEG picture")
	}
	t.logo = data
	setMessage(t.problem, "")
	say(t.status, widget.MediumImportance, "")
	t.showLogo()
	return nil
}

// clearLogo removes the logo (saved with the other details).
func (t *detailsTab) clearLogo() {
	t.logo = nil
	say(t.status, widget.MediumImportance, "")
	t.showLogo()
}

// save writes the details; the app checks the user may.
func (t *detailsTab) save() {
	d := practice.Details{
		Name:    t.name.Text,
		Address: t.address.Text,
		Phone:   t.phone.Text,
		Email:   t.email.Text,
		Logo:    t.logo,
	}
	if err := t.ctx.Clinic.SaveDetails(d); err != nil {
		say(t.status, widget.MediumImportance, "")
		setMessage(t.problem, plainError(err))
		return
	}
	setMessage(t.problem, "")
	renamed := d.Name != t.current.Name
	// The tidied copy as stored; unread, what was saved stands for it.
	t.current = d
	if now, err := t.ctx.Clinic.Details(); err == nil {
		t.current = now
	}
	say(t.status, widget.SuccessImportance, fmt.Sprintf("Saved at %s.", ukcal.WallClock(wallClock())))
	if renamed && t.ctx.Reload != nil {
		t.ctx.Reload() // the clinic's name shows in the window around every screen
	}
}

// limitWidth keeps a form from stretching across a wide window.
func limitWidth(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.New(&maxWidth{width: width}, o)
}

// maxWidth lays out its objects at most width wide, from the leading edge.
type maxWidth struct{ width float32 }

func (m *maxWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}

func (m *maxWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	w := size.Width
	if w > m.width {
		w = m.width
	}
	for _, o := range objects {
		if o.MinSize().Width > w {
			w = o.MinSize().Width
		}
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(w, size.Height))
	}
}
