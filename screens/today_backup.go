package screens

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// backupOverdue is how old the last backup may be before the manager is warned.
const backupOverdue = 24 * time.Hour

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
