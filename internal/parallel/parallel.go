// Package parallel runs independent pieces of work on several cores.
package parallel

import (
	"sync"
	"sync/atomic"
)

// Each calls work(i) once for every i from 0 below n, on up to workers goroutines (the
// caller's among them; fewer than 1 counts as 1), each taking the next i when it is free,
// and returns when every call has. A panic in a call is raised again in the caller's
// goroutine once the other workers have stopped: cmd/qpr recovers only its own goroutine's
// panics into a plain message, and a worker's own would end the program with a stack trace.
// After a panic, the calls not yet begun are not made.
func Each(n, workers int, work func(i int)) {
	var next atomic.Int64
	var failure any
	var failed atomic.Bool
	var once sync.Once
	run := func() {
		defer func() {
			if p := recover(); p != nil {
				once.Do(func() { failure = p })
				failed.Store(true)
			}
		}()
		for i := int(next.Add(1)) - 1; i < n && !failed.Load(); i = int(next.Add(1)) - 1 {
			work(i)
		}
	}
	var wg sync.WaitGroup
	for range min(workers, n) - 1 {
		wg.Go(run)
	}
	run()
	wg.Wait()
	if failed.Load() {
		panic(failure)
	}
}
