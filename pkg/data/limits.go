package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Limits bound what reading the inputs may cost. Each is far beyond any real council or
// national return, so that only a broken or hostile file meets one; each can be raised by a
// setting of the same name (--limit NAME=VALUE, or limits: in qpr.yaml).
type Limits struct {
	// FileSize is the most bytes a data file may hold on disk.
	FileSize int64
	// CellLength is the most characters in one csv field or workbook cell.
	CellLength int64
	// Rows is the most rows in one csv file or worksheet.
	Rows int64
	// Cells is the most cells in one worksheet, each row counting as wide as its last
	// non-blank cell: what a sheet costs to lay out row by row.
	Cells int64
	// XLSXPartSize is the most bytes one part of a workbook (a worksheet's XML, the shared
	// strings, the styles) may unpack to. Counted as the part is inflated, whatever the
	// zip's headers declare, so a zip bomb stops here.
	XLSXPartSize int64
	// XLSXTotalSize is the most bytes all the parts read from one workbook may unpack to.
	XLSXTotalSize int64
	// XLSXEntries is the most entries a workbook's zip archive may list.
	XLSXEntries int64
}

// DefaultLimits are the limits when nothing raises them. A workbook of a million rows (Excel's
// own maximum is 1,048,576) by 20 columns is well within them.
func DefaultLimits() Limits {
	return Limits{
		FileSize:      2 << 30,
		CellLength:    32767, // Excel's own limit on a cell
		Rows:          10_000_000,
		Cells:         50_000_000,
		XLSXPartSize:  1 << 30,
		XLSXTotalSize: 2 << 30,
		XLSXEntries:   10_000,
	}
}

// limitSetting is one limit as a user names it.
type limitSetting struct {
	name  string
	bytes bool // a size in bytes, which may be written 64MB; else a count
	field func(*Limits) *int64
}

// limitSettings lists every limit under its setting name.
var limitSettings = []limitSetting{
	{"file_size", true, func(l *Limits) *int64 { return &l.FileSize }},
	{"cell_length", false, func(l *Limits) *int64 { return &l.CellLength }},
	{"rows", false, func(l *Limits) *int64 { return &l.Rows }},
	{"cells", false, func(l *Limits) *int64 { return &l.Cells }},
	{"xlsx_part_size", true, func(l *Limits) *int64 { return &l.XLSXPartSize }},
	{"xlsx_total_size", true, func(l *Limits) *int64 { return &l.XLSXTotalSize }},
	{"xlsx_entries", false, func(l *Limits) *int64 { return &l.XLSXEntries }},
}

// exceeded is the end of a message about a limit that was hit: which limit, and how to raise
// it.
func (l Limits) exceeded(name string) string {
	var s limitSetting
	for _, ls := range limitSettings {
		if ls.name == name {
			s = ls
		}
	}
	if s.field == nil {
		panic("no limit called " + name) // a misspelt name in qpr itself
	}
	v := *s.field(&l)
	return fmt.Sprintf("the %s limit is %s; if the file is right, raise it with --limit %s=%s or under limits: in qpr.yaml", s.name, formatLimit(v, s.bytes), s.name, formatLimit(nextLimit(v), s.bytes))
}

// nextLimit is a suggestion for a raised limit: four times the current one.
func nextLimit(v int64) int64 {
	if v > math.MaxInt64/4 {
		return math.MaxInt64
	}
	return v * 4
}

// formatLimit writes a limit as a user would set it.
func formatLimit(v int64, bytes bool) string {
	if bytes {
		for _, u := range []struct {
			suffix string
			scale  int64
		}{{"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}} {
			if v >= u.scale && v%u.scale == 0 {
				return strconv.FormatInt(v/u.scale, 10) + u.suffix
			}
		}
		return strconv.FormatInt(v, 10) + " bytes"
	}
	return groupThousands(v)
}

func groupThousands(v int64) string {
	s := strconv.FormatInt(v, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
