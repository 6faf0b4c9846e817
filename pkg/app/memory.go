package app

import (
	"os"
	"runtime/debug"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/render"
)

// How build keeps a large pack's memory down (docs/performance.md). The figures are estimates
// from the formats' BytesPerIndicator, measured at 10,000 indicators x 20 quarters.
const (
	// renderBudget is the most that the outputs rendered at once may hold between them by
	// their estimates: at 10,000 indicators it lets the JSON render beside the PDF, and the
	// workbook beside the HTML, but not the PDF beside the workbook or the HTML.
	renderBudget = 320 << 20
	// reportBytesPerIndicator is the data read and a pack's report, for each indicator.
	reportBytesPerIndicator = 8 << 10
	// leastMemoryLimit is the lowest soft memory limit build sets.
	leastMemoryLimit = 512 << 20
)

// memoryPlan is what build knows, before rendering, of the memory each output will take.
type memoryPlan struct {
	members []int64 // indicators in each pack
	formats []render.Format
}

func newMemoryPlan(cat *catalogue.Catalogue, packs []catalogue.Pack, formats []render.Format) memoryPlan {
	m := memoryPlan{formats: formats}
	for _, p := range packs {
		m.members = append(m.members, int64(len(cat.Members(p))))
	}
	return m
}

// weight is the estimated memory of pack's output in format while it is rendered.
func (m memoryPlan) weight(pack int, format string) int64 {
	for _, f := range m.formats {
		if f.Name == format {
			return m.members[pack] * f.BytesPerIndicator
		}
	}
	return 0
}

// limit is the soft memory limit for rendering: half as much again as the largest output's
// estimate with its report, and at least leastMemoryLimit. Below it Go's collector keeps
// its usual pace; near it the collector works harder rather than let the heap grow, which
// the output compressors' short-lived garbage would otherwise take to twice the live heap.
// Half again leaves the collector room, so that a pack larger than estimated costs some
// collection time rather than most of it.
func (m memoryPlan) limit() int64 {
	var most int64
	for i, n := range m.members {
		for _, f := range m.formats {
			most = max(most, n*reportBytesPerIndicator+m.weight(i, f.Name))
		}
	}
	return max(leastMemoryLimit, most/2*3)
}

// limitMemory sets Go's soft memory limit to limit for the rest of the build, unless the
// user has set GOMEMLIMIT, which then stands; the returned function restores the limit.
func limitMemory(limit int64) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	was := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(was) }
}
