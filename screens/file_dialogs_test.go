package screens

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"clinicdesk/app/ukcal"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Every file and folder dialog the app has, by the function that makes it,
// with a way to open it as the screen's own button does. A file dialog has
// no size until it is shown (Resize or MinSize before Show panics: the
// setup wizard's "Save the Emergency recovery sheet" crashed so), so each
// must be opened through showFileDialog.
var fileDialogOpeners = map[string]func(t *testing.T) fyne.Window{
	"setupScreen.onChooseLogo": func(t *testing.T) fyne.Window {
		u := fdWizard(t)
		u.setup.onChooseLogo()
		return u.Window()
	},
	"setupScreen.onSaveSheet": func(t *testing.T) fyne.Window {
		u := fdWizard(t)
		u.setup.onSaveSheet()
		return u.Window()
	},
	"setupScreen.onChooseBackupFolder": func(t *testing.T) fyne.Window {
		u := fdWizard(t)
		u.setup.onChooseBackupFolder()
		return u.Window()
	},
	"detailsTab.chooseLogo": func(t *testing.T) fyne.Window {
		s, w, _ := tcSettings(t, tcClinic(t))
		s.details.chooseLogo()
		return w
	},
	"backupsTab.chooseFolder": func(t *testing.T) fyne.Window {
		s, w, _ := tcSettings(t, tcClinic(t))
		s.selectTab(settingsTabBackups)
		s.backups.chooseFolder()
		return w
	},
	"backupsTab.chooseBackupFile": func(t *testing.T) fyne.Window {
		s, w, _ := tcSettings(t, tcClinic(t))
		s.selectTab(settingsTabBackups)
		s.backups.chooseBackupFile()
		return w
	},
	"backupsTab.pickBackup": func(t *testing.T) fyne.Window { // the restore's and the drill's
		s, w, _ := tcSettings(t, tcClinic(t))
		s.selectTab(settingsTabBackups)
		s.backups.chooseRestoreFile()
		return w
	},
	"securityTab.chooseRecoverySheet": func(t *testing.T) fyne.Window {
		s, w, _ := tcSettings(t, tcClinic(t))
		s.selectTab(settingsTabSecurity)
		s.security.chooseRecoverySheet()
		return w
	},
	"patientsScreen.chooseImportFile": func(t *testing.T) fyne.Window {
		s, w := tpScreen(t, tcClinic(t))
		s.chooseImportFile()
		return w
	},
	// The register's "Make the copy…" opens the same dialog (produceSAR).
	"chooseSARCopyFile": func(t *testing.T) fyne.Window {
		c := tcClinic(t)
		_, r, w := tpOpen(t, c, tpAdd(t, c, "Ada", "Lovelace", "1980-12-10"))
		r.chooseSubjectAccessFile(ukcal.NewDate(2026, 12, 1), "letter")
		return w
	},
	"ptlTab.save": func(t *testing.T) fyne.Window {
		s, w, _ := trScreen(t, tcClinic(t))
		s.tabs.SelectIndex(1)
		s.ptl.save("csv")
		return w
	},
	// Every save of the Reports screen (CSV, PDF pack, picture, KO41(b)) asks here.
	"reportsScreen.askWhereToSave": func(t *testing.T) fyne.Window {
		s, w := trpScreen(t, tcClinic(t))
		s.onSavePDF()
		return w
	},
	"pdfOutput.save": func(t *testing.T) fyne.Window {
		w := test.NewTempWindow(t, nil)
		w.Resize(fyne.NewSize(1280, 800))
		o := showPDF(&Context{Window: w, Clinic: tcClinic(t), Runner: tpRun, ShowError: func(err error) { t.Error(err) }},
			madePDF{Title: "Appointment reminder", PDF: []byte("%PDF-1.4"), FileName: "reminder.pdf"})
		o.save()
		return w
	},
}

// fdWizard is the setup wizard of a clinic not yet made, as on a first run.
func fdWizard(t *testing.T) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	u := New(a, Options{DBPath: filepath.Join(t.TempDir(), "clinic.db"), kdf: fdKDF, idleTick: -1, Runner: tpHoldResults(t), backupTick: -1})
	if u.setup == nil {
		t.Fatal("no setup wizard on a first run")
	}
	return u
}

// Every file dialog opens, full size, over its window, and Cancel closes it.
func TestEveryFileDialogOpensWithoutCrashing(t *testing.T) {
	t.Setenv("HOME", t.TempDir()) // where the dialogs start
	for name, open := range fileDialogOpeners {
		t.Run(name, func(t *testing.T) {
			test.NewTempApp(t)
			w := open(t)
			top := fdPopUp(w.Canvas().Overlays().Top())
			if top == nil || fdButton(top, "Cancel") == nil {
				t.Fatalf("no file dialog over the window: %q", fdTexts(w, false))
			}
			// showFileDialog sizes it after Show: 900 wide in a 1280 window.
			if got := top.Content.Size().Width; got < 850 {
				t.Errorf("the file dialog is %v wide: it was not sized once shown", got)
			}
			cancel := fdButton(top, "Cancel")
			n := len(w.Canvas().Overlays().List())
			test.Tap(cancel)
			if len(w.Canvas().Overlays().List()) != n-1 {
				t.Fatal("Cancel did not close the file dialog")
			}
		})
	}
}

// fdPopUp is the pop-up an overlay holds (a dialog's window), or nil.
func fdPopUp(o fyne.CanvasObject) *widget.PopUp {
	var found *widget.PopUp
	fdWalk(o, false, func(x fyne.CanvasObject) {
		if p, ok := x.(*widget.PopUp); ok && found == nil {
			found = p
		}
	})
	return found
}

// fdButton finds the visible button labelled text under o.
func fdButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	fdWalk(o, false, func(x fyne.CanvasObject) {
		if b, ok := x.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}

// The list above is every file dialog there is: the screens' sources are
// read, and each dialog.NewFileOpen, NewFileSave or NewFolderOpen must be
// in the list and be shown only through showFileDialog, never sized,
// moved or shown by hand.
func TestEveryFileDialogIsListedAndShownThroughShowFileDialog(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var found []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			for _, v := range fdFileDialogVars(fn.Body) {
				name := fdFuncName(fn)
				found = append(found, name)
				fdCheckShownThroughHelper(t, fset, name, fn.Body, v)
			}
		}
	}
	var listed []string
	for name := range fileDialogOpeners {
		listed = append(listed, name)
	}
	sort.Strings(found)
	sort.Strings(listed)
	if !slices.Equal(found, listed) {
		t.Fatalf("file dialogs in the screens: %q\nopened by the test: %q\nadd every new file dialog to fileDialogOpeners", found, listed)
	}
}

// fdFileDialogVars names the variables given a new file or folder dialog
// in body (d := dialog.NewFileSave(...)).
func fdFileDialogVars(body *ast.BlockStmt) []string {
	var vars []string
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 1 {
			return true
		}
		call, ok := as.Rhs[0].(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "dialog" ||
			!slices.Contains([]string{"NewFileOpen", "NewFileSave", "NewFolderOpen"}, sel.Sel.Name) {
			return true
		}
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			vars = append(vars, id.Name)
		}
		return true
	})
	return vars
}

// fdCheckShownThroughHelper fails if v is shown, sized or moved other than
// by passing it to showFileDialog, or never passed to it.
func fdCheckShownThroughHelper(t *testing.T, fset *token.FileSet, fn string, body *ast.BlockStmt, v string) {
	t.Helper()
	helped := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "showFileDialog" && len(call.Args) > 0 {
			if a, ok := call.Args[0].(*ast.Ident); ok && a.Name == v {
				helped = true
			}
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == v && !strings.HasPrefix(sel.Sel.Name, "Set") {
				t.Errorf("%s (%s): %s.%s on a file dialog: pass it to showFileDialog instead",
					fn, fset.Position(call.Pos()), v, sel.Sel.Name)
			}
		}
		return true
	})
	if !helped {
		t.Errorf("%s makes a file dialog it never passes to showFileDialog", fn)
	}
}

// fdFuncName is Type.method or func.
func fdFuncName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	typ := fn.Recv.List[0].Type
	if st, ok := typ.(*ast.StarExpr); ok {
		typ = st.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name + "." + fn.Name.Name
	}
	return fn.Name.Name
}

// Escape closes every file and folder dialog, as Cancel does.
func TestEscapeClosesEveryFileDialog(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	for name, open := range fileDialogOpeners {
		t.Run(name, func(t *testing.T) {
			test.NewTempApp(t)
			w := open(t)
			n := len(w.Canvas().Overlays().List())
			if n == 0 {
				t.Fatal("no file dialog open")
			}
			w.Canvas().Unfocus()
			escapeTopOverlay(w)
			if len(w.Canvas().Overlays().List()) != n-1 {
				t.Fatalf("Escape left the file dialog open: %q", fdTexts(w, false))
			}
		})
	}
}
