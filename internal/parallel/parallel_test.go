package parallel

import (
	"sync/atomic"
	"testing"
	"time"
)

// Every index is worked once, whatever the count of workers against the work.
func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, c := range []struct{ n, workers int }{
		{0, 4}, {1, 4}, {5, 1}, {5, 0}, {5, -2}, {7, 3}, {100, 4}, {3, 8},
	} {
		calls := make([]atomic.Int32, c.n)
		Each(c.n, c.workers, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("n %d, workers %d: index %d worked %d times, want 1", c.n, c.workers, i, got)
			}
		}
	}
}

// The work is shared: with four workers, four calls that each wait for all four to have
// begun finish; one at a time they could not.
func TestEachWorksSideBySide(t *testing.T) {
	var begun atomic.Int32
	done := make(chan struct{})
	go func() {
		Each(4, 4, func(int) {
			begun.Add(1)
			for begun.Load() < 4 {
				time.Sleep(time.Millisecond)
			}
		})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("four calls on four workers did not run side by side")
	}
}

// A call's panic reaches the caller's goroutine, with its value, from a worker of its own
// as from the caller's.
func TestEachPanicsInTheCaller(t *testing.T) {
	for _, broken := range []int{0, 5} {
		func() {
			defer func() {
				if p := recover(); p != "broken call" {
					t.Errorf("call %d broken: recovered %v, want the call's panic", broken, p)
				}
			}()
			Each(6, 3, func(i int) {
				if i == broken {
					panic("broken call")
				}
				time.Sleep(time.Millisecond)
			})
			t.Errorf("call %d broken: Each returned; want the call's panic", broken)
		}()
	}
}
