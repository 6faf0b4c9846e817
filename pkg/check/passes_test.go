package check

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/example/qpr/pkg/diag"
)

// The warnings come in the passes' order however long each takes, on one core or several.
func TestInOrderKeepsThePassesOrder(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		was := runtime.GOMAXPROCS(procs)
		var passes []func() []diag.Problem
		var want []string
		for i := range 9 {
			// the early passes slowest, so that later ones finish first where there are workers
			delay := time.Duration(9-i) * time.Millisecond
			n := i % 3 // none, one or two warnings
			passes = append(passes, func() []diag.Problem {
				time.Sleep(delay)
				var ps []diag.Problem
				for k := range n {
					ps = append(ps, diag.Problem{Message: fmt.Sprintf("pass %d warning %d", i, k)})
				}
				return ps
			})
			for k := range n {
				want = append(want, fmt.Sprintf("pass %d warning %d", i, k))
			}
		}
		got := inOrder(passes)
		runtime.GOMAXPROCS(was)
		if len(got) != len(want) {
			t.Fatalf("GOMAXPROCS %d: %d warnings, want %d", procs, len(got), len(want))
		}
		for i := range want {
			if got[i].Message != want[i] {
				t.Errorf("GOMAXPROCS %d: warning %d is %q, want %q", procs, i, got[i].Message, want[i])
			}
		}
	}
	if got := inOrder([]func() []diag.Problem{func() []diag.Problem { return nil }}); got != nil {
		t.Errorf("no warnings: got %v, want nil", got)
	}
}

func TestInOrderPanicsInTheCaller(t *testing.T) {
	defer func() {
		if p := recover(); p != "broken pass" {
			t.Errorf("recovered %v, want the pass's panic", p)
		}
	}()
	inOrder([]func() []diag.Problem{
		func() []diag.Problem { time.Sleep(5 * time.Millisecond); return nil },
		func() []diag.Problem { panic("broken pass") },
	})
	t.Error("inOrder returned; want the pass's panic")
}
