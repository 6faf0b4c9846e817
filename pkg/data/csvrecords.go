package data

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unsafe"
)

// csvRecords reads csv records exactly as encoding/csv's Reader does with FieldsPerRecord -1
// and its other settings at their defaults (no LazyQuotes, no TrimLeadingSpace, no Comment):
// the same fields, the same line and column for each, the same errors at the same places,
// and the same skipping of empty lines. csvrecords_test.go checks that over many generated
// inputs.
//
// It is written for speed where encoding/csv copies: the text is read in large blocks, each
// kept as one string, and a field is a piece of that string, so that reading a line allocates
// nothing. Only a quoted field that must be rewritten (a doubled quote inside it, or a line
// end within it) is copied. A line with no quote at all, the common case, is split at its
// separators without a further look. The memory of a block is used again for the block after
// next (see fill), so a record's fields are valid only until the next record is read: what
// is kept of them must be copied.
//
// It holds at most two blocks (the one being read, and the one before, whose memory is read
// into next) and the record being read: a record whose text (apart from line ends) grows past
// limit and then csvReadAhead bytes more is cut off there with a lineTooLong error, before it
// is held in memory; the caller measures a record that got through exactly.
type csvRecords struct {
	src   io.Reader
	sep   byte
	limit int64 // 0 for none

	text    string // decoded text read and not yet parsed: text[at:]
	at      int
	block   []byte // the memory of text, when it was read in blocks
	spare   []byte // the memory of the block before, free to be read into again; nil if none
	fills   int    // blocks read since the record being read began
	scanned int    // bytes after at known to hold no line feed
	srcErr  error  // what src returned last, once it has returned an error (io.EOF at the end)
	ascii   bool   // text holds only ASCII
	// allASCII says the whole stream is known to be ASCII, so that no block need be tested.
	allASCII bool
	quotes   bool // text holds a quote somewhere: each line must be looked at for one
	// blockSize is how much text is read at once: csvBlockSize, or less in tests, to try
	// lines that cross from one block into the next.
	blockSize int

	numLine    int   // lines read, as encoding/csv counts them
	offset     int64 // bytes of text parsed
	recContent int64 // bytes of the record's lines read so far, apart from their line ends
	cut        error // the lineTooLong error, once a record has been cut off

	recLine   int
	fields    []string
	positions []csvPosition // where each field starts, unless plain
	plain     bool          // the record is one line with no quote: positions are not kept
	plainSize int64         // the length of that line
	quoted    []byte        // a quoted field's text, while it is being rewritten
}

// csvPosition is where a field starts: its line and its byte column, both from 1.
type csvPosition struct{ line, col int }

// csvBlockSize is how much text is read at once.
const csvBlockSize = 64 << 10

// csvReadAhead is how far past the line limit a record may run before it is cut off: the
// limit itself is checked exactly on the whole record (see readRecords).
const csvReadAhead = 4096

// lineTooLong is a record that passed the limit; line is the line where it did.
type lineTooLong struct{ line int }

func (e *lineTooLong) Error() string { return "line " + strconv.Itoa(e.line) + " is too long" }

func newCSVRecords(src io.Reader, sep rune, limit int64) *csvRecords {
	return &csvRecords{src: src, sep: byte(sep), limit: limit, blockSize: csvBlockSize}
}

// newCSVRecordsText reads the records of text, held whole: one block, at the end of the text.
// ascii and quotes say whether text is only ASCII and whether it holds a quote.
func newCSVRecordsText(text string, ascii, quotes bool, sep rune, limit int64) *csvRecords {
	return &csvRecords{text: text, srcErr: io.EOF, ascii: ascii, quotes: quotes, sep: byte(sep), limit: limit, blockSize: csvBlockSize}
}

// line is the line the record last read starts on.
func (r *csvRecords) line() int { return r.recLine }

// fieldPos is the line and column where field i of the record last read starts.
func (r *csvRecords) fieldPos(i int) (line, col int) {
	if r.plain {
		// One line, the fields one after another with a separator between.
		col = 1
		for _, f := range r.fields[:i] {
			col += len(f) + 1
		}
		return r.recLine, col
	}
	p := r.positions[i]
	return p.line, p.col
}

// size is the length of the record last read: its fields and the separators between them.
func (r *csvRecords) size() int64 {
	if r.plain {
		return r.plainSize
	}
	n := int64(len(r.fields) - 1)
	for _, f := range r.fields {
		n += int64(len(f))
	}
	return n
}

// inputOffset is how many bytes of text have been parsed: the end of the record last read.
func (r *csvRecords) inputOffset() int64 { return r.offset }

// fill reads more text after what is held; a line longer than a block is read in blocks as
// large as what is held already, so that it is copied only a few times over.
//
// The text is the block's memory as a string, not a copy. Its memory is read into again two
// blocks on, as the floor's reader (and encoding/csv's) reads into one buffer: the records of
// the block before are done with by then, as read's fields are valid only until the next
// record. Only a record that runs on over more than one block needs its blocks kept: the
// first block read in a record goes into the spare memory, and a later one into new memory,
// the spare then dropped.
func (r *csvRecords) fill() {
	rest := r.text[r.at:]
	size := max(r.blockSize, len(rest))
	block := r.spare
	if r.fills > 0 || cap(block) < len(rest)+size {
		block = make([]byte, len(rest)+size)
	}
	block = block[:len(rest)+size]
	r.spare = nil
	if r.fills == 0 {
		r.spare = r.block // the records of the block before: all read, and done with
	}
	r.fills++
	copy(block, rest)
	n, err := io.ReadFull(r.src, block[len(rest):])
	if err == io.ErrUnexpectedEOF {
		err = io.EOF
	}
	r.block = block
	block = block[:len(rest)+n]
	r.text = unsafe.String(unsafe.SliceData(block), len(block))
	r.ascii = r.allASCII || isASCII(block)
	r.quotes = bytes.IndexByte(block, '"') >= 0
	r.at = 0
	r.srcErr = err
}

// asciiText reports whether the fields of the record last read are ASCII text, as every
// record of most files is.
func (r *csvRecords) asciiText() bool { return r.ascii && r.plain }

// isASCII reports whether b holds only ASCII, testing eight bytes at a time.
func isASCII(b []byte) bool {
	var or uint64
	for ; len(b) >= 8; b = b[8:] {
		or |= binary.LittleEndian.Uint64(b)
	}
	for _, c := range b {
		or |= uint64(c)
	}
	return or&asciiHighs == 0
}

// readLine is encoding/csv's readLine: the next line, body without its line end ("\r\n"
// counts as one, as does "\r" at the very end of the text), nl whether it had one. Its error
// is io.EOF only when there was no text left at all. A record that runs past the limit is cut
// off with a lineTooLong error naming the line where it does, which comes with what was read
// of that line and ends the reading.
func (r *csvRecords) readLine() (body string, nl bool, err error) {
	if r.cut != nil {
		return "", false, r.cut
	}
	for {
		if i := strings.IndexByte(r.text[r.at+r.scanned:], '\n'); i >= 0 {
			i += r.scanned
			raw := r.text[r.at : r.at+i+1]
			r.at += i + 1
			r.scanned = 0
			r.numLine++
			r.offset += int64(len(raw))
			body = raw[:len(raw)-1]
			if n := len(body); n > 0 && body[n-1] == '\r' {
				body = body[:n-1]
			}
			return body, true, r.count(body, r.numLine)
		}
		r.scanned = len(r.text) - r.at
		if r.srcErr != nil {
			break
		}
		if r.overLimit(int64(r.scanned)) {
			r.cut = &lineTooLong{line: r.numLine + 1}
			break
		}
		r.fill()
	}
	raw := r.text[r.at:]
	r.at, r.scanned = len(r.text), 0
	r.numLine++
	r.offset += int64(len(raw))
	if r.cut != nil {
		return raw, false, r.cut
	}
	err = r.srcErr
	if len(raw) > 0 && err == io.EOF {
		err = nil
		raw = strings.TrimSuffix(raw, "\r")
	}
	if cut := r.count(raw, r.numLine); cut != nil {
		err = cut
	}
	return raw, false, err
}

// count adds a line's text to the record's, cutting the record off at line if it is now
// past the limit.
func (r *csvRecords) count(body string, line int) error {
	r.recContent += int64(len(body))
	if r.overLimit(0) {
		r.cut = &lineTooLong{line: line}
		return r.cut
	}
	return nil
}

// overLimit reports whether the record's text, and more bytes of it, are past the limit and
// the read-ahead.
func (r *csvRecords) overLimit(more int64) bool {
	return r.limit > 0 && r.recContent+more-csvReadAhead > r.limit
}

// read reads the next record: its fields are valid until the next call. The fields read
// before a parse error come with it, as from encoding/csv.
func (r *csvRecords) read() ([]string, error) {
	r.recContent, r.fills = 0, 0
	var (
		line    string // what is left of the current line, without its line end
		nl      bool   // whether the current line has a line end
		errRead error
	)
	for errRead == nil {
		line, nl, errRead = r.readLine()
		if errRead == nil && line == "" {
			continue // an empty line
		}
		break
	}
	if errRead == io.EOF {
		return nil, errRead
	}

	r.recLine = r.numLine
	r.fields, r.positions = r.fields[:0], r.positions[:0]
	pos := csvPosition{line: r.numLine, col: 1}
	sep := r.sep
	r.plain = !r.quotes || strings.IndexByte(line, '"') < 0 // the line is part of the text
	if r.plain {
		r.plainSize = int64(len(line))
		// No quote on the line: every field is a plain one.
		fields := r.fields
		for {
			i := strings.IndexByte(line, sep)
			if i < 0 {
				break
			}
			fields = append(fields, line[:i])
			line = line[i+1:]
		}
		r.fields = append(fields, line)
		return r.fields, errRead
	}

	var err error
parseField:
	for {
		if len(line) == 0 || line[0] != '"' {
			i := strings.IndexByte(line, sep)
			field := line
			if i >= 0 {
				field = line[:i]
			}
			if j := strings.IndexByte(field, '"'); j >= 0 {
				err = &csv.ParseError{StartLine: r.recLine, Line: r.numLine, Column: pos.col + j, Err: csv.ErrBareQuote}
				break parseField
			}
			r.fields, r.positions = append(r.fields, field), append(r.positions, pos)
			if i >= 0 {
				line = line[i+1:]
				pos.col += i + 1
				continue parseField
			}
			break parseField
		}

		// A quoted field: its text is one piece of the line when it can be, else pieces
		// copied together.
		fieldPos := pos
		line = line[1:]
		pos.col++
		var first string
		pieces := 0
		add := func(s string) {
			switch pieces {
			case 0:
				first = s
			case 1:
				r.quoted = append(append(r.quoted[:0], first...), s...)
			default:
				r.quoted = append(r.quoted, s...)
			}
			pieces++
		}
		done := func() {
			field := first
			if pieces > 1 {
				field = string(r.quoted)
			}
			r.fields, r.positions = append(r.fields, field), append(r.positions, fieldPos)
		}
		for {
			if i := strings.IndexByte(line, '"'); i >= 0 {
				add(line[:i])
				line = line[i+1:]
				pos.col += i + 1
				switch {
				case len(line) > 0 && line[0] == '"': // "" is a quote
					add(`"`)
					line = line[1:]
					pos.col++
				case len(line) > 0 && line[0] == sep: // the end of the field
					line = line[1:]
					pos.col++
					done()
					continue parseField
				case len(line) == 0: // the end of the line, and of the record
					done()
					break parseField
				default: // a quote inside the field that is not doubled
					err = &csv.ParseError{StartLine: r.recLine, Line: r.numLine, Column: pos.col - 1, Err: csv.ErrQuote}
					break parseField
				}
			} else if len(line) > 0 || nl {
				// The field runs on to the next line.
				add(line)
				if nl {
					add("\n")
				}
				if errRead != nil {
					break parseField
				}
				pos.col += len(line)
				if nl {
					pos.col++
				}
				line, nl, errRead = r.readLine()
				if len(line) > 0 || nl {
					pos.line++
					pos.col = 1
				}
				if errRead == io.EOF {
					errRead = nil
				}
			} else {
				// The text ends inside the quotes.
				if errRead == nil {
					err = &csv.ParseError{StartLine: r.recLine, Line: pos.line, Column: pos.col, Err: csv.ErrQuote}
					break parseField
				}
				done()
				break parseField
			}
		}
	}
	if err == nil {
		err = errRead
	}
	return r.fields, err
}
