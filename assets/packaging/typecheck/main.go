// Command typecheck type-checks every ClinicDesk package as it is built
// for another system (macOS by default) on a Linux machine that cannot
// compile that system's cgo code: SQLite's C and Fyne's GLFW/Cocoa parts
// need Apple's SDK, so `go vet` (which compiles the cgo packages first)
// cannot run. Here every package, the standard library and the modules
// too, is checked from source with the files Go would choose for
// GOOS/GOARCH with cgo on; references to C are let through (go/types
// FakeImportC). Errors are reported for this module's packages only: one
// there (a darwin-only file calling something that does not exist, a
// syscall field that macOS lacks) would break the Mac build.
//
// What it cannot see: the C code itself, and a use in our code of a
// dependency's value whose type comes from C (go/types stays quiet about
// invalid types). Our code uses Fyne's and the driver's Go API only.
//
//	go run ./assets/packaging/typecheck -goos darwin -goarch arm64 -tags '...' ./...
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

type listed struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	CgoFiles   []string
	ImportMap  map[string]string
	Module     *struct {
		GoVersion string
		Main      bool
	}
	Error *struct{ Err string }
}

func main() {
	goos := flag.String("goos", "darwin", "GOOS to check for")
	goarch := flag.String("goarch", "arm64", "GOARCH to check for")
	tags := flag.String("tags", "", "build tags")
	tests := flag.Bool("test", false, "check the packages' tests too")
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	args := []string{"list", "-e", "-json", "-deps", "-tags", *tags}
	if *tests {
		args = append(args, "-test")
	}
	cmd := exec.Command("go", append(args, patterns...)...)
	cmd.Env = append(os.Environ(), "GOOS="+*goos, "GOARCH="+*goarch, "CGO_ENABLED=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fail(err)
	}
	if err := cmd.Start(); err != nil {
		fail(err)
	}
	var pkgs []listed
	dec := json.NewDecoder(out)
	for {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			fail(err)
		}
		pkgs = append(pkgs, p)
	}
	if err := cmd.Wait(); err != nil {
		fail(fmt.Errorf("go list: %w", err))
	}

	// `go list -deps` lists every package after the packages it imports.
	fset := token.NewFileSet()
	checked := map[string]*types.Package{"unsafe": types.Unsafe}
	var problems []string
	reported := map[string]bool{} // a package and its test variant share files
	report := func(msg string) {
		if !reported[msg] {
			reported[msg] = true
			problems = append(problems, msg)
		}
	}
	ours := map[string]bool{} // folders: a package and its test variants count once
	for _, p := range pkgs {
		// "p.test" is the generated test main, not on disk.
		if p.ImportPath == "unsafe" || strings.HasSuffix(p.ImportPath, ".test") {
			continue
		}
		mine := p.Module != nil && p.Module.Main
		if p.Error != nil && mine {
			report(fmt.Sprintf("%s: %s", p.ImportPath, p.Error.Err))
			continue
		}
		var files []*ast.File
		// With -test, the variant "p [p.test]" lists p's _test.go files in
		// GoFiles, and "p_test [p.test]" is a package of its own.
		for _, name := range append(append([]string{}, p.GoFiles...), p.CgoFiles...) {
			f, err := parser.ParseFile(fset, filepath.Join(p.Dir, name), nil, parser.SkipObjectResolution)
			if err != nil {
				if mine {
					report(err.Error())
				}
				continue
			}
			files = append(files, f)
		}
		importMap := p.ImportMap
		conf := types.Config{
			Importer: importerFunc(func(path string) (*types.Package, error) {
				if real, ok := importMap[path]; ok {
					path = real
				}
				if pkg := checked[path]; pkg != nil {
					return pkg, nil
				}
				return nil, fmt.Errorf("%s was not listed before %s", path, p.ImportPath)
			}),
			FakeImportC: len(p.CgoFiles) > 0,
			Sizes:       types.SizesFor("gc", *goarch),
			Error: func(err error) {
				if mine {
					report(err.Error())
				}
			},
		}
		if mine {
			ours[p.Dir] = true
			if p.Module.GoVersion != "" {
				conf.GoVersion = "go" + p.Module.GoVersion
			}
		}
		pkg, _ := conf.Check(p.ImportPath, fset, files, nil)
		checked[p.ImportPath] = pkg
	}
	if len(problems) > 0 {
		fmt.Fprintf(os.Stderr, "ClinicDesk would not build for %s/%s:\n  %s\n", *goos, *goarch, strings.Join(problems, "\n  "))
		os.Exit(1)
	}
	what := "packages"
	if *tests {
		what = "packages and their tests"
	}
	fmt.Printf("type-checked %d ClinicDesk %s (and %d they import) for %s/%s\n", len(ours), what, len(checked)-len(ours)-1, *goos, *goarch)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func fail(err error) {
	fmt.Fprintln(os.Stderr, "typecheck:", err)
	os.Exit(2)
}
