package screens

import (
	"fmt"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/letters"
	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

func init() {
	registerModule(Module{
		ID:    "today",
		Title: "Today",
		Icon:  themeIcon(theme.IconNameHome),
		Order: 10,
		Build: func(ctx *Context) fyne.CanvasObject { return newTodayScreen(ctx).build() },
	})
}

// bankHolidaysShown is how many coming bank holidays the landing screen lists.
const bankHolidaysShown = 4

// backupOverdue is how old the last backup may be before the manager is warned.
const backupOverdue = 24 * time.Hour

// todayScreen is the landing screen: who is signed in, today's date, the
// coming bank holidays and, for a practice manager, whether backups are
// being made.
type todayScreen struct {
	widget.BaseWidget

	ctx     *Context
	now     func() time.Time
	content fyne.CanvasObject

	greeting *widget.Label
	date     *widget.Label
	holidays *fyne.Container

	// Backups (practice managers only; nil for everyone else).
	backupCard    *widget.Card
	backupIcon    *widget.Icon
	backupMessage *widget.Label
	backupButton  *widget.Button
}

func newTodayScreen(ctx *Context) *todayScreen {
	return &todayScreen{ctx: ctx, now: time.Now}
}

func (s *todayScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

func (s *todayScreen) build() fyne.CanvasObject {
	s.ExtendBaseWidget(s)
	now := clinicTime(s.now())

	s.greeting = widget.NewLabel("")
	s.greeting.SizeName = theme.SizeNameHeadingText
	s.greeting.TextStyle.Bold = true
	s.date = widget.NewLabel(letters.LongDateWithDay(now))
	s.date.SizeName = theme.SizeNameSubHeadingText
	s.showGreeting(now)

	top := container.NewVBox(s.greeting, s.date)
	if d, err := s.ctx.Clinic.Details(); err == nil && d.Name != "" {
		top.Add(widget.NewLabelWithStyle(d.Name, fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
	}

	holidaysCard := widget.NewCard("Coming bank holidays", ukcal.EnglandAndWales.Name(), s.holidayList(now))

	cards := container.NewVBox(holidaysCard)
	if s.ctx.Clinic.Can(app.PermBackup) {
		s.backupIcon = widget.NewIcon(theme.InfoIcon())
		s.backupMessage = wrapped("")
		s.backupButton = widget.NewButtonWithIcon("Go to Backups", theme.SettingsIcon(), s.openBackups)
		body := container.NewBorder(nil, container.NewHBox(s.backupButton), container.NewVBox(s.backupIcon), nil, s.backupMessage)
		s.backupCard = widget.NewCard("Backups", "", body)
		s.showBackupStatus()
		cards.Add(s.backupCard)
	}

	s.content = container.NewVScroll(container.NewPadded(container.NewVBox(top, widget.NewSeparator(), cards)))
	return s
}

// showGreeting greets the user by first name, as the time of day suits.
func (s *todayScreen) showGreeting(now time.Time) {
	part := "Good evening"
	switch h := now.Hour(); {
	case h < 12:
		part = "Good morning"
	case h < 18:
		part = "Good afternoon"
	}
	if sess, ok := s.ctx.Clinic.Session(); ok {
		if name := firstName(sess.User.FullName); name != "" {
			part += ", " + name
		}
	}
	s.greeting.SetText(part)
}

// comingHolidays lists the next bank holidays in England and Wales from
// today (today included).
func comingHolidays(today ukcal.Date, n int) []ukcal.Holiday {
	var out []ukcal.Holiday
	for year := today.Year(); year <= today.Year()+1 && len(out) < n; year++ {
		for _, h := range ukcal.Holidays(ukcal.EnglandAndWales, year) {
			if !h.Date.Before(today) && len(out) < n {
				out = append(out, h)
			}
		}
	}
	return out
}

// holidayList is the coming bank holidays, one a line: the date, the
// holiday and how far off it is.
func (s *todayScreen) holidayList(now time.Time) fyne.CanvasObject {
	today := ukcal.DateOf(now)
	list := container.NewVBox()
	for _, h := range comingHolidays(today, bankHolidaysShown) {
		title := h.Title
		if h.Substitute {
			title += " (substitute day)"
		}
		var when string
		switch days := today.DaysUntil(h.Date); days {
		case 0:
			when = "today"
		case 1:
			when = "tomorrow"
		default:
			when = fmt.Sprintf("in %d days", days)
		}
		date := widget.NewLabelWithStyle(letters.LongDateWithDay(h.Date.Time()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name := cell()
		name.SetText(title)
		list.Add(row(&columns{widths: []float32{260, 300}}, date, name, widget.NewLabel(when)))
	}
	s.holidays = list
	return list
}

// showBackupStatus says when the last backup was made, and warns when
// automatic backups are off or the last one is over a day old.
func (s *todayScreen) showBackupStatus() {
	b, err := s.ctx.Clinic.BackupSettings()
	if err != nil {
		s.backupIcon.SetResource(theme.ErrorIcon())
		s.backupMessage.SetText("The backup settings could not be read: " + plainError(err))
		s.backupMessage.Importance = widget.DangerImportance
		return
	}
	now := s.now()
	var text string
	warn := true
	switch {
	case b.Folder == "" && b.Last.IsZero():
		text = "No backup has been made yet, and automatic backups are off. Choose a backup folder on a USB stick or another disk: ClinicDesk then makes a backup there each time it closes."
	case b.Folder == "":
		text = fmt.Sprintf("Automatic backups are off: no backup folder is set. The last backup was made %s. Choose a folder on a USB stick or another disk so that a backup is made each time ClinicDesk closes.", whenSaid(b.Last, now))
	case b.Last.IsZero():
		text = fmt.Sprintf("No backup has been made yet. One will be made in %s when ClinicDesk closes, or make one now from Backups.", b.Folder)
	case now.Sub(b.Last) > backupOverdue:
		text = fmt.Sprintf("The last backup was made %s, more than a day ago. Check that the backup drive (%s) is plugged in, then make a backup now.", whenSaid(b.Last, now), b.Folder)
	default:
		warn = false
		text = fmt.Sprintf("The last backup was made %s. Automatic backups go to %s each time ClinicDesk closes and once a day.", whenSaid(b.Last, now), b.Folder)
	}
	s.backupMessage.SetText(text)
	if warn {
		s.backupCard.SetSubTitle("Needs attention")
		s.backupIcon.SetResource(theme.NewWarningThemedResource(theme.WarningIcon()))
		s.backupMessage.Importance = widget.WarningImportance
		s.backupButton.Importance = widget.HighImportance
		s.backupButton.SetText("Set up backups")
	} else {
		s.backupCard.SetSubTitle("Up to date")
		s.backupIcon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		s.backupMessage.Importance = widget.MediumImportance
		s.backupButton.Importance = widget.MediumImportance
		s.backupButton.SetText("Go to Backups")
	}
	s.backupMessage.Refresh()
	s.backupButton.Refresh()
}

// openBackups goes to Settings, on the Backups tab.
func (s *todayScreen) openBackups() {
	openSettingsTab(s.ctx, settingsTabBackups)
}
