package data

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/suggest"
)

// Limits bound what reading the inputs may cost. Each is far beyond any real council or
// national return, so that only a broken or hostile file meets one; each can be raised by a
// setting of the same name (--limit NAME=VALUE, or limits: in qpr.yaml). docs/limits.md
// lists them.
type Limits struct {
	// FileSize is the most bytes a data file may hold on disk.
	FileSize int64
	// LineLength is the most bytes in one line of a csv file (or in one record whose quoted
	// field runs over several lines): what reading a line holds in memory at once.
	LineLength int64
	// CellLength is the most characters in one csv field or workbook cell.
	CellLength int64
	// Rows is the most rows in one csv file or worksheet.
	Rows int64
	// Cells is the most cells in one worksheet, each row counting as wide as its last
	// non-blank cell (and as ten times that in a sheet whose rows must be sorted in memory):
	// what a sheet costs to lay out row by row. It also bounds the entries of a workbook's
	// shared-string table.
	Cells int64
	// XLSXPartSize is the most bytes one part of a workbook (a worksheet's XML, the shared
	// strings, the styles) may unpack to. Counted as the part is inflated, whatever the
	// zip's headers declare, so a zip bomb stops here.
	XLSXPartSize int64
	// XLSXTotalSize is the most bytes all the parts read from one workbook may unpack to.
	XLSXTotalSize int64
	// XLSXEntries is the most entries a workbook's zip archive may list.
	XLSXEntries int64
	// XLSXStringsSize is the most bytes of text a workbook's shared strings (its table of
	// distinct texts, held in memory while the workbook is read) may hold.
	XLSXStringsSize int64
	// CatalogueSize is the most bytes the catalogue file may hold.
	CatalogueSize int64
	// CatalogueText is the most characters in one value in the catalogue (a name, a
	// description): every one is drawn into every report.
	CatalogueText int64
}

// DefaultLimits are the limits when nothing raises them.
func DefaultLimits() Limits {
	return Limits{
		FileSize:        2 << 30,
		LineLength:      1 << 20,
		CellLength:      32767, // Excel's own limit on a cell
		Rows:            10_000_000,
		Cells:           50_000_000,
		XLSXPartSize:    1 << 30,
		XLSXTotalSize:   2 << 30,
		XLSXEntries:     10_000,
		XLSXStringsSize: 256 << 20,
		CatalogueSize:   catalogue.DefaultLimits().Size,
		CatalogueText:   catalogue.DefaultLimits().Text,
	}
}

// Catalogue is the part of the limits that bounds loading the catalogue.
func (l Limits) Catalogue() catalogue.Limits {
	return catalogue.Limits{Size: l.CatalogueSize, Text: l.CatalogueText}
}

// limitSetting is one limit as a user names it.
type limitSetting struct {
	name  string
	bytes bool // a size in bytes, which may be written 64MB; else a count
	field func(*Limits) *int64
}

// limitSettings lists every limit under its setting name. Adding a limit is a field above and
// one line here.
var limitSettings = []limitSetting{
	{"file_size", true, func(l *Limits) *int64 { return &l.FileSize }},
	{"line_length", true, func(l *Limits) *int64 { return &l.LineLength }},
	{"cell_length", false, func(l *Limits) *int64 { return &l.CellLength }},
	{"rows", false, func(l *Limits) *int64 { return &l.Rows }},
	{"cells", false, func(l *Limits) *int64 { return &l.Cells }},
	{"xlsx_part_size", true, func(l *Limits) *int64 { return &l.XLSXPartSize }},
	{"xlsx_total_size", true, func(l *Limits) *int64 { return &l.XLSXTotalSize }},
	{"xlsx_entries", false, func(l *Limits) *int64 { return &l.XLSXEntries }},
	{"xlsx_strings_size", true, func(l *Limits) *int64 { return &l.XLSXStringsSize }},
	{"catalogue_size", true, func(l *Limits) *int64 { return &l.CatalogueSize }},
	{"catalogue_text", false, func(l *Limits) *int64 { return &l.CatalogueText }},
}

// LimitNames lists the setting names, in the order docs/limits.md gives them.
func LimitNames() []string {
	names := make([]string, len(limitSettings))
	for i, s := range limitSettings {
		names[i] = s.name
	}
	return names
}

func lookupLimit(name string) (limitSetting, error) {
	for _, s := range limitSettings {
		if s.name == name {
			return s, nil
		}
	}
	msg := fmt.Sprintf("unknown limit %q", name)
	if near := suggest.Nearest(name, LimitNames()); near != "" {
		return limitSetting{}, fmt.Errorf("%s; did you mean %s?", msg, near)
	}
	return limitSetting{}, fmt.Errorf("%s; the limits are %s", msg, strings.Join(LimitNames(), ", "))
}

// Set raises (or lowers) the limit called name to the value written in text: a whole number,
// and for a size optionally a unit (KB, MB, GB; 1 MB = 1,048,576 bytes).
func (l *Limits) Set(name, text string) error {
	s, err := lookupLimit(strings.TrimSpace(name))
	if err != nil {
		return err
	}
	v, err := parseLimit(strings.TrimSpace(text), s.bytes)
	if err != nil {
		return fmt.Errorf("limit %s: %v", s.name, err)
	}
	*s.field(l) = v
	return nil
}

// SetAll applies NAME=VALUE settings, as --limit takes them.
func (l *Limits) SetAll(settings []string) error {
	for _, kv := range settings {
		name, value, ok := strings.Cut(kv, "=")
		if !ok {
			return fmt.Errorf("--limit %s: write NAME=VALUE, e.g. --limit file_size=4GB (the limits are %s)", kv, strings.Join(LimitNames(), ", "))
		}
		if err := l.Set(name, value); err != nil {
			return err
		}
	}
	return nil
}

var sizeUnits = []struct {
	suffix string
	scale  int64
}{
	{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"TIB", 1 << 40},
	{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"TB", 1 << 40},
	{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"T", 1 << 40},
	{"B", 1},
}

func parseLimit(text string, bytes bool) (int64, error) {
	hint := "write a whole number such as 5000000"
	if bytes {
		hint = "write a size such as 64MB, 4GB or 1000000 (bytes)"
	}
	num, scale := strings.ReplaceAll(text, "_", ""), int64(1)
	if bytes {
		upper := strings.ToUpper(num)
		for _, u := range sizeUnits {
			if strings.HasSuffix(upper, u.suffix) {
				num, scale = strings.TrimSpace(num[:len(num)-len(u.suffix)]), u.scale
				break
			}
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a limit; %s", text, hint)
	}
	if n > math.MaxInt64/scale {
		return 0, fmt.Errorf("%q is more than qpr can count; %s", text, hint)
	}
	return n * scale, nil
}

// exceeded is the end of a message about a limit that was hit: which limit, and how to raise
// it.
func (l Limits) exceeded(name string) string {
	s, err := lookupLimit(name)
	if err != nil {
		panic(err) // a misspelt name in qpr itself
	}
	v := *s.field(&l)
	return fmt.Sprintf("the %s limit is %s; if the file is right, raise it with --limit %s=%s or under limits: in qpr.yaml", s.name, formatLimit(v, s.bytes), s.name, settingValue(nextLimit(v), s.bytes))
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

// settingValue writes a limit as it is set: 4GB, or a plain number.
func settingValue(v int64, bytes bool) string {
	if f := formatLimit(v, bytes); !strings.Contains(f, " ") && !strings.Contains(f, ",") {
		return f
	}
	return strconv.FormatInt(v, 10)
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

// LimitsTable lists each limit and its default, for help text and docs.
func LimitsTable() []string {
	def := DefaultLimits()
	var out []string
	for _, s := range limitSettings {
		out = append(out, fmt.Sprintf("%s=%s", s.name, formatLimit(*s.field(&def), s.bytes)))
	}
	sort.Strings(out)
	return out
}
