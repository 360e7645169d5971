package app

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"clinicdesk/data"
)

// auditDynamicActions are the actions written from an expression the
// scan below cannot follow, by that expression's source text. A new
// writer of that kind fails the test until it is listed here.
var auditDynamicActions = map[string][]string{
	`r.Kind + ".generate"`: {data.LetterKindLetter + ".generate", data.LetterKindSlip + ".generate"},
	`r.Kind + ".reprint"`:  {data.LetterKindLetter + ".reprint", data.LetterKindSlip + ".reprint"},
}

// writtenAuditActions reads the app's source for every action written to
// the audit trail: the first argument of each audit(...) call and the
// Action of each audit.Entry, followed through constants, local
// variables and the callers' arguments when it is a parameter.
func writtenAuditActions(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	consts := map[string]string{}
	funcs := map[string]*ast.FuncDecl{}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.CONST {
					continue
				}
				for _, sp := range d.Specs {
					vs := sp.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i < len(vs.Values) {
							if s, ok := stringLit(vs.Values[i]); ok {
								consts[n.Name] = s
							}
						}
					}
				}
			case *ast.FuncDecl:
				funcs[d.Name.Name] = d
			}
		}
	}

	found := map[string]string{} // action: where it is written
	resolve := func(e ast.Expr, fn *ast.FuncDecl, where string, depth int) {
		if s, ok := stringLit(e); ok {
			found[s] = where
			return
		}
		src := exprText(fset, e)
		if acts, ok := auditDynamicActions[src]; ok {
			for _, a := range acts {
				found[a] = where
			}
			return
		}
		id, isIdent := e.(*ast.Ident)
		if bin, ok := e.(*ast.BinaryExpr); ok && bin.Op == token.ADD && depth < 3 {
			// "patient." + kind, kind a parameter: each caller's kind.
			if prefix, ok := stringLit(bin.X); ok {
				if p, ok := bin.Y.(*ast.Ident); ok && fn != nil {
					for _, v := range callerArgs(files, funcs, fn, p.Name, fset, t) {
						found[prefix+v] = where
					}
					return
				}
			}
		}
		if isIdent {
			if v, ok := consts[id.Name]; ok {
				found[v] = where
				return
			}
			if fn != nil {
				if vals := localAssignments(fn, id.Name); len(vals) > 0 {
					for _, v := range vals {
						found[v] = where
					}
					return
				}
				if vals := callerArgs(files, funcs, fn, id.Name, fset, t); len(vals) > 0 {
					for _, v := range vals {
						found[v] = where
					}
					return
				}
			}
		}
		t.Errorf("%s: cannot tell which audit action %q writes: write a literal, or list it in auditDynamicActions", where, src)
	}

	for _, f := range files {
		for _, d := range f.Decls {
			fn, _ := d.(*ast.FuncDecl)
			ast.Inspect(d, func(n ast.Node) bool {
				if n == nil {
					return false
				}
				where := fset.Position(n.Pos()).String()
				switch n := n.(type) {
				case *ast.CompositeLit:
					// auditEvent{…} (what writes pass to writeTx.audit) and
					// audit.Entry{…}, or {…} in a []audit.Entry. Not in
					// writeTx.audit, whose action is its callers' auditEvents.
					if !isAuditLit(n) || (fn != nil && fn.Name.Name == "audit") {
						return true
					}
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok {
							if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Action" {
								resolve(kv.Value, fn, where, 0)
							}
						}
					}
				}
				return true
			})
		}
	}
	return found
}

// isAuditLit: n is an auditEvent or a audit.Entry (or an element of a
// slice of them, whose type is left out).
func isAuditLit(n *ast.CompositeLit) bool {
	switch t := n.Type.(type) {
	case nil:
		return true
	case *ast.Ident:
		return t.Name == "auditEvent"
	case *ast.SelectorExpr:
		x, ok := t.X.(*ast.Ident)
		return ok && x.Name == "audit" && t.Sel.Name == "Entry"
	}
	return false
}

// callerArgs are the string literals every caller of fn passes for its
// parameter named param.
func callerArgs(files []*ast.File, funcs map[string]*ast.FuncDecl, fn *ast.FuncDecl, param string, fset *token.FileSet, t *testing.T) []string {
	idx, i := -1, 0
	for _, fld := range fn.Type.Params.List {
		for _, n := range fld.Names {
			if n.Name == param {
				idx = i
			}
			i++
		}
	}
	if idx < 0 {
		return nil
	}
	var out []string
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) <= idx {
				return true
			}
			var name string
			switch fun := call.Fun.(type) {
			case *ast.Ident:
				name = fun.Name
			case *ast.SelectorExpr:
				name = fun.Sel.Name
			}
			if name != fn.Name.Name {
				return true
			}
			if s, ok := stringLit(call.Args[idx]); ok {
				out = append(out, s)
			} else {
				t.Errorf("%s: %s is called with an action the scan cannot read (%s)", fset.Position(call.Pos()), name, exprText(fset, call.Args[idx]))
			}
			return true
		})
	}
	return out
}

// localAssignments are the string literals assigned to name in fn.
func localAssignments(fn *ast.FuncDecl, name string) []string {
	var out []string
	ast.Inspect(fn, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name == name && i < len(as.Rhs) {
				if s, ok := stringLit(as.Rhs[i]); ok {
					out = append(out, s)
				}
			}
		}
		return true
	})
	return out
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func exprText(fset *token.FileSet, e ast.Expr) string {
	var b strings.Builder
	if err := printer.Fprint(&b, fset, e); err != nil {
		return "?"
	}
	return b.String()
}

// TestEveryAuditActionHasWords: every action the app writes to the audit
// trail is shown in words, not as a code ("patient.view" is "Viewed the
// record"), and an action the words do not know is still readable.
func TestEveryAuditActionHasWords(t *testing.T) {
	written := writtenAuditActions(t)
	// The scan must find the writers it is meant to: if it finds too few,
	// it is the scan that is broken, not the words.
	for _, a := range []string{"patient.view", "appointment.book", "sign_in", "unlock", "password.reset",
		"patient.note", "patient.call", "patient.unarchive", "calendar.room.update", "recovery.sheet_saved", "slip.generate", "complaint.move"} {
		if _, ok := written[a]; !ok {
			t.Errorf("the scan of the app's source did not find %q being written", a)
		}
	}
	var missing []string
	for a, where := range written {
		if _, ok := auditWords[a]; !ok {
			missing = append(missing, a+" (written at "+where+")")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("audit action %s has no words in auditWords", m)
	}
	for a := range auditWords {
		if _, ok := written[a]; !ok {
			t.Logf("auditWords has %q, which the app no longer writes (kept for older files)", a)
		}
	}

	// The audit screen's action filter turns words back into the action.
	said := map[string]string{}
	for a, w := range auditWords {
		if other, ok := said[w]; ok {
			t.Errorf("%q and %q are both said %q: the filter could not tell them apart", a, other, w)
		}
		said[w] = a
	}

	if got := ActionWords("patient.view"); got != "Viewed the record" {
		t.Errorf("patient.view is %q", got)
	}
	if got := ActionWords("appointment.book"); got != "Booked an appointment" {
		t.Errorf("appointment.book is %q", got)
	}
	if got := ActionWords("referral.sent_out"); got != "Referral: sent out" {
		t.Errorf("an unknown action is %q, want it readable", got)
	}
	if got := ActionWords(""); got == "" {
		t.Error("an empty action has no words")
	}
}
