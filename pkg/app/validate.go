package app

import (
	"fmt"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/check"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// ValidateOptions are validate's flags.
type ValidateOptions struct {
	Inputs
	JSON bool
}

// RunValidate lists every problem in the catalogue, data, qpr.yaml and templates, and warns
// where the report would mislead a reader. It fails (exit 1) only on errors.
func RunValidate(streams Streams, o ValidateOptions) error {
	l, err := o.load(Outputs{})
	if err != nil {
		return err
	}
	problems := l.problems.Problems()
	tmpl, err := l.settings.loadTemplates()
	if err != nil {
		problems = append(problems, problemOf(err))
	}
	q, err := l.reportPeriod()
	if err != nil {
		return err
	}
	var quarter string
	if !l.problems.HasErrors() {
		if err := l.checkPeriod(q, ""); err != nil {
			problems = append(problems, problemOf(err))
		} else if ws, r, err := l.warningsAndReport(q); err != nil {
			// Nothing to report is as much a failure here as it is for build.
			problems = append(problems, problemOf(err))
		} else {
			quarter = r.Period.String()
			problems = append(problems, ws...)
			if tmpl != nil {
				problems = append(problems, templateProblems(tmpl, r)...)
			}
		}
	}
	if l.settings.strict {
		problems = strictly(problems)
	}
	diag.SortByPlace(problems)
	errs := count(problems, diag.Error)
	if o.JSON {
		if err := encodeJSON(streams.Out, problemsJSON(problems, quarter)); err != nil {
			return err
		}
	} else {
		writeValidateText(streams, l, problems, quarter)
	}
	if errs > 0 {
		return &ExitError{Code: ExitFailure, Err: errAlreadyReported}
	}
	return nil
}

func writeValidateText(streams Streams, l *loaded, problems []diag.Problem, quarter string) {
	if quarter != "" {
		fmt.Fprintf(streams.Out, "report quarter: %s\n", quarter)
	}
	for _, p := range problems {
		if p.Severity == diag.Error {
			fmt.Fprintln(streams.Err, ProblemLine(p))
		}
	}
	printWarnings(streams, filter(problems, diag.Warning))
	values, files := 0, 0
	if l.dataset != nil {
		values, files = l.dataset.Len(), len(l.dataset.Files)
	}
	fmt.Fprintf(streams.Out, "%s: %s in %s, %s; %s read from %s; %s, %s\n",
		l.cat.File, plural(len(l.cat.Indicators), "indicator"), plural(len(l.cat.Directorates), "directorate"),
		plural(len(l.cat.Packs), "pack"), plural(values, "value"), plural(files, "file"),
		plural(count(problems, diag.Error), "error"), plural(count(problems, diag.Warning), "warning"))
}

// warningsAndReport are what validate warns of for quarter q beyond the data's own warnings,
// with the report of every indicator they were found in. build prints the same.
func (l *loaded) warningsAndReport(q period.Quarter) ([]diag.Problem, *report.Report, error) {
	all := catalogue.Pack{ID: "validate"}
	r, err := report.Build(report.Options{Catalogue: l.cat, Store: l.store, Pack: all, Period: q})
	if err != nil {
		return nil, nil, err
	}
	return check.Warnings(l.cat, l.store, r, q.IsZero()), r, nil
}

// templateProblems runs every template against the report, as a build would, so a template
// that fails on real data fails validate rather than the build.
func templateProblems(t *templates.Set, r *report.Report) []diag.Problem {
	var out []diag.Problem
	add := func(_ string, err error) {
		if err != nil {
			out = append(out, placedProblem(err))
		}
	}
	add(t.Narrative(r))
	for i := range r.Directorates {
		add(t.DirectorateNarrative(&r.Directorates[i]))
	}
	for _, e := range templates.KeyEntries {
		add(t.Key(e, r.Trend))
	}
	return out
}

func filter(ps []diag.Problem, s diag.Severity) []diag.Problem {
	var out []diag.Problem
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}

// count counts the problems of severity s, including those a list left out and counted.
func count(ps []diag.Problem, s diag.Severity) int {
	n := 0
	for _, p := range ps {
		switch {
		case p.Unlisted != (diag.Unlisted{}) && s == diag.Error:
			n += p.Unlisted.Errors
		case p.Unlisted != (diag.Unlisted{}):
			n += p.Unlisted.Warnings
		case p.Severity == s:
			n++
		}
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
