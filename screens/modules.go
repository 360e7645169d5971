package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"clinicdesk/app"
)

// modules are the main window's screens, in the order of the navigation:
// the place in this list is also the shortcut (Ctrl+1 is the first), for
// everyone, whatever their role lets them open. Add a screen at the end,
// so the numbers the desk's fingers know stay put.
var modules = screenList(
	Module{
		ID:    "today",
		Title: "Today",
		Icon:  themeIcon(theme.IconNameHome),
		Build: func(ctx *Context) fyne.CanvasObject { return newTodayScreen(ctx).build() },
	},
	Module{
		ID:      calendarModuleID,
		Title:   "Calendar",
		Icon:    themeIcon(theme.IconNameCalendar),
		Allowed: func(c *app.Clinic) bool { return c.Can(app.PermViewCalendar) },
		Build:   func(ctx *Context) fyne.CanvasObject { return newCalendarScreen(ctx).build() },
	},
	Module{
		ID:      patientsModuleID,
		Title:   "Patients",
		Icon:    themeIcon(theme.IconNameAccount),
		Allowed: func(c *app.Clinic) bool { return c.Can(app.PermViewPatients) },
		Build:   func(ctx *Context) fyne.CanvasObject { return newPatientsScreen(ctx).build() },
	},
	Module{
		ID:    complaintsModuleID,
		Title: "Complaints",
		Icon:  themeIcon(theme.IconNameWarning),
		// Complaint files are kept apart from the clinical record:
		// clinicians do not see the register at all.
		Allowed: func(c *app.Clinic) bool { return c.Can(app.PermViewComplaints) },
		Build:   func(ctx *Context) fyne.CanvasObject { return newComplaintsScreen(ctx).build() },
	},
	Module{
		ID:      "audit",
		Title:   "Audit trail",
		Icon:    themeIcon(theme.IconNameHistory),
		Allowed: func(c *app.Clinic) bool { return c.Can(app.PermViewAudit) },
		Build:   func(ctx *Context) fyne.CanvasObject { return newAuditScreen(ctx).build() },
	},
	Module{
		ID:    "settings",
		Title: "Settings",
		Icon:  themeIcon(theme.IconNameSettings),
		Build: func(ctx *Context) fyne.CanvasObject { return newSettingsScreen(ctx).build() },
	},
	// After Settings, so Ctrl+1 to Ctrl+6 keep the screens they had.
	Module{
		ID:      sarModuleID,
		Title:   "Subject access",
		Icon:    themeIcon(theme.IconNameFile),
		Allowed: func(c *app.Clinic) bool { return c.Can(app.PermSubjectAccess) },
		Build:   func(ctx *Context) fyne.CanvasObject { return newSARScreen(ctx).build() },
	},
	Module{
		ID:      referralsModuleID,
		Title:   "Referrals",
		Icon:    themeIcon(theme.IconNameMailForward),
		Allowed: func(c *app.Clinic) bool { return c.Can(app.PermViewReferrals) },
		Build:   func(ctx *Context) fyne.CanvasObject { return newReferralsScreen(ctx).build() },
	},
	// After Referrals (Ctrl+8), so Tasks is Ctrl+9.
	Module{
		ID:      tasksModuleID,
		Title:   "Tasks",
		Icon:    themeIcon(theme.IconNameList),
		Allowed: func(c *app.Clinic) bool { return c.Can(app.PermViewPatients) },
		Build:   func(ctx *Context) fyne.CanvasObject { return newTasksScreen(ctx).build() },
	},
	// After Tasks (Ctrl+9), so Reports is Ctrl+0.
	Module{
		ID:      reportsModuleID,
		Title:   "Reports",
		Icon:    themeIcon(theme.IconNameGrid),
		Allowed: func(c *app.Clinic) bool { return c.Can(app.PermViewReports) },
		Build:   func(ctx *Context) fyne.CanvasObject { return newReportsScreen(ctx).build() },
	},
)

// screenList makes each module's Build end the life of the screen on
// show first, so a module built again replaces the old one and the old
// one's loops end.
func screenList(ms ...Module) []Module {
	for i := range ms {
		build := ms[i].Build
		ms[i].Build = func(ctx *Context) fyne.CanvasObject {
			ctx.enterScreen()
			return build(ctx)
		}
	}
	return ms
}
