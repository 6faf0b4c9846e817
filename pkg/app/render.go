package app

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/render"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// outputPlan is what renderOutputs needs to write every pack in every format.
type outputPlan struct {
	packs   []catalogue.Pack
	formats []string
	out     string
	// build makes a pack's report; render writes it in a format. built holds reports made
	// already, by pack index.
	build  func(catalogue.Pack) (*report.Report, error)
	built  map[int]*report.Report
	render func(w io.Writer, format string, r *report.Report) error
	// folder says whether a format writes r as a folder of files, which renderFolder then
	// writes; nil when no format does.
	folder       func(format string, r *report.Report) bool
	renderFolder func(create render.FileCreator, format string, r *report.Report) error
	// workers is how many outputs are rendered at once; 0 means one per core.
	workers int
	// weight estimates the memory an output holds while it is rendered (pack index, format);
	// outputs are rendered together only while their weights add up to no more than budget.
	// A nil weight or a budget of 0 bounds nothing.
	weight   func(pack int, format string) int64
	budget   int64
	timings  *timings
	progress *progress
}

// packReport is a pack's report, built by the first of its formats to need it and dropped
// when the last has been written, so memory holds only the packs being rendered.
type packReport struct {
	once sync.Once
	r    *report.Report
	err  error
	left atomic.Int32 // formats not yet written
}

// outputJob is one pack in one format.
type outputJob struct {
	pack   int
	format string
	weight int64
	staged staged
	// earlier is the same output written before in its other form (a folder where now one
	// file, or the other way round), removed as the new outputs are published.
	earlier staged
	err     error
}

// admission hands out jobs to the workers in order, within the memory budget: the first job
// not yet started goes when the outputs rendering beside it leave room for its weight, or
// when nothing else is rendering (so an output larger than the budget renders alone). A
// later job may go ahead of it only if its pack has started already, so a light output can
// render beside a heavy one without another pack's report being built early and held.
type admission struct {
	mu      sync.Mutex
	changed *sync.Cond
	pending []*outputJob
	started []bool // by pack
	held    int64  // the weight of the outputs rendering
	running int
	budget  int64 // 0: no bound but the workers
	failed  bool
}

// next waits for a job that may start and takes it; nil means there is none left to start.
func (a *admission) next() *outputJob {
	a.mu.Lock()
	defer a.mu.Unlock()
	for !a.failed && len(a.pending) > 0 {
		for i, j := range a.pending {
			if i > 0 && !a.started[j.pack] {
				continue
			}
			if a.running > 0 && a.budget > 0 && a.held+j.weight > a.budget {
				continue
			}
			a.pending = slices.Delete(a.pending, i, i+1)
			a.started[j.pack] = true
			a.held += j.weight
			a.running++
			return j
		}
		a.changed.Wait()
	}
	return nil
}

// done gives back a finished job's room; after a failure no further job starts.
func (a *admission) done(j *outputJob) {
	a.mu.Lock()
	a.held -= j.weight
	a.running--
	a.failed = a.failed || j.err != nil
	a.mu.Unlock()
	a.changed.Broadcast()
}

// renderOutputs renders every pack in every format into staged files, a few at a time, and
// returns them in pack-then-format order. On a failure it stops starting new outputs, removes
// every staged file and returns the failure of the first output in that order that failed,
// so the same inputs give the same message whatever the timing.
func renderOutputs(p outputPlan) ([]staged, error) {
	reports := make([]*packReport, len(p.packs))
	var jobs []*outputJob
	for i := range p.packs {
		reports[i] = &packReport{}
		reports[i].left.Store(int32(len(p.formats)))
		if r, ok := p.built[i]; ok {
			reports[i].once.Do(func() { reports[i].r = r })
			delete(p.built, i) // taken over, to be dropped with the pack's last format
		}
		for _, f := range p.formats {
			j := &outputJob{pack: i, format: f}
			if p.weight != nil {
				j.weight = p.weight(i, f)
			}
			jobs = append(jobs, j)
		}
	}
	workers := p.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(jobs)))

	a := &admission{pending: slices.Clone(jobs), started: make([]bool, len(p.packs)), budget: p.budget}
	a.changed = sync.NewCond(&a.mu)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := a.next(); j != nil; j = a.next() {
				j.staged, j.earlier, j.err = p.renderOne(j, reports[j.pack])
				a.done(j)
			}
		}()
	}
	wg.Wait()

	var files []staged
	var first error
	for _, j := range jobs {
		if j.err != nil && first == nil {
			first = j.err
		}
		if j.staged.tmp != "" {
			files = append(files, j.staged)
		}
		if j.earlier.path != "" {
			files = append(files, j.earlier)
		}
	}
	if first != nil {
		discard(files)
		return nil, first
	}
	return files, nil
}

func (p outputPlan) renderOne(j *outputJob, pr *packReport) (out, earlier staged, err error) {
	pack := p.packs[j.pack]
	pr.once.Do(func() {
		start := time.Now()
		pr.r, pr.err = p.build(pack)
		p.timings.add("report", time.Since(start))
	})
	defer func() {
		if pr.left.Add(-1) == 0 {
			pr.r = nil
		}
	}()
	if pr.err != nil {
		return staged{}, staged{}, pr.err
	}
	r := pr.r
	base := filepath.Join(p.out, fmt.Sprintf("%s-%s", pack.ID, r.FileLabel))
	path := base + "." + j.format
	start := time.Now()
	canFold := p.folder != nil && p.folder(j.format, nil)
	if canFold && p.folder(j.format, r) {
		path, earlier = base, removal(path, false)
		out, err = stageFolder(path, func(c fileCreator) error { return p.renderFolder(c, j.format, r) })
	} else {
		if canFold {
			earlier = removal(base, true)
		}
		out, err = stageWith(path, func(w io.Writer) error { return p.render(w, j.format, r) })
	}
	p.timings.add(j.format, time.Since(start))
	p.progress.done(filepath.Base(path))
	if err != nil {
		return staged{}, staged{}, renderProblem(path, err)
	}
	return out, earlier, nil
}

// foldersWith says which of formats writes r as a folder (with r nil: which can), and writes
// such a folder, worded and styled by t.
func foldersWith(formats []render.Format, t *templates.Set) (func(string, *report.Report) bool, func(render.FileCreator, string, *report.Report) error) {
	find := func(name string) *render.Folder {
		for _, f := range formats {
			if f.Name == name {
				return f.Folder
			}
		}
		return nil
	}
	is := func(name string, r *report.Report) bool {
		f := find(name)
		return f != nil && (r == nil || f.Is(r))
	}
	write := func(c render.FileCreator, name string, r *report.Report) error {
		f := find(name)
		if f == nil {
			return fmt.Errorf("no folder renderer for %q", name)
		}
		return f.Render(c, r, t)
	}
	return is, write
}

// renderWith gives the function that writes a report in one of formats, by name, worded and
// styled by t.
func renderWith(formats []render.Format, t *templates.Set) func(w io.Writer, format string, r *report.Report) error {
	return func(w io.Writer, name string, r *report.Report) error {
		for _, f := range formats {
			if f.Name == name {
				return f.Render(w, r, t)
			}
		}
		return fmt.Errorf("no renderer for %q", name)
	}
}
