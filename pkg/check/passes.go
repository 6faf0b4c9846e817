package check

import (
	"runtime"

	"github.com/example/qpr/internal/parallel"
	"github.com/example/qpr/pkg/diag"
)

// inOrder runs the passes, which only read what they look at, on up to a worker a core, and
// gives their warnings one pass after another in the passes' order, as running them one by
// one would. A pass that panics panics here, in the caller's goroutine.
func inOrder(passes []func() []diag.Problem) []diag.Problem {
	found := make([][]diag.Problem, len(passes))
	parallel.Each(len(passes), runtime.GOMAXPROCS(0), func(i int) { found[i] = passes[i]() })
	var out []diag.Problem
	for _, ps := range found {
		out = append(out, ps...)
	}
	return out
}
