#!/usr/bin/env bash
# Builds the Windows installer from dist/windows: `make dist-windows-msi`.
#
#   dist/ClinicDesk-<version>.msi
#
# wixl (Debian's msitools) compiles clinicdesk.wxs. Two things the WiX
# language says but Debian's wixl 0.101 ignores are then written into the
# MSI's tables directly with msibuild:
#   - the clinic's folder component is permanent (never removed, so an
#     uninstall or upgrade cannot take the clinic file with it);
#   - the command-line folder is added to the machine's PATH, and taken
#     off again at uninstall.
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
here=assets/packaging/windows
dist=dist/windows

for tool in wixl msibuild msiinfo convert; do
	command -v "$tool" >/dev/null || {
		echo "dist-windows-msi needs $tool: apt-get install wixl msitools imagemagick (make deps-windows does this)" >&2
		exit 1
	}
done
if [ ! -f "$dist/ClinicDesk.exe" ] || [ ! -f "$dist/cli/clinicdesk.exe" ]; then
	echo "No Windows build in $dist: run make dist-windows first" >&2
	exit 1
fi

version="$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml | head -1)"
# The smoke test builds a "newer version" to try an upgrade with these.
version="${MSI_VERSION:-$version}"
msi="${MSI_OUT:-dist/ClinicDesk-$version.msi}"
rm -f "$msi"

# The icon Apps & features and the Start menu show, from the app's own
# (an .exe as the icon source would store the whole program a second time).
# (wixl takes relative paths only.)
icon=dist/.msi-icon
rm -rf "$icon" && mkdir -p "$icon"
trap 'rm -rf "$icon"' EXIT
convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$icon/ClinicDesk.ico"

wixl --arch x64 -D Version="$version" -D Dist="$dist" -D Icon="$icon/ClinicDesk.ico" -o "$msi" "$here/clinicdesk.wxs"

# msidbComponentAttributes64bit (256) + msidbComponentAttributesPermanent (16).
msibuild "$msi" -q "UPDATE \`Component\` SET \`Attributes\` = 272 WHERE \`Component\` = 'ClinicFolder'"

# Environment: "=" set, "-" undo at uninstall, "*" for the whole machine;
# "[~];" appends to what PATH already holds.
msibuild "$msi" -q "CREATE TABLE \`Environment\` (\`Environment\` CHAR(72) NOT NULL, \`Name\` CHAR(255) NOT NULL LOCALIZABLE, \`Value\` CHAR(255) LOCALIZABLE, \`Component_\` CHAR(72) NOT NULL PRIMARY KEY \`Environment\`)"
msibuild "$msi" -q "INSERT INTO \`Environment\` (\`Environment\`, \`Name\`, \`Value\`, \`Component_\`) VALUES ('PathToCli', '=-*PATH', '[~];[CLIDIR]', 'CommandLine')"
msibuild "$msi" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('RemoveEnvironmentStrings', 3300)"
msibuild "$msi" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('WriteEnvironmentStrings', 5200)"

# The old version goes before the new one is installed (wixl's sequencing
# can put it after InstallFinalize): the simplest upgrade, and the clinic's
# folder is permanent, so removing the old version cannot touch it.
msibuild "$msi" -q "UPDATE \`InstallExecuteSequence\` SET \`Sequence\` = 1401 WHERE \`Action\` = 'RemoveExistingProducts'"

# Check the tables say what this script meant, so a change in wixl or
# msibuild cannot quietly build an installer that deletes the clinic.
# (Read whole first: grep -q stopping early would fail the pipe.)
table() { msiinfo export "$msi" "$1" | tr -d '\r'; }
grep -q $'^ClinicFolder\t.*\t272\t' <<<"$(table Component)" || { echo "The clinic's folder is not permanent in $msi" >&2; exit 1; }
grep -q $'^RemoveExistingProducts\t\t1401$' <<<"$(table InstallExecuteSequence)" || { echo "RemoveExistingProducts is not right after InstallValidate in $msi" >&2; exit 1; }
grep -q $'^PathToCli\t=-\\*PATH\t' <<<"$(table Environment)" || { echo "The PATH row is missing from $msi" >&2; exit 1; }

ls -l "$msi" | awk '{print "Built " $NF " (" $5 " bytes)"}'
