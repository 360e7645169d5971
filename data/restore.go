package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"clinicdesk/app/backups"
)

// A restore replaces several files that only work together: the clinic
// file, its keyring (and the keyring's mirror) and the audit anchor. A
// clinic file with another clinic's keyring locks everyone out, so they are
// swapped as one, in three stages:
//
//  1. The backup is verified, and its files are written beside the clinic
//     file under staged names (clinic.db.restore-new, …) and fsynced.
//     A crash here leaves the old clinic untouched; the staged files are
//     removed at the next start (the restore is undone).
//  2. A journal (clinic.db.restore-journal) is written atomically, naming
//     the staged files and their checksums. From here on the restore is
//     finished, never undone.
//  3. Each old file is kept as clinic.db.before-restore-<time>… (a hard
//     link, or a copy where links are not possible) and the staged file is
//     renamed over it, so there is always a whole clinic file at the path,
//     old or new. The old WAL and shared-memory files go with the old file,
//     so SQLite never replays them into the new one. The clinic file itself
//     goes last, then the journal is removed.
//
// FinishInterruptedRestore, called before anything opens the clinic,
// completes stage 3 from the journal, or undoes stage 1.

const (
	stagedSuffix  = ".restore-new"
	journalSuffix = ".restore-journal"
)

// restoreParts are the files beside a clinic file that belong to it, in
// the order a restore swaps them: the keyring files, the anchor, the old
// WAL and shared memory, and the clinic file itself last.
var restoreParts = []string{".keyring", ".keyring.mirror", ".keyring.prev", ".anchor", "-wal", "-shm", ""}

// restoreWorkPrefix names the folder a restore unpacks into, beside the
// clinic file and named after it.
func restoreWorkPrefix(dbPath string) string {
	return ".clinicdesk-restore-" + filepath.Base(dbPath) + "-"
}

// restoreJournal is what stage 2 writes: when the old files were moved
// aside, and the checksum of each staged file (by suffix).
type restoreJournal struct {
	Stamp  string            `json:"stamp"`
	Staged map[string]string `json:"staged"`
}

// restoreStep is called after each durable step of a restore. Tests use it
// to stop the process there, as a power cut would.
var restoreStep = func(step string) {}

// BeforeRestorePath is where the clinic file that was at dbPath is kept
// by a restore made at stamp; its keyring is KeyringPath of it.
func BeforeRestorePath(dbPath, stamp string) string { return dbPath + ".before-restore-" + stamp }

// Restore puts a verified backup in place at dbPath (with its keyring).
// Whatever was there is kept beside it as *.before-restore-<time>, never
// deleted. check may refuse the backup after it is verified and before
// anything is moved. The caller holds dbPath's lock.
func Restore(archive, dbPath string, key DataKey, force bool, check func(*Store) error) (backups.Manifest, error) {
	if err := finishRestore(dbPath); err != nil {
		return backups.Manifest{}, err
	}
	if _, err := os.Stat(dbPath); err == nil && !force {
		return backups.Manifest{}, fmt.Errorf("a clinic file already exists at %s: add --force to replace it (the current one is kept beside it)", dbPath)
	}
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return backups.Manifest{}, err
	}
	// Unpack beside the target, so the swap is renames on one disk.
	work, err := os.MkdirTemp(dir, restoreWorkPrefix(dbPath)+"*")
	if err != nil {
		return backups.Manifest{}, err
	}
	defer os.RemoveAll(work)
	os.Chmod(work, 0o700)
	var anchor []byte
	a, err := verifyUnpacked(archive, key, work, func(st *Store) error {
		if check != nil {
			if err := check(st); err != nil {
				return err
			}
		}
		var err error
		anchor, err = st.anchorForHead()
		return err
	})
	if err != nil {
		return backups.Manifest{}, err
	}
	m := a.manifest
	// Opening the copy to verify it checkpointed its WAL on close.
	os.Remove(a.dbPath + "-wal")
	os.Remove(a.dbPath + "-shm")

	// Stage 1: the new files under staged names, synced.
	staged := map[string][]byte{".keyring": a.keyring, ".keyring.mirror": a.keyring}
	if anchor != nil {
		staged[".anchor"] = anchor
	}
	j := restoreJournal{Stamp: time.Now().UTC().Format("20060102T150405.000Z"), Staged: map[string]string{}}
	undo := func() {
		for _, suffix := range restoreParts {
			os.Remove(dbPath + suffix + stagedSuffix)
		}
	}
	for suffix, b := range staged {
		if err := writeSynced(dbPath+suffix+stagedSuffix, b); err != nil {
			undo()
			return m, fmt.Errorf("write the restored files beside the clinic file: %w", err)
		}
		j.Staged[suffix] = sha256Hex(b)
		restoreStep("staged " + suffix)
	}
	if err := syncFile(a.dbPath); err != nil {
		undo()
		return m, err
	}
	if j.Staged[""], err = fileSHA256(a.dbPath); err != nil {
		undo()
		return m, err
	}
	if err := os.Rename(a.dbPath, dbPath+stagedSuffix); err != nil {
		undo()
		return m, fmt.Errorf("write the restored clinic file beside the old one: %w", err)
	}
	if err := syncDir(dir); err != nil {
		undo()
		return m, err
	}
	restoreStep("staged clinic file")

	// Stage 2: the journal. From here the restore is finished, not undone.
	jb, err := json.Marshal(j)
	if err != nil {
		undo()
		return m, err
	}
	if err := writeAtomic(dbPath+journalSuffix, jb); err != nil {
		undo()
		return m, fmt.Errorf("write the restore journal: %w", err)
	}
	restoreStep("journal")

	// Stage 3: the swap.
	return m, finishRestore(dbPath)
}

// FinishInterruptedRestore completes a restore that was stopped part way
// (the machine lost power, the program was killed), or undoes one that had
// not yet begun to replace anything. It is called before a clinic file is
// opened or created; when no restore was under way it costs a few stats.
func FinishInterruptedRestore(dbPath string) error {
	if !restorePending(dbPath) {
		return nil
	}
	lock, err := AcquireLock(dbPath)
	if err != nil {
		return err // the holder is restoring, or will finish it itself
	}
	defer lock.Release()
	return finishRestore(dbPath)
}

// RestorePending says a restore at dbPath was stopped part way: the
// files there may not be a matching pair until FinishInterruptedRestore.
func RestorePending(dbPath string) bool { return restorePending(dbPath) }

func restorePending(dbPath string) bool {
	if _, err := os.Lstat(dbPath + journalSuffix); err == nil {
		return true
	}
	for _, suffix := range restoreParts {
		if _, err := os.Lstat(dbPath + suffix + stagedSuffix); err == nil {
			return true
		}
	}
	work, _ := filepath.Glob(filepath.Join(filepath.Dir(dbPath), restoreWorkPrefix(dbPath)+"*"))
	return len(work) > 0
}

// finishRestore does stage 3 if the journal is there, else removes any
// staged files. Every step can be repeated after a crash. The caller holds
// dbPath's lock.
func finishRestore(dbPath string) error {
	dir := filepath.Dir(dbPath)
	// A restore stopped part way leaves its unpacking folder behind.
	defer func() {
		leftovers, _ := filepath.Glob(filepath.Join(dir, restoreWorkPrefix(dbPath)+"*"))
		for _, p := range leftovers {
			os.RemoveAll(p)
		}
	}()
	jb, err := os.ReadFile(dbPath + journalSuffix)
	if errors.Is(err, fs.ErrNotExist) {
		for _, suffix := range restoreParts {
			if err := os.Remove(dbPath + suffix + stagedSuffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("tidy away an unfinished restore (%s): %w", dbPath+suffix+stagedSuffix, err)
			}
		}
		return syncDir(dir)
	}
	if err != nil {
		return fmt.Errorf("read the journal of an unfinished restore %s: %w", dbPath+journalSuffix, err)
	}
	var j restoreJournal
	if err := json.Unmarshal(jb, &j); err != nil || j.Stamp == "" || j.Staged[""] == "" {
		return fmt.Errorf("the journal of an unfinished restore, %s, is damaged: the clinic file beside it may not match its keyring. Restore the newest backup again with --force", dbPath+journalSuffix)
	}
	aside := BeforeRestorePath(dbPath, j.Stamp)
	for _, suffix := range restoreParts {
		if err := swapPart(dbPath+suffix, aside+suffix, j.Staged[suffix]); err != nil {
			return fmt.Errorf("finish the restore of %s: %w", dbPath, err)
		}
		restoreStep("swapped " + suffix)
	}
	if err := syncDir(dir); err != nil {
		return err
	}
	if err := os.Remove(dbPath + journalSuffix); err != nil {
		return err
	}
	restoreStep("done")
	return syncDir(dir)
}

// swapPart puts the staged file for one part in place, keeping the old one
// as kept. With no staged file (sum ""), the old one is only moved aside.
func swapPart(path, kept, sum string) error {
	staged := path + stagedSuffix
	if sum == "" {
		if err := os.Rename(path, kept); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	if _, err := os.Lstat(staged); errors.Is(err, fs.ErrNotExist) {
		// Swapped before the interruption: the file in place must be it.
		got, err := fileSHA256(path)
		if err != nil || got != sum {
			return fmt.Errorf("%s is not the file the restore put there, and the staged copy is gone: restore the newest backup again with --force", path)
		}
		return nil
	}
	if _, err := os.Lstat(path); err == nil {
		if _, err := os.Lstat(kept); errors.Is(err, fs.ErrNotExist) {
			if err := keepCopy(path, kept); err != nil {
				return fmt.Errorf("keep %s as %s: %w", path, kept, err)
			}
			restoreStep("kept " + path)
		}
	}
	// The rename replaces the old file in one step: never no file there.
	return os.Rename(staged, path)
}

// keepCopy gives the file at path a second name, kept, leaving path in
// place: a hard link where the disk has them, else a synced copy renamed
// into place (so kept is never half-written).
func keepCopy(path, kept string) error {
	if err := os.Link(path, kept); err == nil {
		return syncDir(filepath.Dir(kept))
	}
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	tmp := kept + ".tmp"
	dst, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		return err
	}
	if err := dst.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, kept); err != nil {
		return err
	}
	return syncDir(filepath.Dir(kept))
}

// writeSynced writes b to a new file at path (0600) and fsyncs it.
func writeSynced(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
