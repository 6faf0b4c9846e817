package app

import (
	"fmt"
	"sync"
	"time"
)

// progress shows on a terminal how far a build has got; it stays silent in scripts and CI,
// where stderr is not a terminal, and with --quiet.
type progress struct {
	mu      sync.Mutex
	streams Streams
	on      bool
	total   int
	count   int
	start   time.Time
}

// progressDelay is how long a build runs before progress is shown: a quick build says nothing.
const progressDelay = 500 * time.Millisecond

func newProgress(s Streams, quiet bool, total int) *progress {
	return &progress{streams: s, on: s.ErrIsTerminal && !quiet, total: total, start: time.Now()}
}

func (p *progress) done(name string) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.count++
	if time.Since(p.start) < progressDelay {
		return
	}
	fmt.Fprintf(p.streams.Err, "\r\033[Kbuilt %d of %d: %s", p.count, p.total, name)
}

func (p *progress) finish() {
	if p.on && time.Since(p.start) >= progressDelay {
		fmt.Fprint(p.streams.Err, "\r\033[K")
	}
}
