#!/usr/bin/env bash
# Signs the Windows build with the supplier's code-signing certificate:
#
#   make sign-windows CERT=/secure/place/cert.pfx [CERT_PASSWORD_FILE=/secure/place/pw.txt]
#
# It signs dist/windows/ClinicDesk.exe and cli/clinicdesk.exe, builds the
# MSI again around the signed programs, then signs the MSI. Signatures are
# timestamped (TIMESTAMP_URL, DigiCert's by default) so they stay valid
# after the certificate expires; NO_TIMESTAMP=1 skips that, for a test on
# a machine with no network.
#
# No certificate is ever kept in this repository: CERT names a file the
# supplier keeps elsewhere (a PKCS#12 .pfx with its private key).
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
dist=dist/windows

if [ -z "${CERT:-}" ]; then
	cat >&2 <<'EOF'
No certificate given: the build in dist/ stays UNSIGNED.
Windows SmartScreen shows "Windows protected your PC" when an unsigned
ClinicDesk is first run (More info, then Run anyway), and a practice's
group policy may block it. To sign, ask the supplier for its code-signing
certificate (a .pfx file) and run:
  make sign-windows CERT=/path/to/cert.pfx CERT_PASSWORD_FILE=/path/to/password.txt
EOF
	exit 1
fi
[ -f "$CERT" ] || { echo "No certificate file at $CERT" >&2; exit 1; }
case "$(realpath "$CERT")" in "$root"/*)
	echo "The certificate $CERT is inside the repository: keep it elsewhere, so it can never be committed" >&2
	exit 1;;
esac
command -v osslsigncode >/dev/null || { echo "sign-windows needs osslsigncode: apt-get install osslsigncode" >&2; exit 1; }
if [ ! -f "$dist/ClinicDesk.exe" ] || [ ! -f "$dist/cli/clinicdesk.exe" ]; then echo "No Windows build in $dist: run make dist-windows first" >&2; exit 1; fi

pass=()
if [ -n "${CERT_PASSWORD_FILE:-}" ]; then
	pass=(-readpass "$CERT_PASSWORD_FILE")
fi
stamp=(-ts "${TIMESTAMP_URL:-http://timestamp.digicert.com}")
if [ "${NO_TIMESTAMP:-}" = 1 ]; then
	stamp=()
fi

# sign FILE: signs in place (osslsigncode writes a new file).
sign() {
	osslsigncode sign -pkcs12 "$CERT" "${pass[@]}" "${stamp[@]}" -h sha256 \
		-n "ClinicDesk" -i "https://clinicdesk.example" -in "$1" -out "$1.signed" >/dev/null
	mv "$1.signed" "$1"
	echo "Signed $1"
}

sign "$dist/ClinicDesk.exe"
sign "$dist/cli/clinicdesk.exe"
bash assets/packaging/windows/msi.sh
version="$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml | head -1)"
sign "dist/ClinicDesk-$version.msi"
