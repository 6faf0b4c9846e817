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
	"github.com/example/qpr/pkg/project"
	"github.com/example/qpr/pkg/render"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// Formats build can write, in the order they are listed: the render registry's.
var Formats = render.Names()

type BuildOptions struct {
	Inputs
	Period    string
	Out       string
	Formats   []string
	Packs     []string
	Templates string
	Quiet     bool
	// SourceDateEpoch is $SOURCE_DATE_EPOCH: the date outputs carry. Unset, they carry the last
	// day of the report quarter, so the same inputs always give the same bytes.
	SourceDateEpoch string
}

// RunBuild writes each pack's report in each format to the output folder.
func RunBuild(io Streams, o BuildOptions) error {
	l, err := o.load()
	if err != nil {
		return err
	}
	printWarnings(io, l.problems.Warnings())
	if err := l.problems.Err(); err != nil {
		return err
	}
	formats, err := chooseFormats(o.Formats, l.project)
	if err != nil {
		return err
	}
	packs, err := choosePacks(l.cat, o.Packs)
	if err != nil {
		return err
	}
	q, err := l.reportPeriod(o.Period)
	if err != nil {
		return err
	}
	printWarnings(io, check.BuildWarnings(l.cat, l.store, q))
	asAt, err := sourceDate(o.SourceDateEpoch)
	if err != nil {
		return err
	}
	tmplDir := o.Templates
	if tmplDir == "" {
		tmplDir = l.project.Templates
	}
	tmpl := templates.Default()
	if tmplDir != "" {
		if tmpl, err = templates.Load(tmplDir); err != nil {
			return placed(err)
		}
	}
	out := o.Out
	if out == "" {
		out = l.project.Out
	}
	if out == "" {
		out = filepath.Join(o.Dir, "out")
	}

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

// chooseFormats takes the --format list (comma-separated values allowed), else qpr.yaml's,
// else every format. A name that is no format is a usage error when typed as a flag and an
// error of qpr.yaml when it comes from there.
func chooseFormats(flag []string, cfg project.Config) ([]render.Format, error) {
	asked, fromFile := flag, false
	if len(asked) == 0 {
		asked, fromFile = cfg.Formats, true
	}
	var out []render.Format
	for _, a := range asked {
		for _, name := range strings.Split(a, ",") {
			if strings.TrimSpace(name) == "" {
				continue
			}
			f, ok := render.Lookup(name)
			if !ok {
				if fromFile {
					return nil, diag.Problem{Place: diag.Place{File: cfg.File}, Message: fmt.Sprintf("formats: %q is not a format; use %s", strings.TrimSpace(name), render.List("or"))}
				}
				return nil, UsageError("--format: %q is not a format; use %s (comma-separated)", strings.TrimSpace(name), render.List("or"))
			}
			if !slices.ContainsFunc(out, func(g render.Format) bool { return g.Name == f.Name }) {
				out = append(out, f)
			}
		}
	}
	if len(out) == 0 {
		return render.Formats, nil
	}
	return out, nil
}

func choosePacks(cat *catalogue.Catalogue, ids []string) ([]catalogue.Pack, error) {
	if len(ids) == 0 {
		return cat.Packs, nil
	}
	var out []catalogue.Pack
	for _, a := range ids {
		for _, id := range strings.Split(a, ",") {
			id = strings.TrimSpace(id)
			if slices.ContainsFunc(out, func(p catalogue.Pack) bool { return p.ID == id }) {
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

// sourceDate reads SOURCE_DATE_EPOCH (seconds since 1970), the reproducible-builds convention
// for the date generated files carry.
func sourceDate(epoch string) (time.Time, error) {
	if epoch == "" {
		return time.Time{}, nil
	}
	secs, err := strconv.ParseInt(strings.TrimSpace(epoch), 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01", epoch)
	}
	return time.Unix(secs, 0).UTC(), nil
}
