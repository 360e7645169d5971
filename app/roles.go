package app

import "fmt"

// Role is what a member of staff is allowed to do.
type Role string

// The three roles of SPEC §1.
const (
	Receptionist Role = "receptionist"
	Manager      Role = "manager"
	Clinician    Role = "clinician"
)

// Roles lists the roles in the order the GUI offers them.
func Roles() []Role { return []Role{Receptionist, Manager, Clinician} }

// Label is the role as staff say it.
func (r Role) Label() string {
	switch r {
	case Receptionist:
		return "Receptionist"
	case Manager:
		return "Practice manager"
	case Clinician:
		return "Clinician"
	}
	return string(r)
}

// ParseRole accepts a role's name or its label.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles() {
		if s == string(r) || s == r.Label() {
			return r, nil
		}
	}
	return "", fmt.Errorf("unknown role %q: choose receptionist, manager or clinician", s)
}

// Permission is one thing a role may or may not do. Checked in Clinic, not
// only by hiding buttons.
type Permission string

const (
	PermManageUsers  Permission = "manage users"
	PermEditClinic   Permission = "change the clinic's details"
	PermViewAudit    Permission = "see the audit trail"
	PermBackup       Permission = "make or test backups"
	PermSecurity     Permission = "change security settings"
	PermVerify       Permission = "check the clinic file"
	PermChangeOwnPwd Permission = "change your own password"

	PermViewPatients   Permission = "see patients' records"
	PermEditPatients   Permission = "add or change patients' details"
	PermNotePatients   Permission = "add notes, calls and follow-ups"
	PermArchivePatient Permission = "archive a patient's record"
	PermMergePatients  Permission = "merge duplicate records"
	PermDeletePatient  Permission = "delete a patient's record"
	PermImportPatients Permission = "import patients from a spreadsheet"
	PermExportPatients Permission = "export patients' records"
	PermSubjectAccess  Permission = "produce a subject access copy"
	// Anyone may tick a task off; undoing a tick, a record of work done,
	// is a manager's.
	PermReopenTasks Permission = "reopen a task marked done"

	PermViewCalendar       Permission = "see the appointment book"
	PermBookAppointments   Permission = "book, move or cancel appointments"
	PermAppointmentStatus  Permission = "mark arrivals, patients seen and DNAs"
	PermSafeguarding       Permission = "see and acknowledge safeguarding prompts"
	PermWaitingList        Permission = "change the waiting list"
	PermCalendarSetup      Permission = "set up clinicians, rooms, appointment types and opening hours"
	PermExportAppointments Permission = "export appointments"

	// Complaints are kept apart from the clinical record: clinicians hold
	// none of these. Receptionists log, acknowledge and add notes; the
	// decisions (sign-off, closing, the Ombudsman, the return) are a
	// manager's.
	PermViewComplaints   Permission = "see the complaints register"
	PermLogComplaints    Permission = "log and acknowledge complaints"
	PermDecideComplaints Permission = "sign off, close or refer complaints to the Ombudsman"
	PermComplaintsReturn Permission = "produce the KO41(b) complaints return"
	PermExportComplaints Permission = "export the complaints register"

	// Letters: receptionists print them; only a manager changes the wording.
	PermPrintLetters  Permission = "print letters, slips and day lists"
	PermEditTemplates Permission = "change the letter templates"

	// Referrals and their pathways: everyone sees them (a clinician only
	// those referred to or by them); the desk adds and chases them;
	// clinicians record what happened (a decision to treat, a treatment);
	// only a manager closes a pathway by hand.
	PermViewReferrals  Permission = "see referrals and the patient tracking list"
	PermEditReferrals  Permission = "add and change referrals"
	PermReferralEvents Permission = "record what happened on a referral's pathway"
	PermClosePathway   Permission = "close a pathway by hand"

	// Reports are counts, not patients' records: a manager sees the
	// clinic's, a clinician only their own (the facade holds them to it).
	PermViewReports Permission = "see the reports on how the clinic is doing"
)

var rolePermissions = map[Role]map[Permission]bool{
	Manager: {
		PermManageUsers: true, PermEditClinic: true, PermViewAudit: true,
		PermBackup: true, PermSecurity: true, PermVerify: true, PermChangeOwnPwd: true,
		PermViewPatients: true, PermEditPatients: true, PermNotePatients: true, PermArchivePatient: true,
		PermMergePatients: true, PermDeletePatient: true, PermImportPatients: true, PermExportPatients: true,
		PermSubjectAccess: true,
		PermReopenTasks:   true,
		PermViewCalendar:  true, PermBookAppointments: true, PermAppointmentStatus: true, PermWaitingList: true,
		PermCalendarSetup: true, PermExportAppointments: true, PermSafeguarding: true,
		PermViewComplaints: true, PermLogComplaints: true, PermDecideComplaints: true, PermComplaintsReturn: true,
		PermExportComplaints: true,
		PermPrintLetters:     true, PermEditTemplates: true,
		PermViewReferrals: true, PermEditReferrals: true, PermReferralEvents: true, PermClosePathway: true,
		PermViewReports: true,
	},
	Receptionist: {
		PermChangeOwnPwd: true,
		PermViewPatients: true, PermEditPatients: true, PermNotePatients: true, PermArchivePatient: true,
		PermExportPatients: true, PermSubjectAccess: true,
		PermViewCalendar: true, PermBookAppointments: true, PermAppointmentStatus: true, PermWaitingList: true,
		PermExportAppointments: true,
		PermViewComplaints:     true, PermLogComplaints: true,
		PermPrintLetters:  true,
		PermViewReferrals: true, PermEditReferrals: true, PermReferralEvents: true,
	},
	// Clinicians read, add a short note or follow-up, and mark their
	// patients arrived, in progress, seen or DNA; they do not book.
	Clinician: {PermChangeOwnPwd: true, PermViewPatients: true, PermNotePatients: true,
		PermViewCalendar: true, PermAppointmentStatus: true, PermSafeguarding: true,
		PermViewReferrals: true, PermReferralEvents: true, PermViewReports: true},
}

// Can reports whether the role holds the permission.
func (r Role) Can(p Permission) bool { return rolePermissions[r][p] }

// PermissionError says who may not do what, and who can.
type PermissionError struct {
	Role Role
	Perm Permission
}

func (e *PermissionError) Error() string {
	return fmt.Sprintf("a %s cannot %s: ask a practice manager", lowerFirst(e.Role.Label()), e.Perm)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
