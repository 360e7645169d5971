# ClinicDesk. `make run` opens the app; `make test` runs every test.
# Both install what is missing first (see `deps`).

GO       ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
# The Go that builds, tests and releases ClinicDesk, the same on every machine. The go command
# fetches it from the Go module proxy on first use (76 MB, once) whatever Go is installed, as long
# as that is 1.21 or newer. Pinned above the installed 1.26.8 because the standard library's
# security fixes (x509, net/http and others that govulncheck reports as reached) are in 1.26.10 and
# 1.27.3, and 1.27.3 is the one the proxy here serves. go.mod still says 1.26: a plain `go build`
# without make works, on the installed Go and its older standard library. Scripts run outside make
# (.ci/run) read this line.
GO_TOOLCHAIN := go1.27.3
export GOTOOLCHAIN := $(GO_TOOLCHAIN)
TAGS     := sqlite_fts5 sqlite_json migrated_fynedo no_emoji
# MSYS2's make on Windows: the program needs its .exe.
ifeq ($(OS),Windows_NT)
EXE      := .exe
endif
BIN      := bin/clinicdesk$(EXE)
export CGO_ENABLED := 1
# SQLite's (with sqlite3mc's encryption) and Fyne's C parts are large: build them once, cache after
# (the same flags for build, vet and test, so all share the cache). -trimpath: no path of the
# machine that built it in the binary (tests find their files from their own folder, not from
# compiled-in paths).
GOFLAGS_BUILD := -trimpath -tags '$(TAGS)'
# -race needs cgo (on already) and is slow: only the packages with goroutines and locks, the store
# and the facade (not the crash runs of app/torture, which `make torture` does).
RACE_PKGS = ./data/... $(filter-out %/app/torture,$(shell $(GO) list ./app/...))
RACE_TEST = $(GO) test -race $(GOFLAGS_BUILD) -count=1 -timeout 40m $(RACE_PKGS)

# make vet's checkers, fetched through the Go module proxy and pinned: a commit checks the same
# way everywhere. staticcheck runs its default checks; an exception is a //lint:ignore line saying why.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.10.0
# govulncheck's database. vuln.go.dev may be out of reach where only the module proxy is, so the
# database's own repository (a module the proxy serves, with every report as OSV JSON) is indexed
# once into bin/ by its indexdb tool. Pinned too: move the pin to learn of newer reports, or ask
# the live database with  make vet VULN_DB=https://vuln.go.dev
VULNDB        := golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018
VULNDB_DIR    := bin/vulndb-$(lastword $(subst @, ,$(VULNDB)))
VULN_STDLIB   ?= fail

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

.PHONY: all deps deps-windows build run test race bench demo vet fmt clean torture \
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

vet: $(if $(VULN_DB),,$(VULNDB_DIR)/index/db.json)
	@mkdir -p bin
	$(GO) vet $(GOFLAGS_BUILD) ./...
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
	$(GO) run $(STATICCHECK) -tags '$(TAGS)' ./...
	@# The known vulnerabilities our code reaches fail, in a module or in the standard library
	@# (GO_TOOLCHAIN carries its fixes). VULN_STDLIB=warn only warns of the latter.
	@set -e; db='$(VULN_DB)'; \
	if [ -z "$$db" ]; then \
		dir="$$(cd $(VULNDB_DIR) && { pwd -W 2>/dev/null || pwd; })"; \
		case "$$dir" in /*) db="file://$$dir" ;; *) db="file:///$$dir" ;; esac; \
	fi; \
	echo "$(GO) run $(GOVULNCHECK) -db $$db -tags '$(TAGS)' -format json ./... | vulngate"; \
	$(GO) run $(GOVULNCHECK) -db "$$db" -tags '$(TAGS)' -format json ./... >bin/govulncheck.json; \
	$(GO) run ./assets/vet/vulngate -stdlib $(VULN_STDLIB) <bin/govulncheck.json

$(VULNDB_DIR)/index/db.json:
	@echo "Indexing the Go vulnerability database $(VULNDB) into $(VULNDB_DIR) (once)"
	@set -e; mkdir -p bin; \
	$(GO) mod download $(VULNDB); \
	src="$$($(GO) list -m -f '{{.Dir}}' $(VULNDB))/data/osv"; \
	[ -d "$$src" ] || { echo "$(VULNDB) has no data/osv: pick a newer pin"; exit 1; }; \
	rm -rf $(VULNDB_DIR).tmp; \
	$(GO) run golang.org/x/vulndb/cmd/indexdb@$(lastword $(subst @, ,$(VULNDB))) -vulns "$$src" -out $(VULNDB_DIR).tmp; \
	rm -rf $(VULNDB_DIR); mv $(VULNDB_DIR).tmp $(VULNDB_DIR)

# Unit, integration and headless GUI tests, then the real binary under Xvfb.
test: build vet
	$(GO) test $(GOFLAGS_BUILD) -count=1 -timeout 20m ./...
	$(RACE_TEST)
	CLINICDESK_BIN=$(CURDIR)/$(BIN) CLINICDESK_E2E=1 $(GO) test $(GOFLAGS_BUILD) -count=1 -timeout 10m -run EndToEnd -v .

# The race detector alone (part of `make test`).
race: deps
	$(RACE_TEST)

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
	$(GO) test -c $(GOFLAGS_BUILD) -o bin/torture.test ./app/torture
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
