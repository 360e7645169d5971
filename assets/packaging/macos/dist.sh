#!/usr/bin/env bash
# Builds ClinicDesk for macOS, on a Mac: `make dist-macos`.
#
#   dist/macos/ClinicDesk.app                one app for Apple silicon and Intel Macs, macOS 12 or later
#   dist/macos/ClinicDesk-<version>.dmg      what a practice downloads: the app and a link to Applications
#
# Needs macOS with the Xcode command-line tools (clang, lipo, codesign,
# notarytool, stapler, hdiutil) and Go 1.26; the first run fetches the
# packaging tool (fyne.io/tools v1.7.4) through the Go module proxy.
#
# Signing and notarisation, when both are set (never put either in the repository):
#   MAC_SIGN_IDENTITY   the "Developer ID Application: Name (TEAMID)" certificate in the keychain
#   MAC_NOTARY_PROFILE  a notarytool keychain profile, made once with
#                       xcrun notarytool store-credentials PROFILE --apple-id … --team-id … --password …
# Without them the app and DMG are built unsigned, and the script says what
# Gatekeeper will show.
#
# No entitlements file: the hardened runtime's exceptions are for JIT,
# unsigned executable memory, unsigned libraries, camera, microphone and the
# like. A Go program with Fyne's OpenGL driver uses none of them: Go makes
# no code at run time, and it links only Apple's own frameworks. Opening a
# PDF goes through /usr/bin/open, which needs no Apple Events entitlement.
#
# Name, app ID, version and build number come from FyneApp.toml, read here
# and passed to `fyne package` as flags: the packaging tool works in a
# scratch folder, so it cannot bump Build in the tracked FyneApp.toml.
set -euo pipefail

say() { printf '%s\n' "$*"; }
die() { printf 'dist-macos: %s\n' "$*" >&2; exit 1; }

[ "$(uname -s)" = Darwin ] || die "this builds the Mac app and must run on a Mac (macOS 12 or later with the Xcode command-line tools). \
This computer is $(uname -s). On Linux, 'assets/packaging/macos/check.sh' checks what can be checked without a Mac."

root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
GO="${GO:-go}"
FYNE_TOOL="fyne.io/tools/cmd/fyne@v1.7.4"
TAGS="sqlite_fts5 sqlite_json migrated_fynedo no_emoji"
MIN_MACOS=12.0 # Go 1.26's own minimum
out="$root/dist/macos"
sign_id="${MAC_SIGN_IDENTITY:-}"
notary="${MAC_NOTARY_PROFILE:-}"

xcode-select -p >/dev/null 2>&1 || die "the Xcode command-line tools are not installed: run  xcode-select --install"
for tool in clang lipo codesign hdiutil xcrun plutil ditto; do
	command -v "$tool" >/dev/null || die "$tool is missing: reinstall the Xcode command-line tools (xcode-select --install)"
done
command -v "$GO" >/dev/null || die "Go is not installed: get Go 1.26 for macOS from https://go.dev/dl/"
case "$("$GO" env GOVERSION)" in
go1.2[6-9]* | go1.[3-9][0-9]*) ;;
*) die "Go 1.26 or later is needed, this is $("$GO" env GOVERSION): get it from https://go.dev/dl/" ;;
esac
if [ -n "$sign_id" ] && [ -z "$notary" ]; then
	die "MAC_SIGN_IDENTITY is set but MAC_NOTARY_PROFILE is not. A signed app that is not notarised is still blocked by Gatekeeper: \
set both (see README, Building the Mac app), or neither for an unsigned test build."
fi
if [ -z "$sign_id" ] && [ -n "$notary" ]; then
	die "MAC_NOTARY_PROFILE is set but MAC_SIGN_IDENTITY is not: Apple notarises signed apps only. Set both, or neither."
fi
if [ -n "$sign_id" ]; then
	identities="$(security find-identity -v -p codesigning)"
	case "$identities" in *"$sign_id"*) ;; *)
		die "no valid code-signing identity \"$sign_id\" in the keychain (security find-identity -v -p codesigning lists them)" ;;
	esac
	for tool in notarytool stapler; do
		xcrun --find "$tool" >/dev/null 2>&1 || die "xcrun cannot find $tool: update the Xcode command-line tools"
	done
fi

# FyneApp.toml's [Details]: Name, ID, Version, Build.
detail() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -1; }
name="$(detail Name)"
app_id="$(detail ID)"
version="$(detail Version)"
build="$(detail Build)"
if [ -z "$name" ] || [ -z "$app_id" ] || [ -z "$version" ] || [ -z "$build" ]; then
	die "FyneApp.toml must give Name, ID, Version and Build under [Details]"
fi
toml_sum="$(cksum <FyneApp.toml)"

work="$(mktemp -d "${TMPDIR:-/tmp}/clinicdesk-macos.XXXXXX")"
# A build that stops half way leaves nothing in dist/macos that could be
# shipped by mistake (an app signed but not notarised, say).
cleanup() {
	local rc=$?
	rm -rf "$work"
	if [ "$rc" != 0 ]; then
		rm -rf "$out"
		echo "dist-macos: stopped; nothing was kept in dist/macos" >&2
	fi
}
trap cleanup EXIT
rm -rf "$out"
mkdir -p "$out"

say "Building $name $version for macOS $MIN_MACOS or later (the first build compiles SQLite with its encryption and Fyne's C code twice, once per processor: several minutes)"
start=$(date +%s)
export MACOSX_DEPLOYMENT_TARGET="$MIN_MACOS"
for arch in arm64 amd64; do
	case "$arch" in arm64) carch=arm64 ;; amd64) carch=x86_64 ;; esac
	say "  $arch"
	# clang compiles and links the C parts for this processor; the minimum
	# macOS is set both ways so the C objects and the link agree.
	CGO_ENABLED=1 GOOS=darwin GOARCH="$arch" \
		CC="clang -arch $carch -mmacosx-version-min=$MIN_MACOS" \
		"$GO" build -tags "$TAGS" -trimpath -ldflags '-s -w' -o "$work/clinicdesk-$arch" .
done
# One executable for both kinds of Mac. Its name is the command line's:
# /Applications/ClinicDesk.app/Contents/MacOS/clinicdesk.
lipo -create -output "$work/clinicdesk" "$work/clinicdesk-arm64" "$work/clinicdesk-amd64"
archs="$(lipo -archs "$work/clinicdesk")"
case " $archs " in *" arm64 "*) ;; *) die "the joined program lacks arm64 ($archs)" ;; esac
case " $archs " in *" x86_64 "*) ;; *) die "the joined program lacks x86_64 ($archs)" ;; esac

GOFLAGS="" GOBIN="$work" "$GO" install "$FYNE_TOOL"
# `fyne package` wants a folder with Go code; given the program it builds
# nothing, and the Build it bumps is in this scratch folder's (absent) toml.
mkdir -p "$work/src"
printf 'package main\n' >"$work/src/main.go"
(cd "$out" && "$work/fyne" package --os darwin --executable "$work/clinicdesk" --source-dir "$work/src" \
	--name "$name" --app-id "$app_id" --app-version "$version" --app-build "$build" --icon "$root/assets/icon.png")
[ "$(cksum <FyneApp.toml)" = "$toml_sum" ] || die "FyneApp.toml changed during the build: building must not change tracked files"
app="$out/$name.app"
plist="$app/Contents/Info.plist"
[ -x "$app/Contents/MacOS/clinicdesk" ] || die "fyne package did not make $app/Contents/MacOS/clinicdesk"
# fyne writes macOS 10.11 and an empty category: say what is true.
plutil -replace LSMinimumSystemVersion -string "$MIN_MACOS" "$plist"
plutil -replace LSApplicationCategoryType -string public.app-category.medical "$plist"
plutil -lint "$plist" >/dev/null

notarise() { # $1: a .zip or .dmg to send to Apple's notary service
	local json="$work/notary.json" status id
	say "Notarising $(basename "$1") (Apple usually answers in a few minutes)"
	if ! xcrun notarytool submit "$1" --keychain-profile "$notary" --wait --output-format json >"$json"; then
		cat "$json" >&2
		die "notarytool could not submit $(basename "$1"): check the profile with  xcrun notarytool history --keychain-profile \"$notary\""
	fi
	status="$(plutil -extract status raw -o - "$json" 2>/dev/null || echo unknown)"
	id="$(plutil -extract id raw -o - "$json" 2>/dev/null || echo ID)"
	[ "$status" = Accepted ] ||
		die "Apple did not accept $(basename "$1") (status: $status). Its reasons: xcrun notarytool log $id --keychain-profile \"$notary\""
}

if [ -n "$sign_id" ]; then
	# The bundle holds one program and no frameworks, so no --deep.
	codesign --force --options runtime --timestamp --sign "$sign_id" "$app"
	codesign --verify --strict --verbose=2 "$app"
	ditto -c -k --keepParent "$app" "$work/$name.zip"
	notarise "$work/$name.zip"
	xcrun stapler staple "$app"
	xcrun stapler validate "$app"
	spctl --assess --type execute --verbose=2 "$app"
else
	# Apple silicon runs signed code only: an ad-hoc signature seals the
	# whole bundle, so a downloaded copy meets the "developer cannot be
	# verified" prompt (which can be got past) and not "is damaged".
	codesign --force --sign - "$app"
fi

dmg="$out/$name-$version.dmg"
mkdir -p "$work/dmg"
ditto "$app" "$work/dmg/$name.app"
ln -s /Applications "$work/dmg/Applications"
hdiutil create -quiet -volname "$name" -srcfolder "$work/dmg" -ov -format UDZO "$dmg"
if [ -n "$sign_id" ]; then
	codesign --force --timestamp --sign "$sign_id" "$dmg"
	notarise "$dmg"
	xcrun stapler staple "$dmg"
	xcrun stapler validate "$dmg"
	spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi

say "Built in $(($(date +%s) - start)) s:"
say "  $app ($archs, macOS $MIN_MACOS or later)"
say "  $dmg ($(du -h "$dmg" | cut -f1))"
if [ -n "$sign_id" ]; then
	say "Signed with \"$sign_id\", notarised by Apple and stapled: it opens on any Mac without a warning."
else
	say "NOT SIGNED OR NOTARISED. On a Mac that downloads it (browser, e-mail, AirDrop), Gatekeeper will refuse the"
	say "first open: macOS 12-14 say \"ClinicDesk cannot be opened because the developer cannot be verified\";"
	say "macOS 15 and later say \"Apple could not verify ClinicDesk is free of malware\"."
	say "To open it anyway, once per Mac:"
	say "  macOS 12-14: Control-click (right-click) ClinicDesk in Applications, choose Open, then Open again."
	say "  any version: try to open it, close the message, then System Settings > Privacy & Security > Open Anyway"
	say "  (with an administrator's password)."
	say "To build a signed, notarised app set MAC_SIGN_IDENTITY and MAC_NOTARY_PROFILE (README, Building the Mac app)."
fi
