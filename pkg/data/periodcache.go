package data

import (
	"strings"

	"github.com/example/qpr/pkg/period"
)

// maxCachedPeriods bounds the cache: a real table has a few dozen distinct labels, and a
// hostile one with a million must not make the cache the largest thing in memory.
const maxCachedPeriods = 4096

// periodCache parses each distinct period label once: a long table repeats the same few
// labels on every row, and parsing one is far dearer than looking it up. Both the csv and the
// xlsx readers use it, through table. A nil map in a zero cache (cal only) caches nothing.
type periodCache struct {
	cal period.Calendar
	m   map[string]parsedPeriod
}

type parsedPeriod struct {
	p   period.Period
	err error
}

func newPeriodCache(cal period.Calendar) *periodCache {
	return &periodCache{cal: cal, m: map[string]parsedPeriod{}}
}

// parse is cal.ParsePeriod(label), remembered.
func (pc *periodCache) parse(label string) (period.Period, error) {
	if r, ok := pc.m[label]; ok {
		return r.p, r.err
	}
	p, err := pc.cal.ParsePeriod(label)
	if pc.m != nil && len(pc.m) < maxCachedPeriods {
		pc.m[strings.Clone(label)] = parsedPeriod{p, err} // a copy: label may be part of a whole line
	}
	return p, err
}
