package app

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/check"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/render"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// Formats build can write, in the order they are listed: the render registry's.
var Formats = render.Names()

// BuildOptions are build's flags.
type BuildOptions struct {
	Inputs
	Outputs
	Packs []string
	Quiet bool
	// AsAt is --as-at: the "data as at" date the outputs carry (a date as data gives one).
	AsAt string
	// AllowEmpty lets a report quarter with no value at all through, deliberately.
	AllowEmpty bool
	// SourceDateEpoch is $SOURCE_DATE_EPOCH: the date outputs carry when --as-at is not
	// given. Neither set, they carry the last day of the report quarter, so the same inputs
	// always give the same bytes.
	SourceDateEpoch string
}

// RunBuild writes each pack's report in each format to the output folder.
func RunBuild(io Streams, o BuildOptions) error {
	asAt, err := asAtDate(o.AsAt, o.SourceDateEpoch)
	if err != nil {
		return err
	}
	l, err := o.load(o.Outputs)
	if err != nil {
		return err
	}
	if err := l.problems.Err(); err != nil {
		return err
	}
	packs, err := choosePacks(l.cat, o.Packs)
	if err != nil {
		return err
	}
	q, err := l.reportPeriod()
	if err != nil {
		return err
	}
	if !o.AllowEmpty {
		if err := l.checkPeriod(q, "give --allow-empty to build it anyway"); err != nil {
			return err
		}
	}
	tmpl, err := l.settings.loadTemplates()
	if err != nil {
		return err
	}
	ws := l.problems.Warnings()
	if more, _, err := l.warningsAndReport(q); err == nil {
		ws = append(ws, more...)
	}
	reportWarnings(io, check.BuildWarnings(l.cat, l.store, q), ws, o.Quiet)
	formats, out := l.settings.formats, l.settings.out

	progress := newProgress(io, o.Quiet, len(packs)*len(formats))
	type job struct {
		path   string
		render func() ([]byte, error)
	}
	var jobs []job
	for _, p := range packs {
		r, err := report.Build(report.Options{Catalogue: l.cat, Store: l.store, Pack: p, Period: q, AsAt: asAt})
		if err != nil {
			return err
		}
		for _, f := range formats {
			path := filepath.Join(out, fmt.Sprintf("%s-%s.%s", p.ID, r.FileLabel, f.Name))
			jobs = append(jobs, job{path: path, render: renderer(f, r, tmpl)})
		}
	}

	// Every file is rendered before any is written, so a failure leaves earlier outputs as
	// they were rather than a mix of old and new.
	results := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = j.render()
			progress.done(filepath.Base(j.path))
		}()
	}
	wg.Wait()
	progress.finish()
	for i, err := range errs {
		if err != nil {
			return renderProblem(jobs[i].path, err)
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return diag.Problem{Place: diag.Place{File: out}, Message: "cannot create the output folder: " + osReason(err)}
	}
	var files []staged
	for i, j := range jobs {
		f, err := stage(j.path, results[i])
		if err != nil {
			discard(files)
			return err
		}
		files = append(files, f)
	}
	if err := publish(files); err != nil {
		return err
	}
	for _, j := range jobs {
		fmt.Fprintln(io.Out, j.path)
	}
	return nil
}

// renderProblem places a rendering failure: a template error already names its template file
// and line; anything else is a failure to produce the output file.
func renderProblem(path string, err error) error {
	var te *templates.Error
	if errors.As(err, &te) {
		return diag.Problem{Message: te.Error()}
	}
	return diag.Problem{Place: diag.Place{File: path}, Message: err.Error()}
}

func renderer(f render.Format, r *report.Report, t *templates.Set) func() ([]byte, error) {
	return func() ([]byte, error) {
		var buf bytes.Buffer
		err := f.Render(&buf, r, t)
		return buf.Bytes(), err
	}
}

func choosePacks(cat *catalogue.Catalogue, ids []string) ([]catalogue.Pack, error) {
	if len(ids) == 0 {
		return cat.Packs, nil
	}
	var out []catalogue.Pack
	for _, a := range ids {
		for _, id := range strings.Split(a, ",") {
			id = strings.TrimSpace(id)
			if slices.ContainsFunc(out, func(p catalogue.Pack) bool { return strings.EqualFold(p.ID, id) }) {
				continue
			}
			p, ok := cat.Pack(id)
			if !ok {
				var known []string
				for _, p := range cat.Packs {
					known = append(known, p.ID)
				}
				return nil, UsageError("--pack: no pack %q in %s; packs are %s", id, cat.File, strings.Join(known, ", "))
			}
			out = append(out, p)
		}
	}
	return out, nil
}

// asAtDate is the "data as at" date the outputs carry: --as-at, else SOURCE_DATE_EPOCH (the
// reproducible-builds convention, seconds since 1970), else zero for the report quarter's end.
func asAtDate(flag, epoch string) (time.Time, error) {
	if flag != "" {
		d, err := period.ParseDate(flag)
		if err != nil {
			return time.Time{}, UsageError("--as-at: %v", err)
		}
		return d, nil
	}
	if epoch == "" {
		return time.Time{}, nil
	}
	secs, err := strconv.ParseInt(strings.TrimSpace(epoch), 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01", epoch)
	}
	return time.Unix(secs, 0).UTC(), nil
}
