package torture

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"clinicdesk/app"
	"clinicdesk/app/kdf"
	"clinicdesk/app/patients"
	"clinicdesk/app/practice"
	"clinicdesk/app/schedule"
	"clinicdesk/app/ukcal"
	"clinicdesk/data"
)

// cheapKDF makes each kill cycle fast. Real clinics use data.TunedKDF
// (about half a second per password); the Argon2id cost is not what is
// tortured here. Entries made after Open use TunedKDF, so it is replaced
// for this test binary only.
var cheapKDF = kdf.Params{Time: 1, MemoryKiB: 8 * 1024, Threads: 1}

func useCheapKDF() { data.TunedKDF = func() kdf.Params { return cheapKDF } }

type login struct{ User, Password string }

// fixture is the test clinic every scenario starts from: a manager, a
// receptionist and a clinician, 800 patients, one clinician in the diary
// and one appointment type.
type fixture struct {
	Manager, Reception, Clinician login
	Recovery                      string
	ClinicianID, TypeID           string
	Patients                      []string // every patient's id, sorted
}

func (f fixture) logins() []login { return []login{f.Manager, f.Reception, f.Clinician} }

// run is one `make torture`: its seed, work folder and test clinic.
type run struct {
	seed int64
	dir  string
	tmpl string // folder holding the pristine clinic.db and keyring
	fix  fixture
}

const dbName = "clinic.db"

func (r *run) makeTemplate() error {
	useCheapKDF()
	r.tmpl = filepath.Join(r.dir, "template")
	if err := os.MkdirAll(r.tmpl, 0o700); err != nil {
		return err
	}
	f := fixture{
		Manager:   login{"manager", "heather-lantern-quay-41"},
		Reception: login{"reception", "copper-meadow-ribbon-17"},
		Clinician: login{"clinician", "saffron-kestrel-island-93"},
	}
	c, recovery, err := app.Create(app.Setup{Path: filepath.Join(r.tmpl, dbName),
		Clinic:  practice.Details{Name: "Torture Test Clinic", Address: "1 High Street\nLeeds\nLS1 1AA"},
		Manager: app.NewUser{Username: f.Manager.User, FullName: "Mary Manager", Password: f.Manager.Password},
		KDF:     cheapKDF})
	if err != nil {
		return err
	}
	defer c.Close()
	f.Recovery = recovery
	if err := markSheetSaved(c); err != nil {
		return err
	}
	for _, u := range []struct {
		l    login
		role app.Role
	}{{f.Reception, app.Receptionist}, {f.Clinician, app.Clinician}} {
		if _, err := c.AddUser(app.NewUser{Username: u.l.User, FullName: "Staff " + u.l.User, Role: u.role, Password: u.l.Password}); err != nil {
			return fmt.Errorf("add %s: %w", u.l.User, err)
		}
	}
	cl, err := c.SaveClinician(schedule.Clinician{Name: "Dr Ada Jones", Role: "GP", Active: true})
	if err != nil {
		return err
	}
	ty, err := c.SaveAppointmentType(schedule.AppointmentType{Name: "Follow-up", Minutes: 20, Active: true})
	if err != nil {
		return err
	}
	f.ClinicianID, f.TypeID = cl.ID, ty.ID
	var rows []app.ImportRow
	for i := 0; i < 800; i++ {
		rows = append(rows, app.ImportRow{Line: i + 2, Patient: patients.Patient{
			Forenames: forenames[i%len(forenames)], Surname: fmt.Sprintf("Template%04d", i),
			DOB: ukcal.NewDate(1930+i%80, time.Month(1+i%12), 1+i%28)}})
	}
	rep, err := c.ImportPatients(rows, app.ImportOptions{SkipInvalid: true})
	if err != nil {
		return err
	}
	if rep.Imported != len(rows) {
		return fmt.Errorf("imported %d of %d patients: %v", rep.Imported, len(rows), rep.Problems)
	}
	if f.Patients, err = allPatients(c); err != nil {
		return err
	}
	r.fix = f
	return nil
}

var forenames = []string{"Amara", "Bethan", "Callum", "Dafydd", "Eilidh", "Farah", "Gareth", "Hamza", "Isla", "Jack"}

// allPatients lists every active patient's id, sorted.
func allPatients(c *app.Clinic) ([]string, error) {
	var ids []string
	after := ""
	for {
		page, err := c.ListPatients(patients.PatientFilter{After: after, Limit: 1000})
		if err != nil {
			return nil, err
		}
		if len(page) == 0 {
			break
		}
		for _, p := range page {
			ids = append(ids, p.ID)
		}
		after = page[len(page)-1].ID
	}
	slices.Sort(ids)
	return ids, nil
}

// copyClinic copies a clinic's folder (the file, its WAL, keyring and
// whatever else ClinicDesk keeps beside it) but not the lock, nor what a
// restore moved aside. dst is emptied first.
func copyClinic(src, dst string) error {
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		name := d.Name()
		if d.IsDir() {
			return os.MkdirAll(target, 0o700)
		}
		if strings.HasSuffix(name, ".lock") || strings.HasSuffix(name, ".lock.owner") || strings.Contains(name, ".before-restore-") {
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(p, target)
	})
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// flipByte changes one byte of the file at a random offset (XOR with a
// random non-zero value) and says where.
func flipByte(path string, rng *rand.Rand) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if len(b) == 0 {
		return "", fmt.Errorf("%s is empty", path)
	}
	off := rng.IntN(len(b))
	old := b[off]
	b[off] ^= byte(1 + rng.IntN(255))
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return "", err
	}
	return fmt.Sprintf("%s byte %d of %d: %#02x→%#02x", filepath.Base(path), off, len(b), old, b[off]), nil
}

var words = []string{"amber", "breeze", "copper", "delta", "ember", "fable", "garnet", "harbour", "island",
	"juniper", "kestrel", "lantern", "meadow", "nectar", "orchid", "pebble", "quarry", "ribbon", "saffron",
	"thistle", "umber", "velvet", "willow", "yonder", "zephyr"}

// newPassword makes a password the rules accept: three words and a number.
func newPassword(rng *rand.Rand) string {
	return fmt.Sprintf("%s-%s-%s-%02d", words[rng.IntN(len(words))], words[rng.IntN(len(words))],
		words[rng.IntN(len(words))], rng.IntN(100))
}
