package torture

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// These run in the normal suite (quickly, no children): they keep the
// torture's own judging honest.

func TestTortureFlipChangesExactlyOneByte(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	orig := bytes.Repeat([]byte("clinic"), 100)
	os.WriteFile(p, orig, 0o600)
	if _, err := flipByte(p, trialRNG(1, "t", 0)); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	diff := 0
	for i := range orig {
		if got[i] != orig[i] {
			diff++
		}
	}
	if len(got) != len(orig) || diff != 1 {
		t.Fatalf("%d bytes changed, length %d→%d", diff, len(orig), len(got))
	}
}

func TestTortureOperationBegunButNotAcknowledgedIsInFlight(t *testing.T) {
	lines := []stamped{{time.Now(), "ready"}, {time.Now(), `begin {"Op":"patient"}`},
		{time.Now(), `ack {"Op":"patient","ID":"p1"}`}, {time.Now(), `begin {"Op":"appt","Patient":"p1"}`}}
	acked, inFlight := ops(lines)
	if len(acked) != 1 || acked[0].ID != "p1" || inFlight == nil || inFlight.Op != "appt" {
		t.Fatalf("acked %+v, in flight %+v", acked, inFlight)
	}
	_, inFlight = ops(lines[:3])
	if inFlight != nil {
		t.Fatalf("nothing was in flight, got %+v", inFlight)
	}
}

// A password change killed in flight may leave the old password or the
// new one working, not both and not neither.
func TestTortureKilledPasswordChangeAllowsOldOrNewNotBothNorNeither(t *testing.T) {
	fx := fixture{Manager: login{"manager", "m-old"}, Reception: login{"reception", "r-pw"}, Clinician: login{"clinician", "c-pw"}, Recovery: "KEY"}
	flightOp := &op{Op: "reset", User: "reception", New: "r-new"}
	for _, tc := range []struct {
		old, new string
		fails    bool
		settled  string
	}{
		{"ok", "wrong", false, "r-pw"},
		{"wrong", "ok", false, "r-new"},
		{"ok", "ok", true, ""},
		{"wrong", "wrong", true, ""},
	} {
		m := newStaffModel(fx)
		res := checkResult{Users: map[string]bool{"manager": true, "reception": true, "clinician": true},
			Logins: []outcome{{User: "manager", Password: "m-old", Result: "ok"}, {User: "clinician", Password: "c-pw", Result: "ok"},
				{User: "reception", Password: "r-pw", Result: tc.old}, {User: "reception", Password: "r-new", Result: tc.new}},
			Recovery: []outcome{{Password: "KEY", Result: "ok"}}}
		f := &figures{name: "t"}
		problems := judgeStaff(f, m, flightOp, m.users["reception"], res)
		if (len(problems) > 0) != tc.fails {
			t.Errorf("old %s, new %s: problems %v", tc.old, tc.new, problems)
		}
		if !tc.fails && m.users["reception"].password != tc.settled {
			t.Errorf("old %s, new %s: the model kept %q", tc.old, tc.new, m.users["reception"].password)
		}
	}
}

// A user whose AddUser was killed must either be there and sign in, or be
// absent and addable again.
func TestTortureHalfAddedUserWhoCannotBeAddedAgainFails(t *testing.T) {
	fx := fixture{Manager: login{"manager", "m"}, Reception: login{"reception", "r"}, Clinician: login{"clinician", "c"}, Recovery: "KEY"}
	m := newStaffModel(fx)
	res := checkResult{Users: map[string]bool{"manager": true, "reception": true, "clinician": true},
		Logins: []outcome{{User: "manager", Password: "m", Result: "ok"}, {User: "reception", Password: "r", Result: "ok"},
			{User: "clinician", Password: "c", Result: "ok"}, {User: "newbie", Password: "n", Result: "wrong"}},
		Recovery: []outcome{{Password: "KEY", Result: "ok"}},
		ReAdd:    &outcome{Result: "error", Err: `there is already a user called "newbie"`}}
	if p := judgeStaff(&figures{}, m, &op{Op: "add", User: "newbie", New: "n"}, nil, res); len(p) == 0 {
		t.Fatal("a user who can neither sign in nor be added again passed")
	}
	res.ReAdd = &outcome{Result: "ok"}
	if p := judgeStaff(&figures{}, m, &op{Op: "add", User: "newbie", New: "n"}, nil, res); len(p) != 0 {
		t.Fatalf("a user added again after the kill failed: %v", p)
	}
}

// A damaged file must never be "wrong user name or password", and a
// damaged file that opens and verifies is counted, not passed.
func TestTortureDamagedFileToldWrongPasswordOrAcceptedFails(t *testing.T) {
	want := []string{"a", "b"}
	f := &figures{}
	wrong := checkResult{Logins: []outcome{{User: "manager", Result: "wrong", Err: "wrong user name or password"}}, SessionErr: "x"}
	if p := judgeFlip(f, wrong, "", nil, want, false, false); len(p) == 0 || f.counts[figWrongPassword] != 1 {
		t.Fatalf("wrong password for a damaged file passed: %v %v", p, f.counts)
	}
	accepted := checkResult{Logins: []outcome{{User: "manager", Result: "ok"}}, Patients: want, Verified: true}
	if p := judgeFlip(f, accepted, "", nil, want, false, false); len(p) == 0 || f.counts[figUndetected] != 1 {
		t.Fatalf("an undetected flip passed: %v %v", p, f.counts)
	}
	if p := judgeFlip(f, accepted, "", nil, want, true, false); len(p) != 0 {
		t.Fatalf("a flip of JSON white space failed: %v", p)
	}
	named := checkResult{OpenErr: `the keyring entry "user:manager" is damaged`}
	if p := judgeFlip(f, named, "", nil, want, false, false); len(p) != 0 || f.counts[figRefusedOpen] != 1 {
		t.Fatalf("damage named at open failed: %v %v", p, f.counts)
	}
	if p := judgeFlip(f, checkResult{}, "panic: crypto/cipher: incorrect nonce length", nil, want, false, false); len(p) == 0 {
		t.Fatal("a panic passed")
	}
	if p := judgeFlip(f, accepted, "", nil, want, false, true); len(p) != 0 || f.counts[figRepaired] != 1 {
		t.Fatalf("a keyring written back whole from its second copy failed: %v %v", p, f.counts)
	}
}

func TestTortureShortenedKeyringFieldStaysJSONButLosesThreeBytes(t *testing.T) {
	p := filepath.Join(t.TempDir(), "k")
	orig := `{"format":2,"clinic_id":"c","entries":[{"id":"recovery","kdf":"argon2id","nonce":"AAAAAAAAAAAAAAAA","envelope":{"nonce":"BBBBBBBBBBBBBBBB"}}]}`
	os.WriteFile(p, []byte(orig), 0o600)
	where, err := shortenField(p, trialRNG(3, "t", 3))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if sameJSON([]byte(orig), b) || !bytes.Contains(b, []byte(`"AAAAAAAAAAAA"`)) && !bytes.Contains(b, []byte(`"BBBBBBBBBBBB"`)) {
		t.Fatalf("%s: %s", where, b)
	}
}

// A new recovery key killed in flight: the old key, or the new one if it
// was shown; a key never shown is acceptable only when the clinic records
// its sheet as unsaved (so the next manager is told).
func TestTortureKilledNewRecoveryKeyLeavesAKeySomeoneHas(t *testing.T) {
	fx := fixture{Manager: login{"manager", "m"}, Reception: login{"reception", "r"}, Clinician: login{"clinician", "c"}, Recovery: "OLD"}
	logins := []outcome{{User: "manager", Password: "m", Result: "ok"}, {User: "reception", Password: "r", Result: "ok"},
		{User: "clinician", Password: "c", Result: "ok"}}
	no, yes := false, true
	for _, tc := range []struct {
		name    string
		shown   string
		old     string
		new     string
		saved   *bool
		fails   bool
		settled string
	}{
		{"old still works", "", "ok", "", &no, false, "OLD"},
		{"shown new works", "NEW", "wrong", "ok", &yes, false, "NEW"},
		{"both work", "NEW", "ok", "ok", &yes, true, ""},
		{"shown, neither works", "NEW", "wrong", "wrong", &yes, true, ""},
		{"never shown, sheet unsaved", "", "wrong", "", &no, false, "OLD"},
		{"never shown, sheet saved", "", "wrong", "", &yes, true, ""},
		{"never shown, not recorded", "", "wrong", "", nil, true, ""},
	} {
		m := newStaffModel(fx)
		res := checkResult{Users: map[string]bool{"manager": true, "reception": true, "clinician": true}, Logins: logins,
			Recovery: []outcome{{Password: "OLD", Result: tc.old}}, SheetSaved: tc.saved}
		if tc.shown != "" {
			res.Recovery = append(res.Recovery, outcome{Password: tc.shown, Result: tc.new})
		}
		p := judgeStaff(&figures{}, m, &op{Op: "recovery", New: tc.shown}, nil, res)
		if (len(p) > 0) != tc.fails {
			t.Errorf("%s: problems %v", tc.name, p)
		}
		if !tc.fails && m.recovery != tc.settled {
			t.Errorf("%s: the model kept %q", tc.name, m.recovery)
		}
	}
}
