//go:build unix

package data

import (
	"syscall"
	"testing"
	"time"
)

// reportCPU reports, beside a benchmark's time, the CPU time per operation that the process
// spent (every thread: the collector's work too) from start: on a shared machine the wall time
// of a run swings with the load, and its CPU time much less.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(processCPU()-start)/float64(b.N)/1e6, "cpu-ms/op")
}

// processCPU is the user and system time the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
