// Command vulngate reads govulncheck's JSON (-format json) on standard
// input and says which known vulnerabilities ClinicDesk's code reaches.
// One in a module fails (exit 1): go.mod can move to the fixed version.
// One in the Go standard library is fixed only by a newer Go, which no
// commit can install: it fails with -stdlib fail, and otherwise is printed
// as a warning naming the Go release that fixes it.
//
//	govulncheck -format json ./... | go run ./assets/vet/vulngate [-stdlib fail]
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// message is one of govulncheck's JSON messages (protocol v1), the parts
// read here.
type message struct {
	Config *struct {
		GoVersion string `json:"go_version"`
	} `json:"config"`
	OSV *struct {
		ID      string `json:"id"`
		Summary string `json:"summary"`
	} `json:"osv"`
	Finding *struct {
		OSV          string `json:"osv"`
		FixedVersion string `json:"fixed_version"`
		Trace        []struct {
			Module   string `json:"module"`
			Version  string `json:"version"`
			Function string `json:"function"`
		} `json:"trace"`
	} `json:"finding"`
}

// reached is one vulnerability our code calls.
type reached struct {
	id, module, version, fixed, summary string
}

func main() {
	stdlib := flag.String("stdlib", "warn", "what a vulnerability in the Go standard library does: warn or fail")
	flag.Parse()
	if *stdlib != "warn" && *stdlib != "fail" {
		fmt.Fprintln(os.Stderr, "vulngate: -stdlib is warn or fail")
		os.Exit(2)
	}
	goVersion, found, err := read(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "vulngate:", err)
		os.Exit(2)
	}
	os.Exit(report(os.Stdout, goVersion, found, *stdlib == "fail"))
}

// read gathers the vulnerabilities whose code is called (a finding whose
// innermost frame names a function; the others are only imported or
// required), one each, by ID (govulncheck's order varies run to run).
func read(r io.Reader) (goVersion string, found []reached, err error) {
	summaries := map[string]string{}
	seen := map[string]bool{}
	dec := json.NewDecoder(r)
	for {
		var m message
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return "", nil, fmt.Errorf("reading govulncheck's JSON: %w", err)
		}
		switch {
		case m.Config != nil:
			goVersion = m.Config.GoVersion
		case m.OSV != nil:
			summaries[m.OSV.ID] = m.OSV.Summary
		case m.Finding != nil && len(m.Finding.Trace) > 0 && m.Finding.Trace[0].Function != "":
			f := m.Finding
			if seen[f.OSV] {
				continue
			}
			seen[f.OSV] = true
			found = append(found, reached{id: f.OSV, module: f.Trace[0].Module, version: f.Trace[0].Version, fixed: f.FixedVersion})
		}
	}
	if goVersion == "" {
		return "", nil, errors.New("no config message: is this govulncheck -format json?")
	}
	for i := range found {
		found[i].summary = summaries[found[i].id]
	}
	slices.SortFunc(found, func(a, b reached) int { return strings.Compare(a.id, b.id) })
	return goVersion, found, nil
}

// report prints what was found and returns the exit status.
func report(w io.Writer, goVersion string, found []reached, stdlibFails bool) int {
	var modules, std []reached
	for _, f := range found {
		if f.module == "stdlib" || f.module == "toolchain" {
			std = append(std, f)
		} else {
			modules = append(modules, f)
		}
	}
	status := 0
	if len(modules) > 0 {
		status = 1
		fmt.Fprintf(w, "govulncheck: ClinicDesk's code reaches %d known vulnerabilities in modules it requires:\n", len(modules))
		for _, f := range modules {
			fmt.Fprintf(w, "  %s  %s@%s, fixed in %s: %s\n", f.id, f.module, f.version, f.fixed, f.summary)
			fmt.Fprintf(w, "      go get %s@%s\n", f.module, f.fixed)
		}
	}
	if len(std) > 0 {
		newest := ""
		for _, f := range std {
			if f.fixed != "" && (newest == "" || versionLess(newest, f.fixed)) {
				newest = f.fixed
			}
		}
		word := "WARNING"
		if stdlibFails {
			word, status = "FAILED", 1
		}
		fmt.Fprintf(w, "govulncheck %s: this Go (%s) has %d known vulnerabilities that ClinicDesk's code reaches, all fixed in go%s:\n",
			word, goVersion, len(std), strings.TrimPrefix(newest, "v"))
		for _, f := range std {
			fmt.Fprintf(w, "  %s  fixed in go%s: %s\n", f.id, strings.TrimPrefix(f.fixed, "v"), f.summary)
		}
		fmt.Fprintf(w, "  Build and release with go%s or later (https://go.dev/dl/; where only the Go module proxy is\n"+
			"  reachable, GOTOOLCHAIN=go%s fetches it). No change to the code can fix these.\n",
			strings.TrimPrefix(newest, "v"), strings.TrimPrefix(newest, "v"))
	}
	if len(found) == 0 {
		fmt.Fprintf(w, "govulncheck: no known vulnerability reached (Go %s)\n", goVersion)
	}
	return status
}

// versionLess compares v1.26.9 and v1.26.10 as numbers, part by part.
func versionLess(a, b string) bool {
	parts := func(v string) []int {
		var n []int
		for _, p := range strings.Split(strings.TrimPrefix(v, "v"), ".") {
			x := 0
			fmt.Sscan(p, &x)
			n = append(n, x)
		}
		return n
	}
	return slices.Compare(parts(a), parts(b)) < 0
}
