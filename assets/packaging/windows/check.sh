#!/usr/bin/env bash
# Checks on Linux what can be checked of the Windows build without building
# it (part of `make vet`; the build itself is `make dist-windows`, and CI
# runs it and its smoke test after `make test`):
#
#  1. the packaging scripts parse (bash -n) and pass shellcheck's warnings,
#     if it is installed;
#  2. every ClinicDesk package and its tests, _windows.go files included,
#     type-checked from source for windows/amd64 (assets/packaging/typecheck),
#     in seconds and with no mingw-w64: a Windows-only file that would not
#     compile fails here, not twenty minutes into a cross-build.
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
GO="${GO:-go}"
here=assets/packaging/windows

for script in "$here"/*.sh; do
	bash -n "$script"
done
if command -v shellcheck >/dev/null; then
	shellcheck -S warning "$here"/*.sh
else
	echo "Windows check: shellcheck is not installed, so the scripts were only parsed (apt-get install shellcheck)"
fi
"$GO" run ./assets/packaging/typecheck -test -goos windows -goarch amd64 -tags "sqlite_fts5 sqlite_json migrated_fynedo no_emoji" ./...
