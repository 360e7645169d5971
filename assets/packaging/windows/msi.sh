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

for tool in wixl msibuild msiinfo; do
	command -v "$tool" >/dev/null || {
		echo "dist-windows-msi needs $tool: apt-get install wixl msitools (make deps does this)" >&2
		exit 1
	}
done
[ -f "$dist/ClinicDesk.exe" ] && [ -f "$dist/cli/clinicdesk.exe" ] || {
	echo "No Windows build in $dist: run make dist-windows first" >&2
	exit 1
}

version="$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml | head -1)"
# The smoke test builds a "newer version" to try an upgrade with these.
version="${MSI_VERSION:-$version}"
msi="${MSI_OUT:-dist/ClinicDesk-$version.msi}"
rm -f "$msi"

wixl --arch x64 -D Version="$version" -D Dist="$dist" -o "$msi" "$here/clinicdesk.wxs"

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
msiinfo export "$msi" Component | grep -q $'^ClinicFolder\t.*\t272\t' || { echo "The clinic's folder is not permanent in $msi" >&2; exit 1; }
msiinfo export "$msi" InstallExecuteSequence | grep -q $'^RemoveExistingProducts\t\t1401' || { echo "RemoveExistingProducts is not right after InstallValidate in $msi" >&2; exit 1; }
msiinfo export "$msi" Environment | grep -q $'^PathToCli\t=-\\*PATH\t' || { echo "PATH row missing from $msi" >&2; exit 1; }

ls -l "$msi" | awk '{print "Built " $NF " (" $5 " bytes)"}'
