package xlsx

import (
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// A large sheet's table rows are written here, as excelize's stream writer writes them, into
// blocks of qpr's own; the stream writer is given one marker row in their place, which the
// workbook's zip writer (splice.go) replaces with them. excelize's stream writer keeps a
// sheet in one buffer grown by doubling, and formats each cell through several allocations:
// at 1,000 indicators that was over half the workbook's CPU, most of it fresh memory being
// zeroed. A row this writer cannot write exactly as excelize would (a date, text excelize
// must escape in its own way, a number that is not finite) goes to the stream writer as
// before, so the sheet's bytes are excelize's own in every case
// (TestSplicedRowsAreExcelizes).

// rowCell is one cell of a row: a value the stream writer would take (string, float64 or
// bool; nil for none) and its style id.
type rowCell struct {
	value interface{}
	style int
}

// blocks is a byte sink of fixed-size blocks: written once, read once, never copied to grow.
type blocks struct {
	full [][]byte
	cur  []byte
}

const blockSize = 64 << 10

func (b *blocks) grow() {
	if b.cur != nil {
		b.full = append(b.full, b.cur)
	}
	b.cur = make([]byte, 0, blockSize)
}

// WriteString appends s, across blocks where it does not fit.
func (b *blocks) WriteString(s string) { writeAcross(b, s) }

// Write is WriteString of bytes.
func (b *blocks) Write(p []byte) { writeAcross(b, p) }

func writeAcross[T string | []byte](b *blocks, s T) {
	for len(s) > 0 {
		if len(b.cur) == cap(b.cur) {
			b.grow()
		}
		n := copy(b.cur[len(b.cur):cap(b.cur)], s)
		b.cur = b.cur[:len(b.cur)+n]
		s = s[n:]
	}
}

// WriteTo writes every block to w in order.
func (b *blocks) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, p := range append(b.full, b.cur) {
		m, err := w.Write(p)
		n += int64(m)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// rowXML formats rows as excelize's StreamWriter.SetRow does; num and val are scratch.
type rowXML struct {
	out      blocks
	num, val []byte
}

// writable says whether row number n with these cells and height can be written here
// byte for byte as the stream writer would write it.
func writable(n int, cells []rowCell, height float64) bool {
	if n > excelize.TotalRows || height > excelize.MaxRowHeight || height < 0 {
		return false
	}
	for _, c := range cells {
		switch v := c.value.(type) {
		case nil, bool:
		case float64:
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return false
			}
		case string:
			if !plainText(v) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// plainText says whether s is text this writer escapes exactly as excelize does: valid
// UTF-8 of characters XML allows, none of excelize's _xHHHH_ escapes, short enough not to
// be cut.
func plainText(s string) bool {
	if len(s) > excelize.TotalCellChars { // bytes, so UTF-16 units too
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			if c == '_' && i+1 < len(s) && s[i+1] == 'x' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !xmlChar(r) {
			return false
		}
		i += size
	}
	return true
}

// xmlChar is XML's Char production above ASCII, as encoding/xml checks it.
func xmlChar(r rune) bool {
	return r >= 0x80 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// row writes row number n; only for what writable accepts.
func (x *rowXML) row(n int, cells []rowCell, height float64) {
	o := &x.out
	x.num = strconv.AppendInt(x.num[:0], int64(n), 10)
	num := x.num
	o.WriteString(`<row r="`)
	o.Write(num)
	o.WriteString(`"`)
	if height > 0 {
		o.WriteString(` ht="`)
		x.val = strconv.AppendFloat(x.val[:0], height, 'f', -1, 64)
		o.Write(x.val)
		o.WriteString(`" customHeight="1"`)
	}
	o.WriteString(`>`)
	for i, c := range cells {
		if c.value == nil {
			continue
		}
		o.WriteString(`<c r="`)
		o.WriteString(columnName(i + 1))
		o.Write(num)
		o.WriteString(`"`)
		if c.style != 0 {
			o.WriteString(` s="`)
			x.val = strconv.AppendInt(x.val[:0], int64(c.style), 10)
			o.Write(x.val)
			o.WriteString(`"`)
		}
		switch v := c.value.(type) {
		case float64:
			o.WriteString(`><v>`)
			x.val = strconv.AppendFloat(x.val[:0], v, 'f', -1, 64)
			o.Write(x.val)
			o.WriteString(`</v></c>`)
		case bool:
			if v {
				o.WriteString(` t="b"><v>1</v></c>`)
			} else {
				o.WriteString(` t="b"><v>0</v></c>`)
			}
		case string:
			o.WriteString(` t="inlineStr"><is><t`)
			if v != "" && (space(v[0]) || space(v[len(v)-1])) {
				o.WriteString(` xml:space="preserve"`)
			}
			o.WriteString(`>`)
			x.text(v)
			o.WriteString(`</t></is></c>`)
		}
	}
	o.WriteString(`</row>`)
}

// space is what makes excelize keep a text's leading or trailing white space.
func space(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// text writes s escaped as excelize escapes a cell's text: encoding/xml's EscapeText with
// its line feeds put back.
func (x *rowXML) text(s string) {
	o := &x.out
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		o.WriteString(s[last:i])
		o.WriteString(esc)
		last = i + 1
	}
	o.WriteString(s[last:])
}

// columnNames are the first columns' letters, which every table uses.
var columnNames = func() []string {
	names := make([]string, 64)
	for i := range names {
		names[i], _ = excelize.ColumnNumberToName(i + 1)
	}
	return names
}()

func columnName(col int) string {
	if col <= len(columnNames) {
		return columnNames[col-1]
	}
	name, _ := excelize.ColumnNumberToName(col)
	return name
}
