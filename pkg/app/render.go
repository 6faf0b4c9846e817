package app

import (
	"fmt"
	"io"
	"path/filepath"
	"runtime"
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
	// workers is how many outputs are rendered at once; 0 means one per core.
	workers  int
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
	staged staged
	err    error
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
			jobs = append(jobs, &outputJob{pack: i, format: f})
		}
	}
	workers := p.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(jobs)))

	queue := make(chan *outputJob)
	var failed atomic.Bool
	go func() {
		defer close(queue)
		for _, j := range jobs {
			if failed.Load() {
				return
			}
			queue <- j
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				j.staged, j.err = p.renderOne(j, reports[j.pack])
				if j.err != nil {
					failed.Store(true)
				}
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
	}
	if first != nil {
		discard(files)
		return nil, first
	}
	return files, nil
}

func (p outputPlan) renderOne(j *outputJob, pr *packReport) (staged, error) {
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
		return staged{}, pr.err
	}
	r := pr.r
	path := filepath.Join(p.out, fmt.Sprintf("%s-%s.%s", pack.ID, r.FileLabel, j.format))
	start := time.Now()
	s, err := stageWith(path, func(w io.Writer) error { return p.render(w, j.format, r) })
	p.timings.add(j.format, time.Since(start))
	p.progress.done(filepath.Base(path))
	if err != nil {
		return staged{}, renderProblem(path, err)
	}
	return s, nil
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
