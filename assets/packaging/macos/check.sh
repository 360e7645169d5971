#!/usr/bin/env bash
# Checks on Linux what can be checked of the Mac build without a Mac (part
# of `make vet`); `make dist-macos` itself runs only on a Mac.
#
#  1. the packaging scripts parse (bash -n) and pass shellcheck, if it is
#     installed (Debian: apt-get install shellcheck);
#  2. `go vet` for darwin/arm64 and darwin/amd64 of every ClinicDesk package
#     that needs no cgo there: cgo for macOS cannot compile here, and
#     CGO_ENABLED=0 picks the very same files for these packages;
#  3. every ClinicDesk package and its tests, those with cgo beneath them
#     too (data, app, the command line, screens, main), type-checked from
#     source for darwin/arm64 and darwin/amd64 with the files a Mac build
#     would use (assets/packaging/typecheck): this catches a darwin-only file that would
#     not compile.
#
# Not covered: vet's other analyses of the cgo-dependent packages, and any
# C code (SQLite with sqlite3mc, GLFW); those need a Mac.
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
GO="${GO:-go}"
TAGS="sqlite_fts5 sqlite_json migrated_fynedo no_emoji"
here=assets/packaging/macos

for script in "$here"/*.sh; do
	bash -n "$script"
done
if command -v shellcheck >/dev/null; then
	shellcheck "$here"/*.sh
else
	echo "macOS check: shellcheck is not installed, so the scripts were only parsed (apt-get install shellcheck)"
fi

for arch in arm64 amd64; do
	# Packages that would need cgo on a Mac, with the cgo setting a Mac uses.
	cgo="$(CGO_ENABLED=1 GOOS=darwin GOARCH="$arch" "$GO" list -deps -tags "$TAGS" \
		-f '{{if .CgoFiles}}{{.ImportPath}}{{end}}' ./...)"
	# Our packages with none of them beneath, their tests' imports included
	# (vet checks the tests too): `go list -test` adds "p [p.test]" lines.
	pure="$(CGO_ENABLED=1 GOOS=darwin GOARCH="$arch" "$GO" list -test -tags "$TAGS" \
		-f '{{.ImportPath}}|{{join .Deps " "}}' ./... |
		CGO_PKGS="$cgo" awk -F '|' '
			BEGIN { n = split(ENVIRON["CGO_PKGS"], c, "\n"); for (i = 1; i <= n; i++) if (c[i] != "") needs[c[i]] = 1 }
			{
				pkg = $1; sub(/ \[.*/, "", pkg)
				if (pkg ~ /\.test$/) next
				if (!(pkg in seen)) { seen[pkg] = 1; order[++count] = pkg }
				n = split($2, deps, " ")
				for (i = 1; i <= n; i++) if (deps[i] in needs) bad[pkg] = 1
				if (pkg in needs) bad[pkg] = 1
			}
			END { for (i = 1; i <= count; i++) if (!(order[i] in bad)) print order[i] }')"
	if [ -z "$pure" ]; then
		echo "macOS check: no package can be vetted for darwin/$arch without cgo" >&2
		exit 1
	fi
	read -r -d '' -a pkgs <<<"$pure" || true
	CGO_ENABLED=0 GOOS=darwin GOARCH="$arch" "$GO" vet -tags "$TAGS" "${pkgs[@]}"
	echo "macOS check: go vet darwin/$arch: ${pkgs[*]#clinicdesk/}"
	"$GO" run ./assets/packaging/typecheck -test -goos darwin -goarch "$arch" -tags "$TAGS" ./...
done
