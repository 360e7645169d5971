package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"time"

	"errors"
	"fmt"
	"os"

	"clinicdesk/app"
	"clinicdesk/app/practice"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

func init() {
	register(&command{name: "init", usage: "--db PATH --clinic NAME [--address TEXT] [--phone NUMBER] [--email ADDRESS] --user NAME [--full-name NAME] [--recovery-sheet FILE.pdf] --password-stdin",
		summary: "create an encrypted clinic file and its first practice manager; prints the recovery key once", run: runInit})
	register(&command{name: "version", usage: "", summary: "version, SQLite and SQLite3 Multiple Ciphers versions and the cipher scheme", run: runVersion})
	register(&command{name: "verify", usage: "--db PATH [--full] [--reset-anchor] --user NAME --password-stdin",
		summary: "integrity, cipher integrity and audit-chain check, against its anchor and the backups' heads", run: runVerify})
	register(&command{name: "backup", usage: "--db PATH --out FILE [--force] --user NAME --password-stdin",
		summary: "write an encrypted, verified backup (never replaces a file without --force)", run: runBackup})
	register(&command{name: "restore", usage: "--from FILE --db PATH [--force] --user NAME --password-stdin",
		summary: "restore a backup (never overwrites a clinic file without --force; the old one is kept beside it)", run: runRestore})
}

func runInit(env *Env, args []string) error {
	fs := newFlags("init")
	auth := addAuthFlags(fs)
	clinic := fs.String("clinic", "", "the clinic's name")
	address := fs.String("address", "", `the clinic's address for letters, its lines separated by commas: "12 Mill Lane, Leeds, LS1 4AP"`)
	phone := fs.String("phone", "", "the clinic's phone number, which letters ask patients to ring")
	email := fs.String("email", "", "the clinic's email address")
	fullName := fs.String("full-name", "", "the manager's full name (default: the user name)")
	sheet := fs.String("recovery-sheet", "", "also write the Emergency recovery sheet to this PDF, for printing")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *auth.db == "" || *clinic == "" {
		return usagef("--db PATH and --clinic NAME are required")
	}
	user, password, err := auth.credentials(env)
	if err != nil {
		return err
	}
	if *fullName == "" {
		*fullName = user
	}
	details := practice.Details{Name: *clinic, Address: addressLines(*address), Phone: *phone, Email: *email}
	c, recovery, err := app.Create(app.Setup{Path: *auth.db, Clinic: details,
		Manager: app.NewUser{Username: user, FullName: *fullName, Password: password}, Now: env.Now})
	if err != nil {
		return err
	}
	var sheetErr error
	if *sheet != "" {
		if sheetErr = writeRecoverySheet(c, *sheet, recovery, env.Now()); sheetErr == nil {
			_ = c.MarkRecoverySheetSaved() // if not, the manager is reminded at sign-in
		}
	}
	if err := c.Close(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Created %s for %s.\n", *auth.db, *clinic)
	if *sheet != "" {
		if err := sheetErr; err != nil {
			fmt.Fprintf(env.Stdout, "The recovery sheet could not be written (%v): copy the key below by hand.\n", err)
		} else {
			fmt.Fprintf(env.Stdout, "Emergency recovery sheet written to %s: print it, then delete the file.\n", *sheet)
		}
	}
	fmt.Fprintf(env.Stdout, "Recovery key (shown once: print it or write it down and keep it in a safe):\n%s\n", recovery)
	return nil
}

// addressLines turns "12 Mill Lane, Leeds, LS1 4AP" into the lines the
// clinic's address is kept as.
func addressLines(s string) string {
	var lines []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' }) {
		if part = strings.TrimSpace(part); part != "" {
			lines = append(lines, part)
		}
	}
	return strings.Join(lines, "\n")
}

// writeRecoverySheet writes the sheet of the key just made to the file out.
func writeRecoverySheet(c *app.Clinic, out, key string, made time.Time) error {
	var buf bytes.Buffer
	if err := c.WriteRecoverySheet(&buf, key, made); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o600)
}

func runVersion(env *Env, args []string) error {
	if len(args) > 0 {
		return usagef("version takes no arguments")
	}
	e, err := data.Versions()
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "ClinicDesk %s\nSQLite %s\n%s\nCipher scheme %s version %d (AES-256-CBC, HMAC-SHA512 per page)\n",
		app.Version, e.SQLite, e.Sqlite3mc, e.Scheme, e.Legacy)
	return nil
}

func runVerify(env *Env, args []string) error {
	fs := newFlags("verify")
	auth := addAuthFlags(fs)
	full := fs.Bool("full", false, "also run SQLite's complete integrity check, which matches every index entry to its row (several times slower)")
	resetAnchor := fs.Bool("reset-anchor", false, "start the audit anchor again at the trail's end, once you know why verify said it did not fit (recorded in the audit trail; the old one is kept beside it)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	if *resetAnchor {
		if err := c.ResetAuditAnchor(); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "The audit anchor starts again at the end of the trail; the old one is kept beside the clinic file.\n")
	}
	r, err := c.Verify(*full)
	if err != nil {
		return err
	}
	check := "SQLite quick check"
	if r.Full {
		check = "SQLite full integrity check"
	}
	fmt.Fprintf(env.Stdout, "ok: the clinic file is intact (every page's HMAC, %s) and its audit trail of %d rows is unbroken (head %s)\n", check, r.AuditRows, r.AuditHead[:16])
	if r.Anchored {
		fmt.Fprintf(env.Stdout, "ok: the trail reaches its anchor (row %d), kept beside the clinic file\n", r.AnchorSeq)
	}
	fmt.Fprintf(env.Stdout, "ok: the trail passes through the heads recorded by %d %s\n", r.BackupsChecked, map[bool]string{true: "backup", false: "backups"}[r.BackupsChecked == 1])
	for _, s := range r.BackupsSkipped {
		fmt.Fprintf(env.Stdout, "not checked: %s\n", s)
	}
	if w := c.SyncFolderWarning(); w != "" {
		fmt.Fprintf(env.Stdout, "warning: %s\n", w) // the file is intact today; the folder is the risk
	}
	return nil
}

func runBackup(env *Env, args []string) error {
	fs := newFlags("backup")
	auth := addAuthFlags(fs)
	out := fs.String("out", "", "the backup file to write (.cdbackup is added if the name lacks it)")
	force := fs.Bool("force", false, "replace a backup already at that name (only once the new one has verified)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("--out FILE is required")
	}
	// The file really written, named in every message: --out nightly
	// writes nightly.cdbackup.
	path := app.BackupFile(*out)
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s is a folder: give the backup a file name in it", path)
		}
		if !*force {
			return fmt.Errorf("%s already exists: choose a new file name, or add --force to replace it", path)
		}
	}
	c, err := auth.open(env)
	if err != nil {
		return err
	}
	defer c.Close()
	backup := c.BackupNow
	if *force {
		backup = c.BackupReplacing
	}
	m, err := backup(path)
	var taken *data.BackupExistsError
	if errors.As(err, &taken) {
		return fmt.Errorf("%s already exists: choose a new file name, or add --force to replace it", path)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Backed up and verified: %s (%d audit rows, made %s)\n", path, m.AuditSeq, ukcal.WallDateTimeSeconds(m.CreatedAt))
	return nil
}

func runRestore(env *Env, args []string) error {
	fs := newFlags("restore")
	auth := addAuthFlags(fs)
	from := fs.String("from", "", "the backup file")
	force := fs.Bool("force", false, "replace an existing clinic file (it is kept beside the restored one)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *from == "" || *auth.db == "" {
		return usagef("--from FILE and --db PATH are required")
	}
	// A restore stopped part way is finished first, so the check below
	// sees the clinic file as it really is.
	if err := data.FinishInterruptedRestore(*auth.db); err != nil {
		return err
	}
	if app.Exists(*auth.db) && !*force {
		return fmt.Errorf("a clinic file already exists at %s: add --force to replace it (the current one is kept beside it)", *auth.db)
	}
	user, password, err := auth.credentials(env)
	if err != nil {
		return err
	}
	m, err := app.RestoreBackup(*from, *auth.db, user, password, *force)
	if errors.Is(err, app.ErrWrongPassword) {
		return &AuthError{Err: err}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Restored %s to %s (backup made %s, %d audit rows).\n", *from, *auth.db, ukcal.WallDateTimeSeconds(m.CreatedAt), m.AuditSeq)
	return nil
}
