package data

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// Match checks what was read against the catalogue and files each value under its indicator's
// own code and period: a quarter for a quarterly indicator (a month stands for the quarter
// that contains it), a month for a monthly one. Every problem is reported: unknown codes, a
// quarter given for a monthly indicator, and the same value given twice, naming both places.
// The Store holds every value that could be placed.
func Match(ds *Dataset, cat *catalogue.Catalogue) (*Store, *diag.List) {
	m := newMatcher(cat)
	m.store.Returns = ds.Returns
	m.returns = returnFiles(ds.Returns)
	for _, pt := range ds.parts {
		m.part(pt)
	}
	m.store.settle()
	for _, c := range ds.Comments {
		m.comment(c)
	}
	m.reportUnknown()
	m.checkQuarterTotals(cat)
	reportComparatorValues(ds, m.probs)
	return m.store, m.probs
}

// checkQuarterTotals reports a quarter whose months, each a valid number, add up to more than
// a number can hold, which would otherwise surface as an infinite quarter value.
func (m *matcher) checkQuarterTotals(cat *catalogue.Catalogue) {
	for _, ind := range cat.Indicators {
		if ind.Frequency != catalogue.Monthly || ind.Aggregate == catalogue.Last {
			continue
		}
		type total struct {
			sum     float64
			last    Value // the quarter's latest month, where the message points
			lastIdx int
		}
		totals := map[int]*total{}
		var quarters []int
		for idx, v := range m.store.Series(ind.Code).All() {
			if v.Missing {
				continue
			}
			q := m.cal.QuarterOf(period.MonthFromIndex(idx)).Index()
			t := totals[q]
			if t == nil {
				t = &total{lastIdx: -1 << 62}
				totals[q] = t
				quarters = append(quarters, q)
			}
			t.sum += v.V
			if idx > t.lastIdx {
				t.last, t.lastIdx = v, idx
			}
		}
		sort.Ints(quarters)
		for _, q := range quarters {
			if t := totals[q]; math.IsInf(t.sum, 0) {
				label := m.cal.Label(period.FromIndex(q))
				m.probs.Add(diag.Problem{Place: t.last.Place, Message: fmt.Sprintf("the months of %s for %s add up to more than a number can hold; check the values", label, ind.Code), Severity: diag.Error}.About(ind.Code, label))
			}
		}
	}
}

type matcher struct {
	cal   period.Calendar
	cat   *catalogue.Catalogue
	codes []string // catalogue codes, for suggestions
	store *Store
	probs *diag.List

	returns map[string]*Return // the data files that are returns, by file (see revise.go)

	unknown      map[unknownKey]*unknownCode
	unknownOrder []unknownKey
	// Past the first diag.MaxPerFile of a file, which are all a list keeps, an unknown code
	// is only counted: a file of a million codes meant for another catalogue would otherwise
	// hold half a kilobyte for each.
	unknownKept map[string]int                   // distinct codes kept, by file
	unknownOnly map[unknownTable]map[string]bool // codes past those, by table
}

type unknownTable struct{ file, sheet string }

// unknownKey groups an unknown code's uses within one table, so a code that fills a sheet is
// one message, not hundreds.
type unknownKey struct {
	code, file, sheet string
}

type unknownCode struct {
	code  string
	first diag.Place
	count int
}

func newMatcher(cat *catalogue.Catalogue) *matcher {
	m := &matcher{
		cal:     cat.Calendar,
		cat:     cat,
		store:   NewStore(),
		probs:   &diag.List{},
		unknown: map[unknownKey]*unknownCode{},

		unknownKept: map[string]int{},
		unknownOnly: map[unknownTable]map[string]bool{},
	}
	for _, ind := range cat.Indicators {
		m.codes = append(m.codes, ind.Code)
	}
	return m
}

// part matches one file's observations, in row order. Each distinct code is looked up once,
// and each indicator's series is given the room the file needs before any is filed.
func (m *matcher) part(pt *part) {
	uses := make([]int, len(pt.strs))
	for i := range pt.obs.n {
		uses[pt.obs.at(i).code]++
	}
	// series[id] is where the values of code id go, nil for a code not in the catalogue;
	// codes written in different cases share their indicator's series.
	series := make([]*Series, len(pt.strs))
	inds := make([]*catalogue.Indicator, len(pt.strs))
	for id, n := range uses {
		if n == 0 {
			continue
		}
		if ind, ok := m.cat.Indicator(pt.strs[id]); ok {
			inds[id], series[id] = ind, m.store.seriesFor(ind.Code, 0)
		}
	}
	room := map[*Series]int{}
	for id, s := range series {
		if s != nil {
			room[s] += uses[id]
		}
	}
	for s, n := range room {
		s.entries = slices.Grow(s.entries, n)
	}
	tables := make([]uint32, len(pt.sheets)) // the store's index of each of the part's tables
	for i, sheet := range pt.sheets {
		tables[i] = m.store.table(diag.Place{File: pt.file, Sheet: sheet})
	}
	for c := pt.records(); c.next(); {
		code := c.r.code
		if series[code] == nil {
			m.indicator(pt.strs[code], pt.place(&c)) // records the unknown use
			continue
		}
		m.value(inds[code], series[code], pt.observation(&c), tables[c.w.table])
	}
}

// label is p's canonical label, for a problem's period.
func (m *matcher) label(p period.Period) string {
	if p.Kind == period.KindQuarter {
		return m.cal.Label(p.Quarter)
	}
	return p.Month.String()
}

// errorf reports a problem with the observation of ind for p being filed.
func (m *matcher) errorf(ind *catalogue.Indicator, p period.Period, at diag.Place, format string, args ...any) {
	m.probs.Add(diag.Problem{Place: at, Message: fmt.Sprintf(format, args...), Severity: diag.Error}.About(ind.Code, m.label(p)))
}

func (m *matcher) indicator(code string, at diag.Place) (*catalogue.Indicator, bool) {
	if ind, ok := m.cat.Indicator(code); ok {
		return ind, true
	}
	key := unknownKey{strings.ToUpper(code), at.File, at.Sheet}
	u, seen := m.unknown[key]
	if !seen && m.unknownKept[at.File] >= diag.MaxPerFile {
		table := unknownTable{at.File, at.Sheet}
		if m.unknownOnly[table] == nil {
			m.unknownOnly[table] = map[string]bool{}
		}
		m.unknownOnly[table][key.code] = true
		return nil, false
	}
	if !seen {
		m.unknownKept[at.File]++
		u = &unknownCode{code: code, first: at}
		m.unknown[key] = u
		m.unknownOrder = append(m.unknownOrder, key)
	}
	u.count++
	return nil, false
}

// value files one observation of a known indicator in its series; table is the store's index
// of the file and sheet it was read from.
func (m *matcher) value(ind *catalogue.Indicator, series *Series, obs Observation, table uint32) {
	idx, ok := m.index(ind, obs.Period, obs.Place)
	if !ok {
		return
	}
	if obs, ok = m.ratioValue(ind, obs); !ok {
		return
	}
	v := Value{V: obs.Value, Missing: obs.Missing, Ratio: obs.Ratio, Place: obs.Place}
	if prev, dup := series.file(idx, v, table); dup && !m.resolve(ind, series, idx, prev, v, table, obs.Period) {
		m.errorf(ind, obs.Period, obs.Place, "%s", m.duplicateMessage(ind, obs.Period, idx, prev.Place, obs.Place))
		return
	}
	if !obs.Missing {
		if q := m.cal.QuarterOfPeriod(obs.Period); m.store.Latest.IsZero() || m.store.Latest.Before(q) {
			m.store.Latest = q
		}
	}
}

// index is the key of a period in the indicator's own series.
func (m *matcher) index(ind *catalogue.Indicator, p period.Period, at diag.Place) (int, bool) {
	if ind.Frequency != catalogue.Monthly {
		return m.cal.QuarterOfPeriod(p).Index(), true
	}
	if p.Kind == period.KindQuarter {
		ms := m.cal.Months(p.Quarter)
		m.errorf(ind, p, at, "%s is monthly: give months (%s, %s, %s), not a quarter", ind.Code, ms[0], ms[1], ms[2])
		return 0, false
	}
	return p.Month.Index(), true
}

func (m *matcher) duplicateMessage(ind *catalogue.Indicator, p period.Period, idx int, first, here diag.Place) string {
	if first == here {
		// Two columns of one csv row of a wide table name the same period.
		label := p.Month.String()
		if ind.Frequency != catalogue.Monthly {
			label = m.cal.Label(period.FromIndex(idx))
		}
		return fmt.Sprintf("%s %s is given twice on this line: two of its columns are the same period; keep one", ind.Code, label)
	}
	if ind.Frequency == catalogue.Monthly {
		return fmt.Sprintf("%s %s is given twice: here and at %s; keep one", ind.Code, p.Month, first)
	}
	q := period.FromIndex(idx)
	if p.Kind == period.KindMonth {
		return fmt.Sprintf("%s %s is given twice: here (as %s) and at %s; %s is quarterly, so a month stands for its quarter: keep one value per quarter", ind.Code, m.cal.Label(q), p.Month, first, ind.Code)
	}
	return fmt.Sprintf("%s %s is given twice: here and at %s; keep one", ind.Code, m.cal.Label(q), first)
}

func (m *matcher) comment(c Comment) {
	ind, ok := m.indicator(c.Code, c.Place)
	if !ok {
		return
	}
	q := m.cal.QuarterOfPeriod(c.Period)
	c.Code = ind.Code
	if prev, dup := m.store.Comment(ind.Code, q); dup {
		if m.resolveComment(prev, c) {
			return
		}
		m.probs.Add(diag.Problem{Place: c.Place, Message: fmt.Sprintf("commentary for %s %s is given twice: here and at %s; keep one", ind.Code, m.cal.Label(q), prev.Place), Severity: diag.Error}.About(ind.Code, m.cal.Label(q)))
		return
	}
	c.Code = ind.Code
	m.store.SetComment(ind.Code, q, c)
}

// maxSuggestions bounds the search for a likely slip: each search compares the code with every
// catalogue code, and data with thousands of unknown codes was meant for another catalogue.
const maxSuggestions = 200

// reportUnknown lists every code not in the catalogue, once per table, at its first use.
func (m *matcher) reportUnknown() {
	for i, key := range m.unknownOrder {
		u := m.unknown[key]
		uses := ""
		if u.count > 1 {
			uses = fmt.Sprintf(" (first of %d uses in this %s)", u.count, tableWord(u.first))
		}
		advice := "correct the code or add the indicator to the catalogue"
		if i < maxSuggestions {
			if near := nearestCode(u.code, m.codes); near != "" {
				advice = fmt.Sprintf("did you mean %s?", near)
			}
		}
		m.probs.Add(diag.Problem{Place: u.first, Message: fmt.Sprintf("code %q is not in the catalogue%s; %s", u.code, uses, advice), Severity: diag.Error}.About(u.code, ""))
	}
	tables := make([]unknownTable, 0, len(m.unknownOnly))
	for t := range m.unknownOnly {
		tables = append(tables, t)
	}
	sort.Slice(tables, func(i, j int) bool {
		return tables[i].file < tables[j].file || tables[i].file == tables[j].file && tables[i].sheet < tables[j].sheet
	})
	for _, t := range tables {
		m.probs.Add(diag.Problem{Place: diag.Place{File: t.file}, Severity: diag.Error, Unlisted: diag.Unlisted{Errors: len(m.unknownOnly[t])}})
	}
}

func tableWord(at diag.Place) string {
	if at.Sheet != "" {
		return "sheet"
	}
	return "file"
}
