package screens

import (
	"fmt"
	"strings"

	"clinicdesk/app"
	"clinicdesk/app/users"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// usersTab is Settings → Users: who may sign in, and as what.
type usersTab struct {
	ctx        *Context
	clinicName string // a password may not be the clinic's name

	users    []users.User
	selected int // index into users, or -1
	cols     *columns

	list          *widget.List
	addButton     *widget.Button
	editButton    *widget.Button
	resetButton   *widget.Button
	disableButton *widget.Button
	status        *widget.Label

	form *userForm // the dialog open now, if any
}

// userForm is the add, edit or reset-password dialog.
type userForm struct {
	dialog   *dialog.CustomDialog
	user     users.User // the person edited (empty when adding)
	fullName *textBox
	username *textBox
	role     *widget.Select
	password *textBox
	confirm  *textBox
	feedback *widget.Label // live verdict on the password
	problem  *widget.Label // why the last attempt was refused
	submit   *widget.Button
	content  fyne.CanvasObject
}

// userFormWidth is how wide the user dialogs are.
const userFormWidth = 540

// fit sizes the dialog to its content, which grows and shrinks as
// messages come and go.
func (f *userForm) fit() {
	if f.dialog != nil {
		fitDialog(f.dialog, f.content, userFormWidth)
	}
}

// refuse says in the dialog why it cannot go ahead ("" clears it).
func (f *userForm) refuse(msg string) {
	setMessage(f.problem, msg)
	f.fit()
}

func newUsersTab(ctx *Context) *usersTab {
	return &usersTab{ctx: ctx, selected: -1}
}

func (t *usersTab) build() fyne.CanvasObject {
	// Only for the hint as a password is typed: unread, the hint may pass
	// the clinic's name, and AddUser or ResetPassword still refuses it.
	if d, err := t.ctx.Clinic.Details(); err == nil {
		t.clinicName = d.Name
	}
	t.cols = &columns{widths: []float32{230, 150, 160, 110}}
	t.list = widget.NewList(
		func() int { return len(t.users) },
		func() fyne.CanvasObject { return row(t.cols, cell(), cell(), cell(), cell(), cell()) },
		t.updateRow,
	)
	t.list.OnSelected = t.selectUser
	t.list.OnUnselected = func(widget.ListItemID) { t.selectUser(-1) }

	t.addButton = widget.NewButtonWithIcon("Add user…", theme.ContentAddIcon(), t.showAdd)
	t.addButton.Importance = widget.HighImportance
	t.editButton = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), t.showEdit)
	t.resetButton = widget.NewButtonWithIcon("Reset password…", theme.VisibilityIcon(), t.showReset)
	t.disableButton = widget.NewButtonWithIcon("Disable…", theme.CancelIcon(), t.confirmDisable)
	t.status = note()

	intro := wrapped("Everyone has their own sign-in: never share one. When someone leaves, disable their account: " +
		"their password stops working at once and their name stays on past records. Select a person to edit them.")
	header := headerRow(t.cols, "Full name", "User name", "Role", "Status", "Password last changed")
	buttons := container.NewHBox(t.addButton, widget.NewSeparator(), t.editButton, t.resetButton, t.disableButton)
	top := container.NewVBox(intro, buttons, t.status, header)
	t.reload("")
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, t.list))
}

// updateRow fills one line of the list from the model.
func (t *usersTab) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(t.users) {
		return
	}
	u := t.users[id]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(u.FullName)
	cells[1].(*widget.Label).SetText(u.Username)
	cells[2].(*widget.Label).SetText(app.Role(u.Role).Label())
	status := cells[3].(*widget.Label)
	if u.Active {
		status.Importance = widget.MediumImportance
		status.SetText("Active")
	} else {
		status.Importance = widget.DangerImportance
		status.SetText("Disabled")
	}
	cells[4].(*widget.Label).SetText(ukDate(u.PasswordChangedAt))
}

// reload reads the users again, keeping (or moving) the selection to the
// user with keepID.
func (t *usersTab) reload(keepID string) {
	users, err := t.ctx.Clinic.Users() // the staff are a few rows: read on the UI goroutine
	if err != nil {
		say(t.status, widget.DangerImportance, "The list of users could not be read: "+plainError(err))
		return
	}
	t.users = users
	t.list.UnselectAll()
	t.selected = -1
	t.list.Refresh()
	for i, u := range users {
		if u.ID == keepID {
			t.list.Select(i)
		}
	}
	t.updateButtons()
}

// selectUser notes who is selected (-1: nobody).
func (t *usersTab) selectUser(id widget.ListItemID) {
	if id < 0 || id >= len(t.users) {
		id = -1
	}
	t.selected = id
	t.updateButtons()
}

// selectedUser is the user the buttons act on.
func (t *usersTab) selectedUser() (users.User, bool) {
	if t.selected < 0 || t.selected >= len(t.users) {
		return users.User{}, false
	}
	return t.users[t.selected], true
}

func (t *usersTab) updateButtons() {
	u, ok := t.selectedUser()
	for _, b := range []*widget.Button{t.editButton, t.resetButton, t.disableButton} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if !ok {
		return
	}
	me, _ := t.ctx.Clinic.Session()
	if !u.Active || u.ID == me.User.ID {
		t.disableButton.Disable()
	}
	if u.Active {
		t.resetButton.SetText("Reset password…")
	} else {
		t.resetButton.SetText("Re-enable…")
	}
}

// say puts a message above the list.
func (t *usersTab) say(text string, imp widget.Importance) {
	say(t.status, imp, text)
}

// roleOptions are the roles as staff say them.
func roleOptions() []string {
	var out []string
	for _, r := range app.Roles() {
		out = append(out, r.Label())
	}
	return out
}

// newPasswordFields adds the password and confirmation entries, with live
// feedback on the password rules, to f.
func (t *usersTab) newPasswordFields(f *userForm) {
	f.password = newSecretBox()
	f.confirm = newSecretBox()
	f.feedback = widget.NewLabel("")
	f.feedback.Wrapping = fyne.TextWrapWord
	f.password.OnChanged = func(string) { t.checkPassword(f) }
	f.confirm.OnChanged = func(string) { t.checkPassword(f) }
	t.checkPassword(f)
}

// checkPassword says, as the password is typed, whether it will be
// accepted and whether the two copies match.
func (t *usersTab) checkPassword(f *userForm) {
	username, fullName := f.user.Username, f.user.FullName
	if f.username != nil {
		username = f.username.Text
	}
	if f.fullName != nil {
		fullName = f.fullName.Text
	}
	pw := f.password.Text
	switch {
	case pw == "":
		f.feedback.Importance = widget.MediumImportance
		f.feedback.SetText(fmt.Sprintf("At least %d characters. Three or four unrelated words make a strong password that is easy to remember.", app.MinPasswordLength))
	case app.CheckPassword(pw, username, fullName, t.clinicName) != nil:
		f.feedback.Importance = widget.DangerImportance
		f.feedback.SetText(plainError(app.CheckPassword(pw, username, fullName, t.clinicName)))
	case f.confirm.Text != "" && f.confirm.Text != pw:
		f.feedback.Importance = widget.WarningImportance
		f.feedback.SetText("The password is fine, but the two copies are different.")
	case f.confirm.Text == "":
		f.feedback.Importance = widget.SuccessImportance
		f.feedback.SetText("This password is fine. Type it again below to confirm it.")
	default:
		f.feedback.Importance = widget.SuccessImportance
		f.feedback.SetText("This password is fine and both copies match.")
	}
	f.feedback.Refresh()
	f.fit()
}

// passwordsProblem is why the typed passwords cannot be used yet ("" if
// they can be tried).
func passwordsProblem(f *userForm) string {
	if f.password.Text == "" {
		return "Type a password for them."
	}
	if f.confirm.Text != f.password.Text {
		return "The two copies of the password are different: type it again in both boxes."
	}
	return ""
}

// openForm shows a dialog around the form's fields.
func (t *usersTab) openForm(f *userForm, title, action, intro string, items []*widget.FormItem, onSubmit func()) {
	f.problem = errorText()
	f.submit = widget.NewButtonWithIcon(action, theme.ConfirmIcon(), onSubmit)
	f.submit.Importance = widget.HighImportance
	var body []fyne.CanvasObject
	if intro != "" {
		body = append(body, wrapped(intro))
	}
	body = append(body, widget.NewForm(items...))
	if f.feedback != nil {
		body = append(body, f.feedback)
	}
	body = append(body, f.problem)
	content := container.NewVBox(body...)
	f.content = content
	f.dialog = dialog.NewCustomWithoutButtons(title, content, t.ctx.Window)
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), t.closeForm)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, f.submit})
	f.fit()
	t.form = f
	f.dialog.Show()
}

func (t *usersTab) closeForm() {
	if t.form != nil {
		t.form.dialog.Hide()
		t.form = nil
	}
}

// showAdd opens the Add user dialog.
func (t *usersTab) showAdd() {
	f := &userForm{fullName: newTextBox(), username: newTextBox()}
	f.fullName.SetPlaceHolder("e.g. Sarah Jones")
	f.username.SetPlaceHolder("e.g. sjones")
	f.role = widget.NewSelect(roleOptions(), nil)
	f.role.SetSelected(app.Receptionist.Label())
	t.newPasswordFields(f)
	f.fullName.OnChanged = func(string) { t.checkPassword(f) }
	f.username.OnChanged = func(string) { t.checkPassword(f) }
	items := []*widget.FormItem{
		widget.NewFormItem("Full name", f.fullName),
		{Text: "User name", Widget: f.username, HintText: "What they type to sign in: letters, digits, dots, hyphens"},
		widget.NewFormItem("Role", f.role),
		widget.NewFormItem("Password", f.password),
		widget.NewFormItem("Password again", f.confirm),
	}
	t.openForm(f, "Add a user", "Add user", "", items, t.add)
	t.ctx.Window.Canvas().Focus(f.fullName)
}

// add gives the person in the Add dialog a login. Sealing the key under
// their password is slow on purpose, so it runs off the UI goroutine.
func (t *usersTab) add() {
	f := t.form
	if msg := passwordsProblem(f); msg != "" {
		f.refuse(msg)
		return
	}
	role, err := app.ParseRole(f.role.Selected)
	if err != nil {
		f.refuse("Choose their role.")
		return
	}
	nu := app.NewUser{Username: f.username.Text, FullName: f.fullName.Text, Role: role, Password: f.password.Text}
	inBackground(t.ctx, "Adding "+strings.TrimSpace(nu.FullName)+"…",
		func() (users.User, error) { return t.ctx.Clinic.AddUser(nu) },
		func(u users.User, err error) {
			if err != nil {
				f.refuse(plainError(err))
				return
			}
			t.closeForm()
			t.reload(u.ID)
			t.say(fmt.Sprintf("Added %s as %s. They sign in with the user name %q and the password you chose; they can change it once signed in.",
				u.FullName, strings.ToLower(app.Role(u.Role).Label()), u.Username), widget.SuccessImportance)
		})
}

// showEdit opens the Edit dialog for the selected user.
func (t *usersTab) showEdit() {
	u, ok := t.selectedUser()
	if !ok {
		return
	}
	f := &userForm{user: u, fullName: newTextBox()}
	f.fullName.SetText(u.FullName)
	f.role = widget.NewSelect(roleOptions(), nil)
	f.role.SetSelected(app.Role(u.Role).Label())
	items := []*widget.FormItem{
		widget.NewFormItem("User name", widget.NewLabel(u.Username)),
		widget.NewFormItem("Full name", f.fullName),
		widget.NewFormItem("Role", f.role),
	}
	t.openForm(f, "Edit "+u.FullName, "Save", "", items, t.saveEdit)
}

// saveEdit changes the selected user's name and role.
func (t *usersTab) saveEdit() {
	f := t.form
	role, err := app.ParseRole(f.role.Selected)
	if err != nil {
		f.refuse("Choose their role.")
		return
	}
	if err := t.ctx.Clinic.UpdateUser(f.user.ID, f.fullName.Text, role); err != nil {
		f.refuse(plainError(err))
		return
	}
	t.closeForm()
	t.reload(f.user.ID)
	t.say(fmt.Sprintf("Saved the changes to %s.", strings.TrimSpace(f.fullName.Text)), widget.SuccessImportance)
}

// showReset opens the Reset password dialog for the selected user (which
// also lets a disabled user back in).
func (t *usersTab) showReset() {
	u, ok := t.selectedUser()
	if !ok {
		return
	}
	f := &userForm{user: u}
	t.newPasswordFields(f)
	note := fmt.Sprintf("Choose a new password for %s and tell it to them in person. Their old password stops working.", u.FullName)
	title, action := "Reset password for "+u.FullName, "Set password"
	if !u.Active {
		note = fmt.Sprintf("%s's account is disabled. Setting a new password lets them sign in again. Tell them the password in person.", u.FullName)
		title, action = "Re-enable "+u.FullName, "Re-enable"
	}
	items := []*widget.FormItem{
		widget.NewFormItem("New password", f.password),
		widget.NewFormItem("Password again", f.confirm),
	}
	t.openForm(f, title, action, note, items, t.reset)
	t.ctx.Window.Canvas().Focus(f.password)
}

// reset sets the new password from the Reset dialog.
func (t *usersTab) reset() {
	f := t.form
	if msg := passwordsProblem(f); msg != "" {
		f.refuse(msg)
		return
	}
	u, pw := f.user, f.password.Text
	inBackground(t.ctx, "Setting the new password for "+u.FullName+"…",
		func() (struct{}, error) { return struct{}{}, t.ctx.Clinic.ResetPassword(u.ID, pw) },
		func(_ struct{}, err error) {
			if err != nil {
				f.refuse(plainError(err))
				return
			}
			t.closeForm()
			t.reload(u.ID)
			if u.Active {
				t.say(fmt.Sprintf("%s has a new password.", u.FullName), widget.SuccessImportance)
			} else {
				t.say(fmt.Sprintf("%s is active again and can sign in with the new password.", u.FullName), widget.SuccessImportance)
			}
		})
}

// confirmDisable asks before stopping the selected user signing in.
func (t *usersTab) confirmDisable() {
	u, ok := t.selectedUser()
	if !ok {
		return
	}
	msg := fmt.Sprintf("Disable %s (%s)?\n\nTheir password will stop working straight away and they will not be able to sign in. "+
		"Their name stays on everything they did. You can let them back in later with Re-enable.", u.FullName, u.Username)
	d := dialog.NewConfirm("Disable "+u.FullName, msg, func(ok bool) {
		if ok {
			t.disable(u)
		}
	}, t.ctx.Window)
	d.SetConfirmText("Disable")
	d.SetDismissText("Keep them")
	d.Show()
}

// disable stops u signing in.
func (t *usersTab) disable(u users.User) {
	// Disabling rewrites the keyring file (their entry goes): off the UI
	// goroutine, behind a dialog, so it cannot be started twice.
	c := t.ctx.Clinic
	inBackground(t.ctx, "Disabling "+u.FullName+"…", func() (struct{}, error) { return struct{}{}, c.DisableUser(u.ID) }, func(_ struct{}, err error) {
		if err != nil {
			t.say(plainError(err), widget.DangerImportance)
			return
		}
		t.reload(u.ID)
		t.say(fmt.Sprintf("%s is disabled: their password no longer works.", u.FullName), widget.SuccessImportance)
	})
}
