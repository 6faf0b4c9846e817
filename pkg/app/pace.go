package app

import (
	"os"
	"runtime"
	"runtime/debug"
	"sync/atomic"
)

// How often the collector runs while a build's heap is small. Go collects whenever the heap
// has grown by GOGC percent (100) of what was live after the last collection, and at least
// at 4 MiB: a JSON-only build of 1,000 indicators, whose live heap stays under about 10 MiB,
// was collected six times, each cycle marking the same few megabytes and slowing every
// pointer write while it runs. At 800 percent the least heap is 32 MiB, within the memory
// hugeheap advises, and such a build is collected once or not at all (docs/performance.md).
// Once more than smallHeapLive is live after a collection, the usual pace is restored for
// the rest of the build, so that a large build's memory is as before: the most the heap
// reaches at the slower pace is nine times smallHeapLive, 72 MiB, early in the build, far
// below a large build's peak, which comes while it renders.
const (
	smallHeapGCPercent = 800
	smallHeapLive      = 8 << 20
)

// paceSmallHeap sets the collector's pace to smallHeapGCPercent until more than live bytes
// are live after a collection, unless the user has set GOGC, which then stands; the
// returned function restores the pace at once.
func paceSmallHeap(live uint64) (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	p := &pace{was: debug.SetGCPercent(smallHeapGCPercent), live: live}
	p.watch()
	return p.restore
}

type pace struct {
	was  int
	live uint64
	done atomic.Bool
}

// watch looks at the live heap after the next collection: a cleanup runs once the object it
// is attached to has been collected, that is after each cycle, and attaches itself again.
func (p *pace) watch() {
	sentinel := new([4]uint64) // not a tiny allocation, which may be kept alive by its neighbours
	runtime.AddCleanup(sentinel, func(p *pace) {
		if p.done.Load() {
			return
		}
		if liveHeap() > p.live {
			p.restore()
			return
		}
		p.watch()
	}, p)
}

func (p *pace) restore() {
	if p.done.CompareAndSwap(false, true) {
		debug.SetGCPercent(p.was)
	}
}

// liveHeap is about the heap the last collection found live, in bytes: what is allocated,
// read just after a collection. (runtime/metrics has the exact figure, but its package
// initialisation alone takes half a millisecond of every command's start.)
func liveHeap() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
