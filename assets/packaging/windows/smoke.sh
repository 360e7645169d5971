#!/usr/bin/env bash
# The Windows smoke test: `make smoke-windows`, run by CI after `make test`.
#
# In a fresh Wine prefix under Xvfb it installs the MSI the way practice IT
# would (msiexec /qn), drives the command line and the window, upgrades to
# a newer MSI, uninstalls, and checks the clinic files are still there.
# Screenshots go to dist/smoke-windows/. The last line is
# "N passed, N failed"; the exit code is 1 if anything failed.
#
# Wine 8 (Debian 12) lacks bcryptprimitives.dll, which Go 1.22 and later
# load at start; a stand-in built here from wine/bcryptprimitives.c goes
# into the test prefix only. Real Windows 10 and 11 have the DLL.
set -uo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root" || exit 1
here=assets/packaging/windows
version="$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml | head -1)"
msi="$root/dist/ClinicDesk-$version.msi"
shots="$root/dist/smoke-windows"
[ -f "$msi" ] || { echo "No installer at $msi: run make dist-windows-msi first" >&2; exit 1; }
for tool in wine Xvfb xdotool import convert x86_64-w64-mingw32-gcc; do
	command -v "$tool" >/dev/null || { echo "smoke-windows needs $tool (make deps installs it)" >&2; exit 1; }
done

work="$(mktemp -d /tmp/clinicdesk-smoke.XXXXXX)"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEARCH=win64
export WINEDLLOVERRIDES="mscoree,mshtml=" # no Mono or Gecko download prompts
export LANG=en_GB.UTF-8
rm -rf "$shots" && mkdir -p "$shots"
drive_c="$WINEPREFIX/drive_c"

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok    $1"; }
bad() { failed=$((failed + 1)); echo "FAIL  $1"; [ $# -gt 1 ] && sed 's/^/      /' <<<"$2" | head -20; }

# A free X display of our own.
n=91
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=":$n"
gui=""
cleanup() {
	[ -n "$gui" ] && kill "$gui" 2>/dev/null
	wineserver -k 2>/dev/null
	kill "$xvfb" 2>/dev/null
	wait 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

start=$(date +%s)
timeout 300 wineboot -i >"$work/wineboot.log" 2>&1
wineserver -w
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$drive_c/windows/system32/bcryptprimitives.dll" \
	"$here/wine/bcryptprimitives.c" "$here/wine/bcryptprimitives.def" -ladvapi32 ||
	{ echo "could not build the bcryptprimitives stand-in" >&2; exit 1; }
echo "Wine prefix ready in $(($(date +%s) - start)) s"

# run NAME EXPECTED-EXIT [STDIN] -- COMMAND...: runs a Windows command,
# keeps its output in $out and passes if the exit code is as expected.
run() {
	local name="$1" want="$2" input="$3"
	shift 4
	printf '%s' "$input" | timeout 180 wine "$@" >"$work/out" 2>&1
	local rc=$?
	out="$(tr -d '\r' <"$work/out")"
	if [ "$rc" = "$want" ]; then ok "$name (exit $rc)"; else bad "$name: exit $rc, want $want" "$out"; fi
}
has() { if grep -qF -- "$2" <<<"$out"; then ok "$1"; else bad "$1: no \"$2\" in the output" "$out"; fi; }
exists() { if [ -e "$2" ]; then ok "$1"; else bad "$1: $2 is missing"; fi; }
absent() { if [ ! -e "$2" ]; then ok "$1"; else bad "$1: $2 is still there"; fi; }

# shot NAME: screenshot, and check the window drew (not one flat colour).
shot() {
	import -window root "$shots/$1.png" 2>/dev/null
	local colours
	colours="$(convert "$shots/$1.png" -format %k info: 2>/dev/null || echo 0)"
	if [ "${colours:-0}" -gt 200 ]; then ok "$1 drew ($colours colours)"; else bad "$1 did not draw: $colours colours in $shots/$1.png"; fi
}

# window: waits for ClinicDesk's window and prints its id.
window() {
	local id=""
	for _ in $(seq 1 120); do
		id="$(xdotool search --onlyvisible --name '^ClinicDesk' 2>/dev/null | head -1)"
		[ -n "$id" ] && break
		sleep 1
	done
	echo "$id"
}

# settle: waits until two screenshots a second apart are the same.
settle() {
	local prev="" cur
	for _ in $(seq 1 60); do
		sleep 1
		cur="$(import -window root png:- 2>/dev/null | md5sum)"
		[ "$cur" = "$prev" ] && return
		prev="$cur"
	done
}

# stop_gui: ends the window we started and waits for it.
stop_gui() {
	[ -n "$gui" ] || return
	kill "$gui" 2>/dev/null
	wait "$gui" 2>/dev/null
	gui=""
	wineserver -w
}

# 1. Install, as group policy or Intune would.
run "the MSI installs silently" 0 "" -- msiexec /i "$(winepath -w "$msi")" /qn
app_dir="$drive_c/Program Files/ClinicDesk"
exists "ClinicDesk.exe is in Program Files" "$app_dir/ClinicDesk.exe"
exists "the command line is in Program Files\\ClinicDesk\\cli" "$app_dir/cli/clinicdesk.exe"
exists "the clinic's folder is made in ProgramData" "$drive_c/ProgramData/ClinicDesk"
# Windows puts a per-machine shortcut in ProgramData's Start menu; Wine 8
# puts it in the installing user's.
shortcut=("$drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/ClinicDesk.lnk" \
	"$drive_c/users/$(id -un)/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/ClinicDesk.lnk")
if [ -e "${shortcut[0]}" ] || [ -e "${shortcut[1]}" ]; then ok "the Start-menu shortcut is made"; else bad "no ClinicDesk shortcut in the Start menu"; fi
wineserver -w # a new process reads the PATH the installer set

# 2. The command line, found on the PATH from a command prompt.
run "clinicdesk.exe version (from the PATH)" 0 "" -- cmd /c clinicdesk.exe version
has "version names the product" "ClinicDesk $version"
db='C:\Clinic Data\Main Surgery\clinic.db'
db_unix="$drive_c/Clinic Data/Main Surgery/clinic.db"
pw='correct horse battery staple'
run "init at a path with spaces and backslashes" 0 "$pw"$'\n' -- cmd /c clinicdesk.exe init --db "$db" --clinic "Riverside Surgery" --user sjones --full-name "Sarah Jones" --password-stdin
has "init prints the recovery key" "Recovery key"
exists "the clinic file is where init was told" "$db_unix"
run "verify" 0 "$pw"$'\n' -- cmd /c clinicdesk.exe verify --db "$db" --user sjones --password-stdin
run "a backup into a folder that does not exist is refused" 1 "$pw"$'\n' -- cmd /c clinicdesk.exe backup --db "$db" --out 'C:\Clinic Backups\first.cdbackup' --user sjones --password-stdin
has "the refusal names the missing folder" 'C:\Clinic Backups does not exist'
run "make the backup folder" 0 "" -- cmd /c mkdir 'C:\Clinic Backups'
run "backup" 0 "$pw"$'\n' -- cmd /c clinicdesk.exe backup --db "$db" --out 'C:\Clinic Backups\first.cdbackup' --user sjones --password-stdin
exists "the backup is written" "$drive_c/Clinic Backups/first.cdbackup"
run "a wrong password is refused" 3 "not the password"$'\n' -- cmd /c clinicdesk.exe verify --db "$db" --user sjones --password-stdin
run "bad arguments are a usage error" 2 "" -- cmd /c clinicdesk.exe verify --db "$db" --no-such-flag

# 3. A second copy: the window holds the clinic open, the command line is refused.
wine "$app_dir/ClinicDesk.exe" --db "$db" >"$work/gui-signin.log" 2>&1 &
gui=$!
win="$(window)"
if [ -n "$win" ]; then ok "the window opens on an existing clinic"; else bad "no ClinicDesk window" "$(cat "$work/gui-signin.log")"; fi
settle
shot "wine-1-sign-in"
run "a second copy is refused while the window has the clinic open" 1 "$pw"$'\n' -- cmd /c clinicdesk.exe verify --db "$db" --user sjones --password-stdin
has "the refusal says why" "already open in another copy of ClinicDesk"
stop_gui

# 4. The first run: no clinic yet, so the window shows the setup wizard,
# and what is typed into it makes the clinic in %ProgramData%\ClinicDesk.
wine "$app_dir/ClinicDesk.exe" >"$work/gui-wizard.log" 2>&1 &
gui=$!
win="$(window)"
if [ -n "$win" ]; then
	xdotool windowfocus --sync "$win" 2>/dev/null
	settle
	shot "wine-2-setup-wizard"
	xdotool type --delay 40 "Riverside Surgery"
	xdotool key Tab
	xdotool type --delay 40 "12 Mill Lane"
	xdotool key Tab
	xdotool type --delay 40 "0113 496 0000"
	xdotool key Tab
	xdotool type --delay 40 "reception@riverside.example"
	settle
	shot "wine-3-setup-wizard-typed"
	xdotool key Return
	settle
	xdotool type --delay 40 "Sarah Jones"
	xdotool key Return Return
	xdotool type --delay 40 "$pw"
	xdotool key Return
	xdotool type --delay 40 "$pw"
	settle
	shot "wine-4-setup-wizard-manager"
	xdotool key Return
	made=""
	for _ in $(seq 1 120); do
		[ -f "$drive_c/ProgramData/ClinicDesk/clinic.db" ] && made=yes && break
		sleep 1
	done
	if [ -n "$made" ]; then ok "the setup wizard made the clinic in %ProgramData%\\ClinicDesk"; else bad "the setup wizard made no clinic file in %ProgramData%\\ClinicDesk" "$(cat "$work/gui-wizard.log")"; fi
	settle
	shot "wine-5-setup-wizard-recovery-key"
else
	bad "no ClinicDesk window on first run" "$(cat "$work/gui-wizard.log")"
fi
stop_gui

# 5. The demo calendar, for a look at the busiest screen.
wine "$app_dir/ClinicDesk.exe" demo --screen calendar >"$work/gui-demo.log" 2>&1 &
gui=$!
if [ -n "$(window)" ]; then
	settle
	shot "wine-6-demo-calendar"
else
	bad "no window for the demo calendar" "$(cat "$work/gui-demo.log")"
fi
stop_gui

# 6. A newer version installs over this one and keeps the clinic.
next="$work/ClinicDesk-next.msi"
# MSI versions are major.minor.build with major and minor at most 255.
IFS=. read -r major minor _ <<<"$version"
if MSI_VERSION="$major.$((minor + 1)).0" MSI_OUT="$next" bash "$here/msi.sh" >"$work/msi-next.log" 2>&1; then
	run "a newer MSI upgrades in place" 0 "" -- msiexec /i "$(winepath -w "$next")" /qn
	count="$(wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null | tr -d '\r' | grep -c 'DisplayName *REG_SZ *ClinicDesk$')"
	if [ "$count" = 1 ]; then ok "one ClinicDesk in Apps & features after the upgrade"; else bad "$count ClinicDesk entries in Apps & features after the upgrade"; fi
	run "the clinic opens after the upgrade" 0 "$pw"$'\n' -- "$app_dir/cli/clinicdesk.exe" verify --db "$db" --user sjones --password-stdin
	uninstall_msi="$next"
else
	bad "could not build the newer MSI" "$(cat "$work/msi-next.log")"
	uninstall_msi="$msi"
fi

# 7. Uninstall: the program goes, the clinic files stay.
wineserver -w
run "the MSI uninstalls silently" 0 "" -- msiexec /x "$(winepath -w "$uninstall_msi")" /qn
absent "the program is removed" "$app_dir/ClinicDesk.exe"
if [ ! -e "${shortcut[0]}" ] && [ ! -e "${shortcut[1]}" ]; then ok "the Start-menu shortcut is removed"; else bad "the Start-menu shortcut is still there"; fi
exists "the clinic file made by init is kept" "$db_unix"
exists "the backup is kept" "$drive_c/Clinic Backups/first.cdbackup"
exists "the clinic made by the wizard is kept" "$drive_c/ProgramData/ClinicDesk/clinic.db"
path="$(wine reg query 'HKLM\System\CurrentControlSet\Control\Session Manager\Environment' /v PATH 2>/dev/null | tr -d '\r')"
if grep -qi 'ClinicDesk' <<<"$path"; then bad "the PATH still names ClinicDesk after uninstall" "$path"; else ok "the PATH no longer names ClinicDesk"; fi

# 8. Signing, with a throw-away certificate made here (never the
# supplier's), on a copy of the build so dist/ stays as it was.
if command -v openssl >/dev/null && command -v osslsigncode >/dev/null; then
	tree="$work/signtree"
	mkdir -p "$tree/assets/packaging" "$tree/dist/windows/cli"
	cp -r "$here" "$tree/assets/packaging/"
	mkdir -p "$tree/assets"
	cp FyneApp.toml "$tree/"
	cp assets/icon.png "$tree/assets/"
	cp dist/windows/ClinicDesk.exe "$tree/dist/windows/"
	cp dist/windows/cli/clinicdesk.exe "$tree/dist/windows/cli/"
	openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 \
		-subj "/CN=ClinicDesk smoke-test signing" >/dev/null 2>&1 &&
		openssl pkcs12 -export -inkey "$work/key.pem" -in "$work/cert.pem" -out "$work/cert.pfx" -passout pass:smoke >/dev/null 2>&1
	echo smoke >"$work/cert-password"
	if out="$(NO_TIMESTAMP=1 CERT="$work/cert.pfx" CERT_PASSWORD_FILE="$work/cert-password" bash "$tree/$here/sign.sh" 2>&1)"; then
		for f in dist/windows/ClinicDesk.exe dist/windows/cli/clinicdesk.exe "dist/ClinicDesk-$version.msi"; do
			if osslsigncode verify -CAfile "$work/cert.pem" -in "$tree/$f" >/dev/null 2>&1; then ok "sign-windows signs $f"; else bad "sign-windows left $f without a valid signature"; fi
		done
	else
		bad "sign-windows failed" "$out"
	fi
	if out="$(CERT='' bash "$tree/$here/sign.sh" 2>&1)"; then bad "sign-windows without a certificate claimed success" "$out"; else ok "without a certificate, sign-windows says the build is unsigned"; fi
else
	bad "openssl and osslsigncode are needed to test signing (make deps-windows installs them)"
fi

echo "Screenshots: $shots ($(($(date +%s) - start)) s in all)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
