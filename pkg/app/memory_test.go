package app

import (
	"testing"

	"github.com/example/qpr/pkg/render"
)

func TestMemoryPlanWeighsOutputsAndSetsTheLimit(t *testing.T) {
	pdf := render.Format{Name: "pdf", BytesPerIndicator: 26 << 10}
	json := render.Format{Name: "json", BytesPerIndicator: 4 << 10}
	m := memoryPlan{members: []int64{10_000, 20_000}, formats: []render.Format{pdf, json}}
	if got, want := m.weight(0, "pdf"), int64(10_000*26*1024); got != want {
		t.Errorf("weight of pack 0's pdf %d, want %d", got, want)
	}
	if got, want := m.weight(1, "json"), int64(20_000*4*1024); got != want {
		t.Errorf("weight of pack 1's json %d, want %d", got, want)
	}
	if got := m.weight(0, "html"); got != 0 {
		t.Errorf("weight of a format not planned %d, want 0", got)
	}
	// The largest output is pack 1's PDF: 20,000 x (8 + 26) KiB = 680,000 KiB, and half as
	// much again is 1,020,000 KiB.
	if got, want := m.limit(), int64(1_020_000*1024); got != want {
		t.Errorf("limit %d, want %d", got, want)
	}
	// 1,000 indicators would want 51,000 KiB: the floor of 512 MiB stands.
	small := memoryPlan{members: []int64{1_000}, formats: []render.Format{pdf, json}}
	if got, want := small.limit(), int64(512<<20); got != want {
		t.Errorf("limit for 1,000 indicators %d, want %d", got, want)
	}
}
