// Package catalogue loads the indicator catalogue: what each indicator is, how it is rated and
// trended, and which report packs exist.
package catalogue

import (
	"math"

	"github.com/example/qpr/pkg/period"
)

// Catalogue is the whole of a loaded catalogue file, defaults applied.
type Catalogue struct {
	File string // path it was loaded from, for messages
	// Digest is the SHA-256 of the file's bytes, in hex: a return records the catalogue it was
	// made from, and a return read back is checked against it.
	Digest       string
	Organisation string
	Title        string
	// Language is the report's language as a BCP 47 tag (en-GB, cy), for the HTML edition's
	// lang attribute; empty when the catalogue does not say, which renderers take as en-GB.
	Language     string
	Calendar     period.Calendar
	Trend        TrendSpec
	Projection   ProjectionSpec // default for every indicator
	Owners       []Owner        // optional: who answers for indicators, each sent a return
	Directorates []Directorate
	Indicators   []*Indicator
	Packs        []Pack
	Events       []Event           // what explains the charts: drawn on them and listed in the JSON
	Comparators  []ComparatorGroup // comparators.go

	index *codeIndex // see Indicator; nil until Reindex
}

// Directorate is one of the catalogue's directorates: the code indicators name it by and
// the name reports show.
type Directorate struct {
	Code  string
	Name  string
	Owner string // optional: the owner of its indicators that name none
}

// Type is what kind of indicator it is: a KPI is rated against a target and floor, an
// activity indicator against an expected range.
type Type string

const (
	KPI      Type = "kpi"
	Activity Type = "activity"
)

// Polarity says which way is better for an indicator's value.
type Polarity string

const (
	Higher Polarity = "higher"
	Lower  Polarity = "lower"
)

// Unit is what an indicator's values measure; it decides how they are shown.
type Unit string

const (
	Percent  Unit = "percent"
	Number   Unit = "number"
	Days     Unit = "days"
	Currency Unit = "currency"
	Rate     Unit = "rate"
)

// Frequency is how often an indicator's data comes: one value a quarter or one a month.
type Frequency string

const (
	Quarterly Frequency = "quarterly"
	Monthly   Frequency = "monthly"
)

// Aggregate is how a monthly indicator's months make its quarter value.
type Aggregate string

const (
	Last Aggregate = "last"
	Sum  Aggregate = "sum"
	Mean Aggregate = "mean"
)

// TrendSpec is the direction-of-travel settings; an indicator's spec is the catalogue default
// with the indicator's own keys laid over it.
type TrendSpec struct {
	Method      string  // regression | mann-kendall | spc | last-change | year-on-year
	Window      int     // quarters
	Alpha       float64 // significance level
	Tolerance   float64 // last-change / year-on-year
	ShiftPoints int     // spc
	TrendPoints int     // spc
	ScreenMR    bool    // spc moving-range screening
}

// Bounds on settings whose size sets the work done, far beyond any real use: twenty years
// of quarters for a trend window, ten years for a value standing in for a quarter.
const (
	MaxWindow = 80
	MaxLag    = 40
)

// DefaultTrend is the contract's default.
var DefaultTrend = TrendSpec{Method: "regression", Window: 8, Alpha: 0.05, ShiftPoints: 7, TrendPoints: 7, ScreenMR: true}

// EveryYear keys thresholds or an expected range that apply to every financial year: it is at or
// before any year a period can fall in.
const EveryYear = math.MinInt32

// Thresholds are a KPI's target and floor for one financial year. Null marks a year set to
// null in the catalogue: not rated from that year on.
type Thresholds struct {
	Null   bool
	Target *float64
	Floor  *float64
	// Profile sets the target and floor of single quarters of the year (1 to 4) apart from
	// the year's: a cumulative measure's path through the year, or a planned recovery.
	Profile map[int]Thresholds
}

// Expected is an activity indicator's expected range for one financial year.
type Expected struct {
	Null  bool
	Lower *float64
	Upper *float64
}

// Indicator is one entry of the catalogue, defaults applied: what it measures, how it is
// rated (thresholds or an expected range per financial year), trended and shown.
type Indicator struct {
	Code        string
	Name        string
	Directorate string
	Owner       string // owner id, its directorate's when it names none; "" without owners
	Type        Type
	Polarity    Polarity // empty for an activity indicator without one
	Unit        Unit
	Decimals    int
	Frequency   Frequency
	Aggregate   Aggregate
	MaxLag      int // quarters an older value may stand in for a missing one
	Tags        []string
	Trend       TrendSpec
	Description string  // optional: what the indicator measures, for readers
	Meaning     Meaning // definition, source, data quality: "About this indicator"
	Basis       Basis   // what a value covers; BasisQuarter unless the catalogue says otherwise
	SPC         SPCSpec
	Projection  ProjectionSpec
	Benchmark   *Benchmark // comparators.go; nil when the indicator is not compared

	// Per financial year (keyed by the calendar year the financial year starts in); the latest
	// year at or before a period applies. A target or range given at indicator level, for
	// every year, is keyed EveryYear.
	Thresholds map[int]Thresholds
	Expected   map[int]Expected

	Line int // line of the indicator in the catalogue, for messages
}

// Include selects a pack's indicators: any matching tag, directorate or code.
type Include struct {
	Tags         []string
	Directorates []string
	Codes        []string
}

// Pack is a report pack: a report of the indicators its Include selects.
type Pack struct {
	ID      string
	Title   string
	Include *Include // nil = every indicator
}

// ThresholdsFor returns the thresholds of the latest year at or before fy, and whether any apply.
func (ind *Indicator) ThresholdsFor(fy int) (Thresholds, bool) {
	best, found := 0, false
	var t Thresholds
	for y, th := range ind.Thresholds {
		if y <= fy && (!found || y > best) {
			best, t, found = y, th, true
		}
	}
	if !found || t.Null {
		return Thresholds{}, false
	}
	return t, true
}

// ExpectedFor returns the expected range of the latest year at or before fy.
func (ind *Indicator) ExpectedFor(fy int) (Expected, bool) {
	best, found := 0, false
	var e Expected
	for y, ex := range ind.Expected {
		if y <= fy && (!found || y > best) {
			best, e, found = y, ex, true
		}
	}
	if !found || e.Null {
		return Expected{}, false
	}
	return e, true
}

// Directorate looks a directorate up by code.
func (c *Catalogue) Directorate(code string) (Directorate, bool) {
	for _, d := range c.Directorates {
		if d.Code == code {
			return d, true
		}
	}
	return Directorate{}, false
}

// Indicator looks an indicator up by code, case-insensitively as data files are. It is called
// once per code in the data, so a loaded catalogue answers from an index rather than a scan.
func (c *Catalogue) Indicator(code string) (*Indicator, bool) {
	if idx := c.index; idx.covers(c.Indicators) {
		if ind, ok := idx.exact[code]; ok {
			return ind, true
		}
		ind, ok := idx.folded[foldCode(code)]
		return ind, ok
	}
	for _, ind := range c.Indicators {
		if equalFold(ind.Code, code) {
			return ind, true
		}
	}
	return nil, false
}

// Reindex builds the index Indicator looks codes up in. Load does it; a catalogue built or
// changed by hand is looked up by a scan until Reindex is called again.
func (c *Catalogue) Reindex() {
	idx := &codeIndex{
		indicators: c.Indicators,
		exact:      make(map[string]*Indicator, len(c.Indicators)),
		folded:     make(map[string]*Indicator, len(c.Indicators)),
	}
	// The first of two codes that differ only in case wins, as in the scan.
	for _, ind := range c.Indicators {
		if _, dup := idx.exact[ind.Code]; !dup {
			idx.exact[ind.Code] = ind
		}
		if k := foldCode(ind.Code); idx.folded[k] == nil {
			idx.folded[k] = ind
		}
	}
	c.index = idx
}

// codeIndex maps the catalogue's codes to their indicators: as written, and folded to upper
// case (ASCII letters only, as equalFold compares).
type codeIndex struct {
	indicators []*Indicator // what the index was built from
	exact      map[string]*Indicator
	folded     map[string]*Indicator
}

// covers reports whether the index was built from these indicators, unchanged in number and
// place (a copy of a catalogue with other indicators must not use the original's index).
func (idx *codeIndex) covers(inds []*Indicator) bool {
	if idx == nil || len(idx.indicators) != len(inds) {
		return false
	}
	return len(inds) == 0 || &idx.indicators[0] == &inds[0]
}

// foldCode upper-cases the ASCII letters of a code, the folding equalFold does.
func foldCode(code string) string {
	for i := 0; i < len(code); i++ {
		if 'a' <= code[i] && code[i] <= 'z' {
			b := []byte(code)
			for j := i; j < len(b); j++ {
				if 'a' <= b[j] && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return code
}

// Pack looks a pack up by id, ignoring case: ids are unique that way (they name files, and
// file names may ignore case), as indicator codes are.
func (c *Catalogue) Pack(id string) (Pack, bool) {
	for _, p := range c.Packs {
		if equalFold(p.ID, id) {
			return p, true
		}
	}
	return Pack{}, false
}

// Members lists the pack's indicators in catalogue order.
func (c *Catalogue) Members(p Pack) []*Indicator {
	var out []*Indicator
	for _, ind := range c.Indicators {
		if p.Include == nil || p.Include.Matches(ind) {
			out = append(out, ind)
		}
	}
	return out
}

// Matches reports whether ind matches any of the include's tags, directorates or codes.
func (inc *Include) Matches(ind *Indicator) bool {
	for _, t := range inc.Tags {
		for _, it := range ind.Tags {
			if t == it {
				return true
			}
		}
	}
	for _, d := range inc.Directorates {
		if d == ind.Directorate {
			return true
		}
	}
	for _, code := range inc.Codes {
		if equalFold(code, ind.Code) {
			return true
		}
	}
	return false
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
