package check

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/example/qpr/pkg/diag"
)

// inOrder runs the passes, which only read what they look at, on up to a worker a core, and
// gives their warnings one pass after another in the passes' order, as running them one by
// one would. A pass that panics panics here, in the caller's goroutine.
func inOrder(passes []func() []diag.Problem) []diag.Problem {
	found := make([][]diag.Problem, len(passes))
	var next atomic.Int64
	var wg sync.WaitGroup
	var failure any
	var failed sync.Once
	work := func() {
		defer func() {
			if p := recover(); p != nil {
				failed.Do(func() { failure = p })
			}
		}()
		for i := int(next.Add(1)) - 1; i < len(passes); i = int(next.Add(1)) - 1 {
			found[i] = passes[i]()
		}
	}
	for range min(runtime.GOMAXPROCS(0), len(passes)) - 1 {
		wg.Go(work)
	}
	work() // the caller is a worker too
	wg.Wait()
	if failure != nil {
		panic(failure)
	}
	var out []diag.Problem
	for _, ps := range found {
		out = append(out, ps...)
	}
	return out
}
