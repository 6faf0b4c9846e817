package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"

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
	m   map[string]*parsedPeriod
	// last is the label last looked up, when it is cached; nil before. A long table often
	// gives the same period row after row, or (in indicator order) each indicator's periods
	// in the same order: see parsedPeriod.next.
	last *parsedPeriod
}

type parsedPeriod struct {
	label string // the cache's own copy
	p     period.Period
	err   error
	key   int32 // p packed as a Dataset stores a value's period (periodKey)
	// next is the label looked up after this one, the last time another followed it.
	next *parsedPeriod
}

func newPeriodCache(cal period.Calendar) *periodCache {
	return &periodCache{cal: cal, m: map[string]*parsedPeriod{}}
}

// cached is label's entry, if it is cached: the label last looked up, or the one that
// followed it last time, is tried before the map.
func (pc *periodCache) cached(label string) *parsedPeriod {
	last := pc.last
	if last == nil {
		return nil // nothing is cached
	}
	if last.label == label {
		return last
	}
	r := last.next
	if r == nil || r.label != label {
		if r = pc.m[label]; r == nil {
			return nil
		}
		last.next = r
	}
	pc.last = r
	return r
}

// parse is cal.ParsePeriod(label), remembered.
func (pc *periodCache) parse(label string) (period.Period, error) {
	if r := pc.cached(label); r != nil {
		return r.p, r.err
	}
	// A copy: label is part of a row's text, and the error made of it may be kept.
	label = strings.Clone(label)
	p, err := pc.cal.ParsePeriod(label)
	if err != nil {
		if d, ok := dateSerial(label); ok {
			err = fmt.Errorf("%s looks like an Excel date serial for %s (a date in a cell formatted as General or Number); format the cell as a date, or type the month as %s", label, d.Format("2006-01-02"), d.Format("2006-01"))
		}
	}
	if pc.m != nil && len(pc.m) < maxCachedPeriods {
		r := &parsedPeriod{label: label, p: p, err: err, key: periodKey(p, false)}
		pc.m[label] = r
		if pc.last != nil {
			pc.last.next = r
		}
		pc.last = r
	}
	return p, err
}

// key is the period of label packed as a Dataset stores a value's (periodKey), if it reads:
// parse, without unpacking and packing again the period of a label cached.
func (pc *periodCache) key(label string) (int32, bool) {
	if r := pc.cached(label); r != nil {
		return r.key, r.err == nil
	}
	p, err := pc.parse(label)
	if err != nil {
		return 0, false
	}
	return periodKey(p, false), true
}

// Date serials read as dates in a message: whole numbers from 1 January 1970 to 31 December
// 2099 in Excel's 1900 date system, where day 1 is 1 January 1900 and, as in Lotus 1-2-3,
// 29 February 1900 is counted, so from 1 March 1900 day n is n days after 30 December 1899.
const (
	minDateSerial = 25569 // 1970-01-01
	maxDateSerial = 73050 // 2099-12-31
)

// dateSerial reads a period label that is an Excel date serial shown as a number (45107 is
// 30 June 2023), which no period label is.
func dateSerial(label string) (time.Time, bool) {
	n, err := strconv.Atoi(label)
	if err != nil || n < minDateSerial || n > maxDateSerial {
		return time.Time{}, false
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n), true
}
