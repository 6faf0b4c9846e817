package data

import (
	"iter"
	"maps"
	"slices"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// Value is an indicator's value for one of its own periods.
type Value struct {
	V       float64
	Missing bool
	Ratio   *Ratio // the numerator and denominator behind V, when given
	Place   diag.Place
}

// Store holds the data matched to the catalogue, keyed by the catalogue's own code. Each
// indicator's values are one Series, packed and in period order: a national return files a
// million values, and a map per indicator would hold each in several times its size.
type Store struct {
	// Latest quarter in which any indicator has a (non-missing) value; zero if none.
	Latest period.Quarter
	// Returns are the data files that are returns, with their sign-off, by which a value's
	// place says where it came from.
	Returns []Return
	// Revisions are the values signed returns changed, in the order found (see revise.go).
	Revisions []Revision

	series   map[string]*Series
	order    []*Series // in the order first filed, so that All is the same from run to run
	comments map[commentKey]Comment

	// What the entries of every series refer to, each stored once: the tables (a file, and a
	// sheet in it) that values come from, and the numerators and denominators given.
	tables  []diag.Place
	tableID map[diag.Place]uint32
	ratios  map[ratioKey]*Ratio
}

type commentKey struct {
	code    string
	quarter int
}

// Series is one indicator's values, by the index of its own periods: quarter index
// (period.Quarter.Index) for a quarterly indicator, month index (period.Month.Index) for a
// monthly one. A nil Series has no values.
type Series struct {
	code    string
	store   *Store
	entries []entry // ascending period index, one entry per period

	// While values are filed out of period order, where each period's entry is; nil once the
	// entries are sorted (see Store.settle).
	pos *positions
}

// entry is a Value packed into 24 bytes: the place's file and sheet are referred to by index
// in the Store, where the values given with a numerator and denominator (only ratio tables
// have them) find those too.
type entry struct {
	v     float64
	idx   int32  // period index (as in a Dataset, whose periods all fit)
	line  uint32 // line of a csv file, row of a sheet
	col   uint32 // 1-based column of a sheet's cell; 0 for none
	table uint32 // in Store.tables, with entryMissing and entryRatio
}

const (
	entryMissing = 1 << 31 // a missing marker, not a value
	entryRatio   = 1 << 30 // given with a numerator and denominator: see Store.ratios
	entryTable   = entryRatio - 1
)

// ratioKey is where a value's ratio is kept: by series and period, since a series' entries
// move as it is sorted.
type ratioKey struct {
	series *Series
	idx    int32
}

// NewStore is an empty store, for values filed one by one with Set.
func NewStore() *Store { return &Store{} }

// StoreOf is a store of the values given by indicator code and period index, as Set files
// them one by one: for a store made by hand (tests, the example's generator).
func StoreOf(values map[string]map[int]Value) *Store {
	st := NewStore()
	for _, code := range slices.Sorted(maps.Keys(values)) {
		st.seriesFor(code, len(values[code]))
		for _, idx := range slices.Sorted(maps.Keys(values[code])) {
			st.Set(code, idx, values[code][idx])
		}
	}
	return st
}

// Series is the values of the indicator with the catalogue code given; nil if it has none.
func (st *Store) Series(code string) *Series {
	if st == nil {
		return nil
	}
	return st.series[code]
}

// Len is the number of indicators with at least one value (a missing marker counts).
func (st *Store) Len() int {
	if st == nil {
		return 0
	}
	return len(st.order)
}

// All yields each indicator's code and series, in the order they were first filed.
func (st *Store) All() iter.Seq2[string, *Series] {
	return func(yield func(string, *Series) bool) {
		if st == nil {
			return
		}
		for _, s := range st.order {
			if !yield(s.code, s) {
				return
			}
		}
	}
}

// Comment is the commentary for an indicator's quarter, if any was given.
func (st *Store) Comment(code string, q period.Quarter) (Comment, bool) {
	if st == nil {
		return Comment{}, false
	}
	c, ok := st.comments[commentKey{code, q.Index()}]
	return c, ok
}

// SetComment files c as the commentary for an indicator's quarter, replacing any there.
func (st *Store) SetComment(code string, q period.Quarter, c Comment) {
	if st.comments == nil {
		st.comments = map[commentKey]Comment{}
	}
	st.comments[commentKey{code, q.Index()}] = c
}

// Set files v as an indicator's value for period idx (see Series), replacing any there. It is
// for building a store by hand, value by value; Match files a whole dataset at once.
func (st *Store) Set(code string, idx int, v Value) {
	s := st.seriesFor(code, 1)
	i, found := s.find(idx)
	if found {
		delete(st.ratios, ratioKey{s, int32(idx)}) // the value replaced may have had one
		s.entries[i] = s.pack(idx, v, st.table(v.Place))
		return
	}
	s.entries = slices.Insert(s.entries, i, s.pack(idx, v, st.table(v.Place)))
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// seriesFor is the series of code, made with room for n values if it is new.
func (st *Store) seriesFor(code string, n int) *Series {
	if s := st.series[code]; s != nil {
		return s
	}
	if st.series == nil {
		st.series = map[string]*Series{}
	}
	s := &Series{code: code, store: st, entries: make([]entry, 0, n)}
	st.series[code] = s
	st.order = append(st.order, s)
	return s
}

// table is the index of place's file and sheet among the store's tables.
func (st *Store) table(at diag.Place) uint32 {
	key := diag.Place{File: at.File, Sheet: at.Sheet}
	if id, ok := st.tableID[key]; ok {
		return id
	}
	if st.tableID == nil {
		st.tableID = map[diag.Place]uint32{}
	}
	id := uint32(len(st.tables))
	st.tables = append(st.tables, key)
	st.tableID[key] = id
	return id
}

// pack makes v the entry for period idx of s, keeping its ratio aside.
func (s *Series) pack(idx int, v Value, table uint32) entry {
	e := entry{v: v.V, idx: int32(idx), line: uint32(max(v.Place.Line, 0)), col: uint32(max(v.Place.Col, 0)), table: table}
	if v.Ratio != nil {
		if s.store.ratios == nil {
			s.store.ratios = map[ratioKey]*Ratio{}
		}
		s.store.ratios[ratioKey{s, int32(idx)}] = v.Ratio
		e.table |= entryRatio
	}
	if v.Missing {
		e.table |= entryMissing
	}
	return e
}

func (s *Series) unpack(e *entry) Value {
	at := s.store.tables[e.table&entryTable]
	at.Line, at.Col = int(e.line), int(e.col)
	v := Value{V: e.v, Missing: e.table&entryMissing != 0, Place: at}
	if e.table&entryRatio != 0 {
		v.Ratio = s.store.ratios[ratioKey{s, e.idx}]
	}
	return v
}

// settle sorts the series filed out of period order, and drops the series left empty (every
// value refused) and what was needed only while filing.
func (st *Store) settle() {
	kept := st.order[:0]
	for _, s := range st.order {
		if s.pos != nil {
			slices.SortFunc(s.entries, func(a, b entry) int { return cmpInt(int(a.idx), int(b.idx)) })
			s.pos = nil
		}
		if len(s.entries) == 0 {
			delete(st.series, s.code)
			continue
		}
		kept = append(kept, s)
	}
	clear(st.order[len(kept):])
	st.order = kept
	st.tableID = nil
}

// Len is the number of periods with a value (a missing marker counts).
func (s *Series) Len() int {
	if s == nil {
		return 0
	}
	return len(s.entries)
}

// At is the value for period idx, if one was given.
func (s *Series) At(idx int) (Value, bool) {
	if s == nil {
		return Value{}, false
	}
	i, found := s.find(idx)
	if !found {
		return Value{}, false
	}
	return s.unpack(&s.entries[i]), true
}

// find is the position of period idx among the entries, or where it would go. Most series
// have a value for every period in their span, where that position is idx's offset from the
// first: it is tried before searching.
func (s *Series) find(idx int) (int, bool) {
	n := len(s.entries)
	switch {
	case n == 0 || idx < int(s.entries[0].idx):
		return 0, false
	case idx > int(s.entries[n-1].idx):
		return n, false
	}
	if i := idx - int(s.entries[0].idx); i < n && int(s.entries[i].idx) == idx {
		return i, true
	}
	return slices.BinarySearchFunc(s.entries, idx, func(e entry, idx int) int { return cmpInt(int(e.idx), idx) })
}

// All yields each period index with its value, in period order.
func (s *Series) All() iter.Seq2[int, Value] {
	return func(yield func(int, Value) bool) {
		if s == nil {
			return
		}
		for i := range s.entries {
			if !yield(int(s.entries[i].idx), s.unpack(&s.entries[i])) {
				return
			}
		}
	}
}

// file adds v for period idx unless the series has a value for idx already, which it returns
// instead. Values come in row order, which is mostly period order; one out of it makes the
// series keep track of where each period's entry is until Store.settle sorts them, so that
// filing stays linear however the rows (or the files) are ordered.
func (s *Series) file(idx int, v Value, table uint32) (Value, bool) {
	n := len(s.entries)
	switch {
	case s.pos != nil:
		if i, dup := s.pos.get(idx); dup {
			return s.unpack(&s.entries[i]), true
		}
	case n == 0 || int(s.entries[n-1].idx) < idx:
		s.entries = append(s.entries, s.pack(idx, v, table))
		return Value{}, false
	default:
		if i, dup := s.find(idx); dup {
			return s.unpack(&s.entries[i]), true
		}
		s.pos = &positions{}
		for i := range s.entries {
			s.pos.set(int(s.entries[i].idx), i, n)
		}
	}
	s.pos.set(idx, n, n+1)
	s.entries = append(s.entries, s.pack(idx, v, table))
	return Value{}, false
}

// positions is where each period's entry is in a series filed out of period order: an array
// over the span of periods while the series fills most of it, which is the usual case and
// costs 4 bytes a period; a map once it does not (a period mistyped decades out).
type positions struct {
	lo     int     // the period of dense[0]
	dense  []int32 // 1 + the entry's position, by period - lo; 0 for none
	sparse map[int]int32
}

// maxSpan is the most periods a dense index covers for a series of n values.
func maxSpan(n int) int { return 4*n + 64 }

func (p *positions) get(idx int) (int, bool) {
	if p.sparse != nil {
		i, ok := p.sparse[idx]
		return int(i), ok
	}
	if i := idx - p.lo; i >= 0 && i < len(p.dense) && p.dense[i] != 0 {
		return int(p.dense[i]) - 1, true
	}
	return 0, false
}

// set records that period idx is at position pos of a series that will then have n entries.
func (p *positions) set(idx, pos, n int) {
	if p.sparse == nil && (idx < p.lo || idx >= p.lo+len(p.dense)) {
		p.cover(idx, n)
	}
	if p.sparse != nil {
		p.sparse[idx] = int32(pos)
		return
	}
	p.dense[idx-p.lo] = int32(pos) + 1
}

// cover widens the dense index to reach idx, leaving as much room again beyond it so that
// a series filed backwards is copied only a logarithmic number of times; or turns it sparse
// if the series would fill too little of it.
func (p *positions) cover(idx, n int) {
	lo, hi := min(p.lo, idx), max(p.lo+len(p.dense), idx+1)
	if len(p.dense) == 0 {
		lo, hi = idx, idx+1
	}
	if hi-lo > maxSpan(n) {
		p.sparse = make(map[int]int32, n)
		for i, at := range p.dense {
			if at != 0 {
				p.sparse[p.lo+i] = at - 1
			}
		}
		p.dense = nil
		return
	}
	room := min(max(hi-lo, 8), maxSpan(n)-(hi-lo))
	if idx < p.lo {
		lo -= room
	} else {
		hi += room
	}
	dense := make([]int32, hi-lo)
	if len(p.dense) > 0 {
		copy(dense[p.lo-lo:], p.dense)
	}
	p.lo, p.dense = lo, dense
}
