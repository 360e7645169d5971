# ClinicDesk. `make run` opens the app; `make test` runs every test.
# Both install what is missing first (see `deps`).

GO       ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
TAGS     := sqlite_fts5 sqlite_json migrated_fynedo no_emoji
# MSYS2's make on Windows: the program needs its .exe.
ifeq ($(OS),Windows_NT)
EXE      := .exe
endif
BIN      := bin/clinicdesk$(EXE)
export CGO_ENABLED := 1
# SQLite's (with sqlite3mc's encryption) and Fyne's C parts are large: build them once, cache after
# (the same flags for build and test, so both share the cache).
GOFLAGS_BUILD := -tags '$(TAGS)'

# Debian/Ubuntu packages: a C compiler and the GL/X11/Wayland headers Fyne
# links against; Xvfb, xdotool and ImageMagick for the end-to-end test;
# poppler-utils to read PDFs back; sqlite3 to prove it cannot read the file.
DEBIAN_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev \
	wayland-protocols xvfb xauth x11-utils xdotool imagemagick poppler-utils sqlite3 shellcheck
DEBIAN_PACKAGES_WINDOWS := gcc-mingw-w64-x86-64 wixl msitools wine wine64 osslsigncode openssl xvfb xdotool imagemagick

# apt_install installs the Debian packages given that are missing (as root),
# or prints the exact line to run.
define apt_install
	if ! command -v dpkg-query >/dev/null; then \
		echo "Not a Debian/Ubuntu system: install a C compiler and the OpenGL/X11 development headers (see README)."; exit 0; \
	fi; \
	missing=""; \
	for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ]; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "Missing packages. Run:"; echo "  sudo apt-get install -y$$missing"; exit 1; \
	fi
endef

.PHONY: all deps deps-windows build run test bench demo vet fmt clean torture \
	dist-windows dist-windows-msi sign-windows smoke-windows dist-macos

all: build

deps:
	@set -e; \
	if [ "$$(uname -s)" = "Darwin" ]; then \
		command -v go >/dev/null || { echo "Install Go 1.26 from https://go.dev/dl/ first."; exit 1; }; \
		xcode-select -p >/dev/null 2>&1 || { echo "Install the Xcode command-line tools first: xcode-select --install"; exit 1; }; \
		command -v pdftotext >/dev/null || echo "Optional, for the PDF tests: brew install poppler"; \
		exit 0; \
	fi; \
	case "$$(uname -s)" in MINGW*|MSYS*|CYGWIN*) \
		command -v gcc >/dev/null || { echo "Install a C compiler for cgo first: MSYS2 with mingw-w64-x86_64-gcc (see README)"; exit 1; }; \
		exit 0;; esac; \
	[ -x "$(GO)" ] || command -v "$(GO)" >/dev/null || { echo "Go 1.26 is not installed: see https://go.dev/dl/"; exit 1; }; \
	$(call apt_install,$(DEBIAN_PACKAGES))

# The Windows build and its smoke test, from Debian: the mingw-w64 C
# compiler, wixl for the MSI, Wine and Xvfb to run it.
deps-windows: deps
	@set -e; $(call apt_install,$(DEBIAN_PACKAGES_WINDOWS))

build: deps
	@mkdir -p bin
	$(GO) build $(GOFLAGS_BUILD) -o $(BIN) .

run: build
	./$(BIN)

demo: build
	./$(BIN) demo --screen today

vet:
	$(GO) vet -tags '$(TAGS)' ./...
	@unformatted="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$unformatted" ]; then echo "Not gofmt-ed:"; echo "$$unformatted"; exit 1; fi
	@# A clone must test itself: no Go file nor this Makefile may reach for the
	@# folder beside the repository (the needle is split so this line passes).
	@needle='../sha''red'; \
	found="$$(grep -lF -- "$$needle" $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go') Makefile)"; \
	if [ -n "$$found" ]; then echo "These name $$needle (use the repository's testdata/ instead):"; echo "$$found"; exit 1; fi
	@# What can be checked of the Windows and Mac builds here (see the scripts).
	GO="$(GO)" bash assets/packaging/windows/check.sh
	GO="$(GO)" bash assets/packaging/macos/check.sh

# Unit, integration and headless GUI tests, then the real binary under Xvfb.
test: build vet
	$(GO) test -tags '$(TAGS)' -count=1 -timeout 20m ./...
	CLINICDESK_BIN=$(CURDIR)/$(BIN) CLINICDESK_E2E=1 $(GO) test -tags '$(TAGS)' -count=1 -timeout 10m -run EndToEnd -v .

bench: build
	./$(BIN) bench

# Crash and fault runs (not part of `make test`, about ten minutes): a test
# binary's children are killed with SIGKILL during writes, key rotation,
# user changes and restores, and bytes are flipped in the clinic file, its
# WAL, the keyring and backups. One line of figures per scenario; the last
# line is "N passed, N failed". CLINICDESK_TORTURE_SEED=N replays a run,
# CLINICDESK_TORTURE_ONLY=rotation,flip-db runs some scenarios only.
torture: deps
	@mkdir -p bin
	$(GO) test -c -tags '$(TAGS)' -o bin/torture.test ./app/torture
	CLINICDESK_TORTURE=1 ./bin/torture.test

# Windows, cross-built from Linux (see README, "Install on Windows"):
# dist/windows/ClinicDesk.exe (the window) and cli/clinicdesk.exe (the
# command line), then the MSI practice IT deploys, and its smoke test under
# Wine. Building never changes tracked files: it works in a copy.
dist-windows: deps-windows
	GO=$(GO) bash assets/packaging/windows/dist.sh

dist-windows-msi: dist-windows
	bash assets/packaging/windows/msi.sh

smoke-windows: dist-windows-msi
	bash assets/packaging/windows/smoke.sh

# Signs dist/windows/*.exe and the MSI with the supplier's code-signing
# certificate: make sign-windows CERT=cert.pfx [CERT_PASSWORD_FILE=file].
# No certificate is ever kept in this repository.
sign-windows:
	CERT="$(CERT)" CERT_PASSWORD_FILE="$(CERT_PASSWORD_FILE)" bash assets/packaging/windows/sign.sh

# The Mac app and DMG, on a Mac only (see README, "Building the Mac app").
dist-macos:
	GO="$(GO)" bash assets/packaging/macos/dist.sh

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin dist
