package returns

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/returns/form"
)

// The columns of the ReturnData table that messages about a row point at, as Workbook writes
// them (the code and period lead every row).
const (
	codeCol   = 1
	periodCol = 2
)

// Check compares every return read with what it was issued as: a row for an indicator the
// owner was not sent (or whose code was edited), or for a period not issued, is an error at
// its cell; a return not signed off is a warning at its sign-off.
func Check(cat *catalogue.Catalogue, ds *data.Dataset) []diag.Problem {
	if len(ds.Returns) == 0 {
		return nil
	}
	var out []diag.Problem
	byFile := map[string]*data.Return{}
	for i := range ds.Returns {
		r := &ds.Returns[i]
		byFile[r.File] = r
		if _, ok := cat.Owner(r.Manifest.Owner); !ok {
			out = append(out, diag.Problem{Place: diag.Place{File: r.File}, Severity: diag.Error,
				Message: fmt.Sprintf("this return was issued to owner %q, who is not in the catalogue; make the returns again from this catalogue with qpr returns make", r.Manifest.Owner)})
		}
		if !r.Signed() {
			out = append(out, diag.Problem{Place: r.SignedAt, Severity: diag.Warning, Message: unsignedMessage(*r)})
		}
		if r.Manifest.Catalogue != "" && cat.Digest != "" && !strings.EqualFold(r.Manifest.Catalogue, cat.Digest) {
			out = append(out, diag.Problem{Place: diag.Place{File: r.File, Sheet: form.ManifestSheet}, Severity: diag.Warning,
				Message: "this return was made from another version of the catalogue (a name, target or owner may have changed since it was sent): check its figures against the catalogue as it is, or make the returns again with qpr returns make"})
		}
	}
	check := func(code, periodLabel string, at diag.Place) {
		r := byFile[at.File]
		if r == nil || at.Sheet != form.DataSheet {
			return
		}
		if msg, col := issued(r.Manifest, code, periodLabel); msg != "" {
			at.Col = col
			out = append(out, diag.Problem{Place: at, Severity: diag.Error, Message: msg})
		}
	}
	for o := range ds.All() {
		at := o.Place
		if r := byFile[at.File]; r == nil {
			continue
		}
		check(o.Code, cat.Calendar.PeriodLabel(o.Period), at)
	}
	for _, c := range ds.Comments {
		check(c.Code, cat.Calendar.PeriodLabel(c.Period), c.Place)
	}
	return dedupe(out)
}

// issued says what is wrong with a row of code and period in a return issued as m, and the
// column of the cell at fault; "" when the row was issued.
func issued(m form.Manifest, code, periodLabel string) (string, int) {
	var sent []string
	var due []string
	for _, r := range m.Rows {
		if !containsFold(sent, r.Code) {
			sent = append(sent, r.Code)
		}
		if strings.EqualFold(r.Code, code) {
			due = append(due, r.Period)
			if r.Period == periodLabel {
				return "", 0
			}
		}
	}
	if len(due) == 0 {
		return fmt.Sprintf("%s was not sent in this return (issued to %s for %s with %s); a row must not be added or its code changed: give %s's figure in its own owner's return or in a data file",
			code, m.Owner, m.Period, list(sent), code), codeCol
	}
	return fmt.Sprintf("%s %s was not asked for in this return (issued for %s: %s is due for %s); a return's periods must not be changed: give an earlier period's figure in a data file",
		code, periodLabel, m.Period, code, list(due)), periodCol
}

func unsignedMessage(r data.Return) string {
	missing := "name and date"
	switch {
	case r.SignedBy != "":
		missing = "date"
	case !r.SignedOn.IsZero():
		missing = "name"
	}
	return fmt.Sprintf("the %s return for %s is not signed off (no %s under Sign-off on the Cover sheet): until it is, the report is a draft", r.Manifest.Owner, r.Manifest.Period, missing)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// list writes codes as a reader says them: "A, B and C".
func list(items []string) string {
	switch len(items) {
	case 0:
		return "nothing"
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// dedupe drops a problem told twice (a row's value and its commentary are one mistake).
func dedupe(ps []diag.Problem) []diag.Problem {
	seen := map[string]bool{}
	var out []diag.Problem
	for _, p := range ps {
		key := p.Place.File + "\x00" + p.Place.Sheet + "\x00" + fmt.Sprint(p.Place.Line) + "\x00" + p.Message
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	return out
}
