package app

import (
	"fmt"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/check"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/report"
)

type ValidateOptions struct {
	Inputs
	Period string
}

// RunValidate lists every problem in the catalogue and data, and warns where the report would
// mislead a reader. It fails (exit 1) only on errors.
func RunValidate(io Streams, o ValidateOptions) error {
	l, err := o.load()
	if err != nil {
		return err
	}
	problems := l.problems.Problems()
	q, err := l.reportPeriod(o.Period)
	if err != nil {
		return err
	}
	if !l.problems.HasErrors() {
		all := catalogue.Pack{ID: "validate"}
		if r, err := report.Build(report.Options{Catalogue: l.cat, Store: l.store, Pack: all, Period: q}); err == nil {
			problems = append(problems, check.Warnings(l.cat, l.store, r, q.IsZero())...)
			fmt.Fprintf(io.Out, "report quarter: %s\n", r.Period)
		} else {
			// Nothing to report is as much a failure here as it is for build.
			problems = append(problems, diag.Problem{Message: err.Error(), Severity: diag.Error})
		}
	}
	diag.SortByPlace(problems)
	var errs, warns int
	for _, p := range problems {
		if p.Severity == diag.Error {
			errs++
			fmt.Fprintln(io.Err, p.Error())
		}
	}
	for _, p := range problems {
		if p.Severity == diag.Warning {
			warns++
		}
	}
	printWarnings(io, filterWarnings(problems))
	values := 0
	if l.dataset != nil {
		values = l.dataset.Len()
	}
	files := 0
	if l.dataset != nil {
		files = len(l.dataset.Files)
	}
	fmt.Fprintf(io.Out, "%s: %d indicators in %d directorates, %d packs; %d values read from %d files; %s, %s\n",
		l.cat.File, len(l.cat.Indicators), len(l.cat.Directorates), len(l.cat.Packs), values, files,
		plural(errs, "error"), plural(warns, "warning"))
	if errs > 0 {
		return &ExitError{Code: ExitFailure, Err: errAlreadyReported}
	}
	return nil
}

func filterWarnings(ps []diag.Problem) []diag.Problem {
	var out []diag.Problem
	for _, p := range ps {
		if p.Severity == diag.Warning {
			out = append(out, p)
		}
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
