package app

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// gcPercent is the collector's pace now, read without changing it.
func gcPercent(t *testing.T) int64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		t.Skip("this Go does not report /gc/gogc:percent")
	}
	return int64(s[0].Value.Uint64())
}

func TestPaceSmallHeapSlowsTheCollectorUntilTheHeapGrows(t *testing.T) {
	t.Setenv("GOGC", "") // the test's own environment must not stand in the way
	defer debug.SetGCPercent(debug.SetGCPercent(100))

	runtime.GC()
	restore := paceSmallHeap(liveHeap() + 8<<20) // 8 MiB over what the test process holds
	if got := gcPercent(t); got != smallHeapGCPercent {
		t.Fatalf("pace %d while the heap is small, want %d", got, smallHeapGCPercent)
	}
	runtime.GC() // a collection with little live leaves the pace as it is
	time.Sleep(10 * time.Millisecond)
	if got := gcPercent(t); got != smallHeapGCPercent {
		t.Fatalf("pace %d after a collection with little live, want %d", got, smallHeapGCPercent)
	}
	big := make([]byte, 12<<20) // more than the 8 MiB, live across the next collections
	for i := 0; i < 100 && gcPercent(t) != 100; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	runtime.KeepAlive(big)
	if got := gcPercent(t); got != 100 {
		t.Errorf("pace %d once 12 MiB was live, want the usual 100", got)
	}
	restore() // restoring again changes nothing
	if got := gcPercent(t); got != 100 {
		t.Errorf("pace %d after restore, want 100", got)
	}
}

func TestPaceSmallHeapRestores(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	restore := paceSmallHeap(1 << 40)
	restore()
	if got := gcPercent(t); got != 150 {
		t.Errorf("pace %d after restore, want the 150 it was", got)
	}
}

func TestPaceSmallHeapLeavesGOGCAlone(t *testing.T) {
	t.Setenv("GOGC", "150")
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	restore := paceSmallHeap(1 << 40)
	if got := gcPercent(t); got != 150 {
		t.Errorf("pace %d under GOGC=150, want 150", got)
	}
	restore()
}
