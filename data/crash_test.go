package data

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"clinicdesk/app/audit"
)

// The crash test runs a child copy of this test binary that writes as fast
// as it can and prints each audit row number once its transaction has
// committed; the parent kills it with SIGKILL mid-burst and checks that the
// file opens, verifies, and holds every acknowledged write.
const crashChildEnv = "CLINICDESK_CRASH_CHILD"

func TestCrashChild(t *testing.T) {
	spec := os.Getenv(crashChildEnv)
	if spec == "" {
		t.Skip("only runs as the child of TestKillNineMidBurstLosesNothingAcknowledged")
	}
	path, keyHex, _ := strings.Cut(spec, "|")
	var key DataKey
	b, _ := hex.DecodeString(keyHex)
	copy(key[:], b)
	s, err := Open(path, key)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		var seq int64
		err := s.Write(func(tx *Tx) error {
			e, err := tx.Audit(audit.Entry{Username: "burst", Action: "settings.update", Entity: "settings", EntityID: strconv.Itoa(i)})
			if err != nil {
				return err
			}
			seq = e.Seq
			return tx.SetSetting("burst."+strconv.FormatInt(seq, 10), strings.Repeat("x", 200))
		})
		if err != nil {
			fmt.Println("write:", err)
			os.Exit(1)
		}
		fmt.Println(seq) // acknowledged: committed with synchronous=FULL
	}
}

func TestKillNineMidBurstLosesNothingAcknowledged(t *testing.T) {
	if os.Getenv(crashChildEnv) != "" {
		t.Skip()
	}
	s, key, path := newStore(t)
	s.Close()
	for round := 0; round < 3; round++ {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path+"|"+hex.EncodeToString(key[:]))
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var acked int64
		sc := bufio.NewScanner(stdout)
		target := int64(150 * (round + 1))
		deadline := time.Now().Add(2 * time.Minute)
		for sc.Scan() && time.Now().Before(deadline) {
			n, err := strconv.ParseInt(strings.TrimSpace(sc.Text()), 10, 64)
			if err != nil {
				continue // test framework chatter
			}
			acked = n
			if acked >= target {
				break
			}
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if acked < target {
			t.Fatalf("round %d: the child acknowledged only %d writes", round, acked)
		}

		st, err := Open(path, key)
		if err != nil {
			t.Fatalf("round %d: the file does not open after kill -9: %v", round, err)
		}
		if err := st.IntegrityCheck(false); err != nil {
			t.Fatalf("round %d: integrity: %v", round, err)
		}
		n, err := st.VerifyAudit()
		if err != nil {
			t.Fatalf("round %d: audit: %v", round, err)
		}
		if n < acked {
			t.Fatalf("round %d: %d writes acknowledged but only %d survived", round, acked, n)
		}
		var missing int
		st.DB().QueryRow(`SELECT ? - count(*) FROM settings WHERE key LIKE 'burst.%'`, n).Scan(&missing)
		if missing != 0 {
			t.Fatalf("round %d: %d audit rows without their change: a half-applied transaction", round, missing)
		}
		st.Close()
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), "-journal") {
			t.Fatalf("a rollback journal was left: %s", e.Name())
		}
	}
}
