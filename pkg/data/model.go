// Package data reads the quarter's spreadsheets (xlsx and csv) into observations, and checks
// them against the catalogue into per-indicator series.
package data

import (
	"iter"
	"strings"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// Observation is one value cell as read, before it is matched to the catalogue.
type Observation struct {
	Code    string        // as written (trimmed)
	Period  period.Period // quarter or month
	Value   float64       // after scaling and rounding to 10 significant figures
	Missing bool          // a missing marker (n/a, -, .. ...): given, but no value
	Note    string        // a `note` column, if any
	Ratio   *Ratio        // numerator and denominator columns, when both are given
	Place   diag.Place
}

// Comment is one row of a commentary table.
type Comment struct {
	Code    string
	Period  period.Period
	Context string
	Actions string
	Place   diag.Place
}

// Dataset is everything read from the data files, in file and row order. Observations are
// kept packed (see obsRecord): a national return holds millions, and each as an Observation
// with its own strings would cost several times the data. All and Observation unpack them.
type Dataset struct {
	Comments []Comment
	Files    []string // every file read, in order
	Returns  []Return // the files among them that are returns (see returnfile.go)
	// Comparators are the rows of comparator tables (comparators.go), which belong in a
	// comparator group's files, not among indicator data.
	Comparators []AreaValue

	parts []*part // one per file with observations, in file order
	n     int     // observations in all parts
	// expect is how many observations a reader expects of the file it is reading (a csv
	// file's lines), so that they are stored without the first block growing; 0 if unknown.
	expect int
}

// part is the observations of one file. Codes and notes are stored once each, in strs, and
// referred to by index; what an observation shares with others (its period, note, table and
// column) is stored once in wheres; its line is a step from the line of the one before.
type part struct {
	file   string
	sheets []string // table index -> sheet name; "" for a csv file
	strs   []string // interned codes and notes; strs[0] is ""
	index  map[string]uint32
	obs    obsChunks
	ratios map[uint32]*Ratio // by index in obs: few tables have ratio columns
	// wheres are the distinct periods, notes, tables and columns of the observations, each
	// stored once: most files have a few, the same on row after row.
	wheres     []obsWhere
	whereIndex map[obsWhere]uint32
	// far is the line and where of each observation whose line is not a short step on from
	// the one before's (a new sheet, lines skipped), by index in obs: see obsRecord.
	far      map[uint32]obsFar
	lastLine uint32 // the line of the observation last added

	// The last code, note and where interned: a table often repeats them row after row.
	lastCode, lastNote, lastWhere uint32
	// follows[i] is the string interned after strs[i] last time (0 for none yet): a long
	// table repeats its codes in the same order quarter after quarter. whereFollows is the
	// same for wheres: a table in indicator order repeats its periods.
	follows, whereFollows []uint32
}

// obsChunks holds records in blocks of a fixed size: a slice grown by append would copy
// everything read so far at each growth, allocating five times what it finally holds and
// briefly holding twice that. The first block starts small and doubles, for the many small
// files, until it is full size; it starts at the size expected, when a reader knows it.
type obsChunks struct {
	chunks [][]obsRecord
	n      int
	// last is the last block, whole: a record is stored into it without the write of a slice
	// (a pointer the garbage collector must be told of) that append would make.
	last []obsRecord
	// expect is how many records the first block is made for; 0 when unknown.
	expect int
}

const obsChunkBits = 14 // 16,384 records (512 KB) a block

func (c *obsChunks) add(r obsRecord) {
	i := c.n & (1<<obsChunkBits - 1)
	if i >= len(c.last) || i == 0 && c.n > 0 { // the first block full so far, or any block full
		c.grow()
	}
	c.last[i] = r
	c.n++
}

// grow makes room for one more record: the first block doubled, or a new block.
func (c *obsChunks) grow() {
	switch k := len(c.chunks) - 1; {
	case k < 0:
		c.last = make([]obsRecord, min(max(c.expect, 64), 1<<obsChunkBits))
		c.chunks = append(c.chunks, c.last)
	case len(c.last) < 1<<obsChunkBits:
		n := min(2*len(c.last), 1<<obsChunkBits)
		c.last = append(make([]obsRecord, 0, n), c.last...)[:n]
		c.chunks[k] = c.last
	default:
		c.last = make([]obsRecord, 1<<obsChunkBits)
		c.chunks = append(c.chunks, c.last)
	}
}

func (c *obsChunks) at(i int) *obsRecord {
	return &c.chunks[i>>obsChunkBits][i&(1<<obsChunkBits-1)]
}

// obsRecord is an Observation packed into 16 bytes: a million of them are 16 MB of memory
// written once each, and memory touched for the first time is dear (about 10 µs a 4 KB
// page on the virtual machine measured), so much of a csv file's reading time. What an
// observation shares with others is in wheres; its line (a csv file's line, a sheet's row)
// is the line of the observation before it in the part plus a short step, 0 (a wide table's
// next value on the same row) to 6 (blank or refused lines between), which is nearly every
// observation's, or else kept in far. The lines are worked out in order (obsCursor), as
// every reader of a part reads it.
type obsRecord struct {
	value float64
	code  uint32 // in strs
	at    uint32 // the index in wheres << obsStepBits | the step from the line before
}

const (
	obsStepBits = 3
	obsStepFar  = 1<<obsStepBits - 1 // the line and where are in far
	obsMaxWhere = 1<<(32-obsStepBits) - 1
)

// obsFar is the line and where of an observation that is not a short step on from the one
// before.
type obsFar struct{ line, where uint32 }

// obsWhere is what an observation shares with many others of its file: its period (and
// whether it is missing), its note, its table and its column.
type obsWhere struct {
	period int32  // periodKey: the period's index and kind, and whether the value is missing
	note   uint32 // in strs; 0 for none
	table  uint32 // in sheets
	col    uint32 // 1-based column of a sheet's cell; 0 in a csv file
}

// obsCursor reads a part's records in order, with each one's line and where.
type obsCursor struct {
	pt   *part
	i    int // the index of r in the part; -1 before the first
	r    *obsRecord
	w    *obsWhere
	line uint32
}

// records is a cursor before the part's first record.
func (pt *part) records() obsCursor { return obsCursor{pt: pt, i: -1} }

// next moves to the next record, reporting whether there is one.
func (c *obsCursor) next() bool {
	c.i++
	if c.i >= c.pt.obs.n {
		return false
	}
	c.r = c.pt.obs.at(c.i)
	where := c.r.at >> obsStepBits
	if step := c.r.at & obsStepFar; step == obsStepFar {
		f := c.pt.far[uint32(c.i)]
		c.line, where = f.line, f.where
	} else {
		c.line += step
	}
	c.w = &c.pt.wheres[where]
	return true
}

const (
	keyMonth   = 1 << 0
	keyMissing = 1 << 1
	keyShift   = 2
)

func periodKey(p period.Period, missing bool) int32 {
	k := int32(0)
	idx := p.Quarter.Index()
	if p.Kind == period.KindMonth {
		k, idx = keyMonth, p.Month.Index()
	}
	if missing {
		k |= keyMissing
	}
	return int32(idx)<<keyShift | k
}

func unpackPeriod(key int32) (period.Period, bool) {
	idx := int(key >> keyShift)
	missing := key&keyMissing != 0
	if key&keyMonth != 0 {
		return period.Period{Kind: period.KindMonth, Month: period.MonthFromIndex(idx)}, missing
	}
	return period.Period{Kind: period.KindQuarter, Quarter: period.FromIndex(idx)}, missing
}

// Len is the number of observations.
func (ds *Dataset) Len() int { return ds.n }

// All yields every observation in file and row order.
func (ds *Dataset) All() iter.Seq[Observation] {
	return func(yield func(Observation) bool) {
		for _, pt := range ds.parts {
			for c := pt.records(); c.next(); {
				if !yield(pt.observation(&c)) {
					return
				}
			}
		}
	}
}

// Observations returns every observation unpacked, for tests and small datasets.
func (ds *Dataset) Observations() []Observation {
	out := make([]Observation, 0, ds.n)
	for o := range ds.All() {
		out = append(out, o)
	}
	return out
}

// Summary is the dataset without its observations, keeping their number, the files and the
// comments: what is left to say once the observations are matched into a Store, which holds
// them again.
func (ds *Dataset) Summary() *Dataset {
	return &Dataset{Comments: ds.Comments, Files: ds.Files, Returns: ds.Returns, n: ds.n}
}

// NewDataset holds the observations and comments given, as if read in that order.
func NewDataset(obs []Observation, comments []Comment) *Dataset {
	ds := &Dataset{Comments: comments}
	for _, o := range obs {
		ds.addObservation(o)
	}
	return ds
}

// observation unpacks the observation at c.
func (pt *part) observation(c *obsCursor) Observation {
	p, missing := unpackPeriod(c.w.period)
	return Observation{
		Code:    pt.strs[c.r.code],
		Period:  p,
		Value:   c.r.value,
		Missing: missing,
		Note:    pt.strs[c.w.note],
		Ratio:   pt.ratios[uint32(c.i)],
		Place:   pt.place(c),
	}
}

// place is where the observation at c is.
func (pt *part) place(c *obsCursor) diag.Place {
	return diag.Place{File: pt.file, Sheet: pt.sheets[c.w.table], Line: int(c.line), Col: int(c.w.col)}
}

// addObservation packs o into the part of its file.
func (ds *Dataset) addObservation(o Observation) {
	pt, table := ds.partFor(o.Place.File, o.Place.Sheet)
	if o.Ratio != nil {
		if pt.ratios == nil {
			pt.ratios = map[uint32]*Ratio{}
		}
		pt.ratios[uint32(pt.obs.n)] = o.Ratio
	}
	pt.add(o.Code, o.Note, periodKey(o.Period, o.Missing), o.Value, o.Place.Line, o.Place.Col, table)
	ds.n++
}

// addValue is addObservation of a value with no ratio, its period packed (periodKey), at line
// (or row) and col of the table's file and sheet: the common case, without an Observation
// made and taken apart. The table keeps its part, and its index there, while its part is
// the dataset's last, rather than finding them by file and sheet for each value.
func (t *table) addValue(code, note string, periodKey int32, v float64, line, col int) {
	ds := t.ds
	if n := len(ds.parts); t.part == nil || n == 0 || ds.parts[n-1] != t.part {
		t.part, t.partTable = ds.partFor(t.file, t.sheet)
	}
	t.part.add(code, note, periodKey, v, line, col, t.partTable)
	ds.n++
}

// partFor is the part for the observations of file, made if the last is another file's, and
// the index of sheet among its tables.
func (ds *Dataset) partFor(file, sheet string) (*part, uint32) {
	var pt *part
	if n := len(ds.parts); n > 0 && ds.parts[n-1].file == file {
		pt = ds.parts[n-1]
	} else {
		pt = &part{file: file, strs: []string{""}, index: map[string]uint32{"": 0}, obs: obsChunks{expect: ds.expect}, wheres: []obsWhere{{}}}
		ds.parts = append(ds.parts, pt)
	}
	table := len(pt.sheets) - 1
	if table < 0 || pt.sheets[table] != sheet {
		table = -1
		for i, s := range pt.sheets {
			if s == sheet {
				table = i
			}
		}
		if table < 0 {
			pt.sheets = append(pt.sheets, sheet)
			table = len(pt.sheets) - 1
		}
	}
	return pt, uint32(table)
}

// add packs an observation into the part.
func (pt *part) add(code, note string, period int32, v float64, line, col int, table uint32) {
	where := pt.where(obsWhere{period: period, note: pt.internAgain(note, &pt.lastNote), table: table, col: uint32(max(col, 0))})
	l := uint32(max(line, 0))
	step := l - pt.lastLine // a line before the last wraps round to a long step
	at := where<<obsStepBits | step
	if step >= obsStepFar || where > obsMaxWhere {
		if pt.far == nil {
			pt.far = map[uint32]obsFar{}
		}
		pt.far[uint32(pt.obs.n)] = obsFar{line: l, where: where}
		at = obsStepFar
	}
	pt.lastLine = l
	pt.obs.add(obsRecord{value: v, code: pt.internAgain(code, &pt.lastCode), at: at})
}

// where is the index of w in the part's wheres, adding it if it is new; the last one, and
// the one that followed it last time, are tried first.
func (pt *part) where(w obsWhere) uint32 {
	last := pt.lastWhere
	if pt.wheres[last] == w {
		return last
	}
	if len(pt.whereFollows) < len(pt.wheres) {
		pt.whereFollows = append(pt.whereFollows, make([]uint32, len(pt.wheres)-len(pt.whereFollows))...)
	}
	i := pt.whereFollows[last]
	if i == 0 || pt.wheres[i] != w {
		var ok bool
		if i, ok = pt.whereIndex[w]; !ok {
			if pt.whereIndex == nil {
				pt.whereIndex = map[obsWhere]uint32{{}: 0}
			}
			i = uint32(len(pt.wheres))
			pt.wheres = append(pt.wheres, w)
			pt.whereFollows = append(pt.whereFollows, 0)
			pt.whereIndex[w] = i
		}
		pt.whereFollows[last] = i
	}
	pt.lastWhere = i
	return i
}

// intern returns the index of s in the part's strings, adding a copy of it if it is new: a
// field of a csv line is part of the line's string, which would otherwise be kept whole.
func (pt *part) intern(s string) uint32 {
	if i, ok := pt.index[s]; ok {
		return i
	}
	i := uint32(len(pt.strs))
	s = strings.Clone(s)
	pt.strs = append(pt.strs, s)
	pt.index[s] = i
	return i
}

// internAgain is intern, answering without a lookup when s is the string last interned here,
// or the one that followed it the last time it was.
func (pt *part) internAgain(s string, last *uint32) uint32 {
	l := *last
	if pt.strs[l] == s {
		return l
	}
	if len(pt.follows) < len(pt.strs) {
		pt.follows = append(pt.follows, make([]uint32, len(pt.strs)-len(pt.follows))...)
	}
	if next := pt.follows[l]; next != 0 && pt.strs[next] == s {
		*last = next
		return next
	}
	i := pt.intern(s)
	pt.follows[l] = i
	*last = i
	return i
}

// done drops what was needed only while reading.
func (pt *part) done() { pt.index, pt.follows, pt.whereIndex, pt.whereFollows = nil, nil, nil, nil }

// append adds another dataset's observations and comments after this one's.
func (ds *Dataset) append(other *Dataset) {
	for _, pt := range other.parts {
		pt.done()
	}
	ds.parts = append(ds.parts, other.parts...)
	ds.n += other.n
	ds.Comments = append(ds.Comments, other.Comments...)
	ds.Comparators = append(ds.Comparators, other.Comparators...)
	ds.Files = append(ds.Files, other.Files...)
	ds.Returns = append(ds.Returns, other.Returns...)
}
