//go:build !unix

package data

import (
	"testing"
	"time"
)

// reportCPU reports nothing where the process's CPU time is not read (see the unix file).
func reportCPU(*testing.B, time.Duration) {}

func processCPU() time.Duration { return 0 }
