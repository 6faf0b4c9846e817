//go:build profile

package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// A binary built with -tags profile writes a CPU profile to $QPR_CPUPROFILE and a heap
// profile (taken at exit) to $QPR_MEMPROFILE, for docs/performance.md's measurements;
// the released binary has neither.
func init() {
	if path := os.Getenv("QPR_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "qpr: cpu profile:", err)
			os.Exit(1)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "qpr: cpu profile:", err)
			os.Exit(1)
		}
		atExit = append(atExit, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if path := os.Getenv("QPR_HEAPPROFILE"); path != "" {
		// the live heap at a moment of the run: QPR_HEAPAFTER (a duration, default 10s) in.
		after, err := time.ParseDuration(os.Getenv("QPR_HEAPAFTER"))
		if err != nil {
			after = 10 * time.Second
		}
		time.AfterFunc(after, func() {
			f, err := os.Create(path)
			if err != nil {
				return
			}
			defer f.Close()
			runtime.GC()
			pprof.Lookup("heap").WriteTo(f, 0)
		})
	}
	if path := os.Getenv("QPR_MEMPROFILE"); path != "" {
		runtime.MemProfileRate = 64 * 1024
		atExit = append(atExit, func() {
			f, err := os.Create(path)
			if err != nil {
				return
			}
			defer f.Close()
			pprof.Lookup("allocs").WriteTo(f, 0)
		})
	}
}
