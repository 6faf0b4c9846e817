package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/check"
	"github.com/example/qpr/pkg/diag"
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
	// Timings prints to stderr where the build's time went.
	Timings bool
	// AllowEmpty lets a report quarter with no value at all through, deliberately.
	AllowEmpty bool
	// Final refuses to build a draft: a report with a return missing or not signed off.
	Final bool
}

// RunBuild writes each pack's report in each format to the output folder.
func RunBuild(streams Streams, o BuildOptions) (err error) {
	defer paceSmallHeap(smallHeapLive)()
	tm := newTimings(o.Timings)
	var formatNames []string
	defer func() { tm.print(streams.Err, formatNames, runtime.GOMAXPROCS(0)) }()
	start := time.Now()
	l, err := o.load(o.Outputs)
	if err != nil {
		return err
	}
	tm.since("read", start)
	if err := l.problems.Err(); err != nil {
		return err
	}
	asAt := l.settings.stamp
	start = time.Now()
	templatesRead := l.settings.templatesBeside()
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
	tmpl, err := templatesRead()
	if err != nil {
		return err
	}
	buildReport := func(p catalogue.Pack) (*report.Report, error) {
		return report.Build(report.Options{Catalogue: l.cat, Store: l.store, Pack: p, Period: q, AsAt: asAt, Benchmarks: l.benchmarks})
	}
	draft, err := outstandingReturns(l.cat, packs, buildReport)
	if err != nil {
		return err
	}
	if o.Final && len(draft) > 0 {
		return diag.Problem{Message: "--final: the report is a draft: " + outstandingText(draft) + "; build without --final for a draft, or when every return is in and signed off"}
	}
	// The warnings come from a report of every indicator; a pack of every indicator (the
	// usual corporate pack) is that report already, so it is built once and used for both.
	built := map[int]*report.Report{}
	var reporting time.Duration // counted as report, not check
	ws := l.problems.Warnings()
	if whole := packOfEverything(l.cat, packs); whole >= 0 {
		reportStart := time.Now()
		r, err := buildReport(packs[whole])
		if err != nil {
			return err
		}
		reporting = time.Since(reportStart)
		tm.add("report", reporting)
		built[whole] = r
		ws = append(ws, check.Warnings(l.cat, l.store, r, l.choice.Passed)...)
	} else if more, _, err := l.warningsAndReport(q); err == nil {
		ws = append(ws, more...)
	}
	urgent := check.BuildWarnings(l.cat, l.store, q, l.choice.Passed)
	if l.settings.strict {
		all := append(slices.Clone(urgent), slices.DeleteFunc(slices.Clone(ws), func(p diag.Problem) bool { return slices.Contains(urgent, p) })...)
		if len(all) > 0 {
			return failStrictly(streams, all)
		}
	}
	// a draft is a state, not a fault: it is told, but --strict does not fail on it (--final
	// refuses a draft)
	if len(draft) > 0 {
		urgent = append(urgent, diag.Problem{Severity: diag.Warning, Message: "the report is a draft, marked so in every format: " + outstandingText(draft)})
	}
	reportWarnings(streams, urgent, ws, o.Quiet)
	tm.add("check", time.Since(start)-reporting)
	formats, out := l.settings.formats, l.settings.out
	for _, f := range formats {
		formatNames = append(formatNames, f.Name)
	}

	progress := newProgress(streams, o.Quiet, len(packs)*len(formats))
	_, statErr := os.Stat(out)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return diag.Problem{Place: diag.Place{File: out}, Message: "cannot create the output folder: " + osReason(err)}
	}
	if os.IsNotExist(statErr) {
		// A build that fails leaves no output folder it made (Remove takes only an empty one).
		defer func() {
			if err != nil {
				os.Remove(out)
			}
		}()
	}
	memory := newMemoryPlan(l.cat, packs, formats)
	restore := limitMemory(memory.limit())
	folder, renderFolder := foldersWith(formats, tmpl)
	files, err := renderOutputs(outputPlan{
		folder:       folder,
		renderFolder: renderFolder,
		packs:        packs,
		formats:      formatNames,
		out:          out,
		build:        buildReport,
		built:        built,
		render:       renderWith(formats, tmpl),
		workers:      runtime.GOMAXPROCS(0),
		weight:       memory.weight,
		budget:       renderBudget,
		timings:      tm,
		progress:     progress,
	})
	restore()
	progress.finish()
	if err != nil {
		return err
	}
	start = time.Now()
	if err := publish(files); err != nil {
		return err
	}
	tm.since("publish", start)
	for _, f := range files {
		switch {
		case f.tmp == "": // an earlier output in another form, now removed
		case f.folder:
			fmt.Fprintln(streams.Out, f.path+string(filepath.Separator))
		default:
			fmt.Fprintln(streams.Out, f.path)
		}
	}
	return nil
}

// renderProblem places a rendering failure: a template error already names its template file
// and line; anything else is a failure to produce the output file.
func renderProblem(path string, err error) error {
	var p diag.Problem
	if errors.As(err, &p) {
		return err
	}
	var te *templates.Error
	if errors.As(err, &te) {
		return diag.Problem{Message: te.Error()}
	}
	return diag.Problem{Place: diag.Place{File: path}, Message: err.Error()}
}

// packOfEverything is the index of the first of packs that holds every indicator, or -1.
func packOfEverything(cat *catalogue.Catalogue, packs []catalogue.Pack) int {
	for i, p := range packs {
		if len(cat.Members(p)) == len(cat.Indicators) {
			return i
		}
	}
	return -1
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

// outstandingReturns are the returns that keep any of the packs a draft, each owner once.
// A catalogue without owners collects no returns, so nothing is built to find none.
func outstandingReturns(cat *catalogue.Catalogue, packs []catalogue.Pack, build func(catalogue.Pack) (*report.Report, error)) ([]report.Outstanding, error) {
	var out []report.Outstanding
	if len(cat.Owners) == 0 {
		return nil, nil
	}
	for _, p := range packs {
		r, err := build(p)
		if err != nil {
			return nil, err
		}
		for _, o := range r.Outstanding {
			if !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out, nil
}

// outstandingText names each owner whose return is outstanding, and why.
func outstandingText(os []report.Outstanding) string {
	var parts []string
	for _, o := range os {
		what := "no return"
		if o.Reason == "unsigned" {
			what = "return not signed off"
		}
		parts = append(parts, fmt.Sprintf("%s (%s) %s", o.Owner, o.Name, what))
	}
	return strings.Join(parts, ", ")
}
