#!/usr/bin/env bash
# Cross-builds ClinicDesk for Windows (amd64) from Linux: `make dist-windows`.
#
#   dist/windows/ClinicDesk.exe        the window (GUI subsystem, no console)
#   dist/windows/cli/clinicdesk.exe    the command line (console subsystem)
#
# The two are one program: `fyne package` builds the window with the icon,
# version and manifest from FyneApp.toml, and the companion is a copy with
# its PE subsystem set to console (pesubsystem), so cmd.exe waits for it
# and sees its output and exit code. It sits in its own folder because
# Windows file names ignore case: ClinicDesk.exe and clinicdesk.exe cannot
# share one.
#
# The build runs in a copy of the source tree: `fyne package` bumps Build
# in FyneApp.toml and drops files beside main.go, and building must never
# change tracked files.
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
GO="${GO:-go}"
FYNE_TOOL="fyne.io/tools/cmd/fyne@v1.7.4"
TAGS="sqlite_fts5,sqlite_json,migrated_fynedo,no_emoji"
out="$root/dist/windows"
work="$root/dist/.build-windows"

command -v x86_64-w64-mingw32-gcc >/dev/null || {
	echo "dist-windows needs the mingw-w64 C compiler: apt-get install gcc-mingw-w64-x86-64 (make deps does this)" >&2
	exit 1
}

version="$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml | head -1)"
[ -n "$version" ] || { echo "FyneApp.toml has no Version" >&2; exit 1; }

rm -rf "$work" "$out"
mkdir -p "$work/src" "$out/cli"
# Tracked and new (not ignored) files: what a commit of this tree would hold.
git ls-files -co --exclude-standard -z | grep -zv '^dist/' | tar --null -T - -cf - | tar -xf - -C "$work/src"

fyne="$work/fyne"
GOFLAGS='' GOBIN="$work" "$GO" install "$FYNE_TOOL"

echo "Building ClinicDesk $version for Windows (the first build compiles SQLite with its encryption and Fyne's C code for Windows: about 6 minutes on two cores; later builds take seconds)"
start=$(date +%s)
(
	cd "$work/src"
	# An existing executable tells `fyne package` not to build once without
	# the icon and then again with it: only the second build is kept.
	: >clinicdesk.exe
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		"$fyne" package --os windows --release --tags "$TAGS" \
		--name ClinicDesk --app-version "$version" --icon assets/icon.png
)
mv "$work/src/ClinicDesk.exe" "$out/ClinicDesk.exe"
"$GO" run ./assets/packaging/windows/pesubsystem "$out/ClinicDesk.exe" "$out/cli/clinicdesk.exe"
rm -rf "$work"

echo "Built in $(($(date +%s) - start)) s:"
ls -l "$out/ClinicDesk.exe" "$out/cli/clinicdesk.exe" | awk '{print "  " $5 " bytes  " $NF}'
echo "These programs are NOT signed. Windows SmartScreen will say \"Windows protected your PC\" on first run"
echo "(More info, then Run anyway), and group policy may refuse them. To sign with your supplier's"
echo "code-signing certificate: make sign-windows CERT=cert.pfx (see README, Install on Windows)."
