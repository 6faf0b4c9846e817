package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"slices"
	"unicode/utf8"
	"unsafe"

	"github.com/example/qpr/pkg/data/internal/utf16text"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
)

// maxCSVSyntaxErrors bounds the report on a file that is not csv at all, where every line
// would otherwise be reported.
const maxCSVSyntaxErrors = 20

// csvWholeFile is the largest csv file read into memory at once: a larger one is read as a
// stream, a block at a time. Held whole, a file is read from the disk once and each pass over
// it (its encoding, its separator, its rows) reads the same bytes, with nothing allocated
// or copied for the pass; streamed, each pass reads the file again through buffers of its
// own, a fixed cost of a few hundred KB a file that only a large file makes small. Tests set
// it below zero to read every file as a stream.
var csvWholeFile int64 = 4 << 20

// readCSV reads one csv file of size bytes: a single table. The separator is a comma, or a
// semicolon or tab when the header row only makes sense split that way (Excel in much of
// Europe writes ;). The text is read three times over: once to settle its encoding from the
// whole of it, once for the header alone to settle the separator, and once for the rows. A
// file of up to csvWholeFile bytes is held in memory whole (as is its text decoded, when it
// is not UTF-8); a larger one is read as a stream each time, and at no time is more than two
// blocks of it (see csvRecords) and the record being read held in memory.
func readCSV(f *os.File, size int64, path string, cal period.Calendar, lim Limits, ds *Dataset, probs *diag.List) {
	if size <= csvWholeFile {
		raw := make([]byte, size+1)
		n, err := io.ReadFull(f, raw)
		switch err {
		case io.EOF, io.ErrUnexpectedEOF:
			readCSVWhole(raw[:n], path, cal, lim, ds, probs)
			return
		case nil:
			// The file has grown since it was opened: read it as a stream after all.
			_, err = f.Seek(0, io.SeekStart)
		}
		if err != nil {
			probs.Errorf(diag.Place{File: path}, "cannot read the file: %s", describeOSError(err))
			return
		}
	}
	readCSVStream(f, path, cal, lim, ds, probs)
}

// readCSVBytes reads the content of the csv file named path, as readCSV reads the file.
func readCSVBytes(path string, raw []byte, cal period.Calendar, lim Limits, ds *Dataset, probs *diag.List) {
	if int64(len(raw)) <= csvWholeFile {
		readCSVWhole(bytes.Clone(raw), path, cal, lim, ds, probs)
		return
	}
	readCSVStream(bytes.NewReader(raw), path, cal, lim, ds, probs)
}

// readCSVWhole reads the csv file named path, whose content raw is held whole; it is the
// reader's to change.
func readCSVWhole(raw []byte, path string, cal period.Calendar, lim Limits, ds *Dataset, probs *diag.List) {
	at := diag.Place{File: path}
	enc, err := detectEncodingText(raw, false)
	text := raw
	if err == nil && enc != encUTF8 {
		// Decoded whole; the byte-order mark of UTF-16 says what it decodes to must still be
		// text.
		text, err = io.ReadAll(decodingReader(bytes.NewReader(raw), enc))
		if err == nil && (enc == encUTF16LE || enc == encUTF16BE) {
			_, err = detectEncodingText(text, true)
		}
	} else if err == nil {
		_, bom, _ := byteOrderMark(raw)
		if bom {
			text = raw[3:]
		}
	}
	if err != nil {
		reportEncoding(path, err, probs)
		return
	}
	if bytes.IndexByte(text, '\n') < 0 {
		// Lines that end with a carriage return alone (see endsLinesWithCR).
		for i, b := range text {
			if b == '\r' {
				text[i] = '\n'
			}
		}
	}
	// A long table has an observation a line at most: the first block of them is made for
	// as many (a wide one's grow from there).
	ds.expect = bytes.Count(text, []byte{'\n'}) + 1
	// text is not written again: the string is its bytes, not a copy.
	whole := unsafe.String(unsafe.SliceData(text), len(text))
	readCSVText(&csvText{whole: whole, ascii: isASCII(text), quotes: bytes.IndexByte(text, '"') >= 0}, at, cal, lim, ds, probs)
}

// readCSVStream reads the csv file named path from f, a stream at a time (see readCSV).
func readCSVStream(f io.ReadSeeker, path string, cal period.Calendar, lim Limits, ds *Dataset, probs *diag.List) {
	at := diag.Place{File: path}
	failed := func(err error) {
		probs.Errorf(at, "cannot read the file: %s", describeOSError(err))
	}
	enc, survey, err := surveyEncoding(f, false)
	if err == nil && (enc == encUTF16LE || enc == encUTF16BE) {
		// The byte-order mark says UTF-16; what it decodes to must still be text.
		if _, err = f.Seek(0, io.SeekStart); err == nil {
			_, survey, err = surveyEncoding(decodingReader(f, enc), true)
		}
	}
	if err != nil {
		reportEncoding(path, err, probs)
		return
	}
	// As for a file held whole: a long table has an observation a line at most.
	ds.expect = survey.lines
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		failed(err)
		return
	}
	crLines, err := endsLinesWithCR(decodingReader(f, enc))
	if err != nil {
		failed(err)
		return
	}
	open := func() (io.Reader, error) {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		text := decodingReader(f, enc)
		if crLines {
			text = crToLF{text}
		}
		return text, nil
	}
	// Text all ASCII as read is all ASCII decoded: UTF-8 with its byte-order mark dropped,
	// its carriage returns perhaps made line feeds.
	readCSVText(&csvText{open: open, ascii: survey.ascii && enc == encUTF8}, at, cal, lim, ds, probs)
}

// csvStreamBlock is how much of a streamed file's text is read at a time: csvBlockSize, or
// less in tests, so that the rows of a small file cross from one block into the next, and
// each block's memory is read into again.
var csvStreamBlock = csvBlockSize

// reportEncoding tells of a file whose text could not be read (err, from settling its
// encoding or decoding it).
func reportEncoding(path string, err error, probs *diag.List) {
	if errors.Is(err, utf16text.ErrOddLength) {
		err = &encodingError{msg: "the file is UTF-16 text (it starts with a byte-order mark), but it ends in the middle of a character, so it was cut short; " + saveAsUTF8}
	}
	var ee *encodingError
	if errors.As(err, &ee) {
		probs.Errorf(diag.Place{File: path, Line: ee.line}, "cannot read the text: %s", ee.msg)
		return
	}
	probs.Errorf(diag.Place{File: path}, "cannot read the file: %s", describeOSError(err))
}

// csvText is a csv file's text, decoded to UTF-8 with its lines ending in a line feed, to be
// read from its start as often as reading the file needs: held whole, or opened again each
// time.
type csvText struct {
	whole         string
	ascii, quotes bool // whether the text is only ASCII (known, for a stream), and whole holds a quote
	open          func() (io.Reader, error)
}

// records reads the text's csv records from its start.
func (c *csvText) records(sep rune, lim Limits) (*csvRecords, error) {
	if c.open == nil {
		return newCSVRecordsText(c.whole, c.ascii, c.quotes, sep, lim.LineLength), nil
	}
	text, err := c.open()
	if err != nil {
		return nil, err
	}
	r := newCSVRecords(text, sep, lim.LineLength)
	r.blockSize = csvStreamBlock
	r.allASCII = c.ascii
	return r, nil
}

// separator is the text's separator (see detectSeparator).
func (c *csvText) separator(cal period.Calendar, lim Limits) (rune, error) {
	if c.open == nil {
		return detectSeparator(func(sep rune) *csvRecords {
			r, _ := c.records(sep, lim)
			return r
		}, cal), nil
	}
	text, err := c.open()
	if err != nil {
		return 0, err
	}
	// Only the head is read, once, in small blocks, and read again under each separator.
	head := &headBuffer{src: text}
	return detectSeparator(func(sep rune) *csvRecords {
		r := newCSVRecords(head.replay(), sep, lim.LineLength)
		r.blockSize = csvHeadBlockSize
		return r
	}, cal), nil
}

// csvHeadBlockSize is how much of a streamed file's text is read at a time while the
// separator is settled: the header is most often the first line, and seldom far down.
const csvHeadBlockSize = 4 << 10

// readCSVText reads the csv file at, whose text is c.
func readCSVText(c *csvText, at diag.Place, cal period.Calendar, lim Limits, ds *Dataset, probs *diag.List) {
	path := at.File
	failed := func(err error) {
		probs.Errorf(at, "cannot read the file: %s", describeOSError(err))
	}
	sep, err := c.separator(cal, lim)
	if err != nil {
		failed(err)
		return
	}
	var nc *numberConvention
	if sep == ';' {
		// A first pass settles how the file writes its numbers; see numberConvention.
		nc = &numberConvention{surveying: true}
		survey := &table{file: path, cal: cal, ds: &Dataset{}, probs: &diag.List{}, numbers: nc}
		r, err := c.records(sep, lim)
		if err != nil {
			failed(err)
			return
		}
		readRecords(r, survey, lim, &diag.List{})
		nc.surveying = false
	}
	r, err := c.records(sep, lim)
	if err != nil {
		failed(err)
		return
	}
	t := &table{file: path, cal: cal, ds: ds, probs: probs, numbers: nc}
	defer func() {
		t.finish()
		if t.skip != "" {
			// A csv file is one table: skipped, the file gave no data at all.
			probs.Errorf(at, "%s", t.skip)
		}
	}()
	readRecords(r, t, lim, probs)
	if !t.started() {
		probs.Errorf(at, "the file is empty; a data file starts with a header row such as code,period,value")
	}
}

// readRecords feeds the csv records r reads to the table t, reporting to probs what is not
// csv or goes past a limit.
func readRecords(r *csvRecords, t *table, lim Limits, probs *diag.List) {
	path, at, sep := t.file, diag.Place{File: t.file}, rune(r.sep)
	failed := func(err error) {
		probs.Errorf(at, "cannot read the file: %s", describeOSError(err))
	}
	// The cells of most rows fit here, on the stack, where writing a field's text into one
	// needs no word to the garbage collector.
	var few [16]cell
	cells := few[:0]
	syntaxErrors, rows := 0, int64(0)
	for {
		rec, err := r.read()
		if err == nil {
			// A record that got through within the read-ahead is measured exactly here, as
			// its fields and separators.
			if r.size() > lim.LineLength {
				err = &lineTooLong{line: r.line()}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			var long *lineTooLong
			var pe *csv.ParseError
			switch {
			case errors.As(err, &long):
				// A record over several lines is a quoted field running on: the place to
				// mend is where its quote opens, not where the limit cut it off.
				if start := r.line(); start < long.line {
					probs.Errorf(diag.Place{File: path, Line: start}, "a quoted field begins on this line and runs on to line %d, over %s, without its closing quote: reading stopped; a field that contains a quote or %s must be in quotes, with each quote inside doubled; %s", long.line, formatLimit(lim.LineLength, true), separatorName(sep), lim.exceeded("line_length"))
					return
				}
				probs.Errorf(diag.Place{File: path, Line: long.line}, "the line is longer than %s (or a quoted field runs on over many lines from here): reading stopped; %s", formatLimit(lim.LineLength, true), lim.exceeded("line_length"))
				return
			case errors.As(err, &pe):
				if pe.StartLine < pe.Line {
					probs.Errorf(diag.Place{File: path, Line: pe.StartLine}, "the line is not valid csv: a quoted field begins on it and runs on to line %d (%v); a field that contains a quote or %s must be in quotes, with each quote inside doubled", pe.Line, pe.Err, separatorName(sep))
				} else {
					probs.Errorf(diag.Place{File: path, Line: pe.Line}, "the line is not valid csv (%v); a field that contains a quote or %s must be in quotes, with each quote inside doubled", pe.Err, separatorName(sep))
				}
				if syntaxErrors++; syntaxErrors >= maxCSVSyntaxErrors {
					probs.Errorf(at, "stopped reading after %d lines that are not valid csv; is this a csv file?", syntaxErrors)
					return
				}
				continue
			}
			failed(err)
			return
		}
		line := r.line()
		if t.started() {
			if rows++; rows > lim.Rows {
				probs.Errorf(diag.Place{File: path, Line: line}, "the file has more than %s rows below its header: reading stopped here; %s", groupThousands(lim.Rows), lim.exceeded("rows"))
				return
			}
		}
		// A csv cell is text alone: its other fields stay zero as the slice is reused.
		if cap(cells) < len(rec) {
			cells = make([]cell, len(rec), 2*len(rec))
		}
		cells = cells[:len(rec)]
		tooLong := false
		for i, field := range rec {
			if int64(len(field)) > lim.CellLength {
				if n := int64(utf8.RuneCountInString(field)); n > lim.CellLength {
					probs.Errorf(diag.Place{File: path, Line: line}, "field %d holds %s characters, more than a field may; %s", i+1, groupThousands(n), lim.exceeded("cell_length"))
					tooLong = true
				}
			}
			cells[i].text = field
		}
		if tooLong {
			continue
		}
		t.asciiRow = r.asciiText()
		if t.started() && !t.skipped() {
			// A row below the header: a blank one is nothing, and add would ask again.
			if !allBlank(cells) && fitsHeader(t, line, cells, sep) {
				t.addBelow(line, cells)
			}
			continue
		}
		if !t.add(line, cells) {
			return
		}
	}
}

// endsLinesWithCR reports text whose lines end with a carriage return alone, as Excel for
// Mac's "CSV (Macintosh)" writes them: it has a CR and no line feed at all. The csv reader
// ends lines only at a line feed, so such a file would be read as one long line. A file with
// a line feed is read only as far as the first.
func endsLinesWithCR(text io.Reader) (bool, error) {
	buf := make([]byte, 32<<10)
	cr := false
	for {
		n, err := text.Read(buf)
		if bytes.IndexByte(buf[:n], '\n') >= 0 {
			return false, nil
		}
		cr = cr || bytes.IndexByte(buf[:n], '\r') >= 0
		if err == io.EOF {
			return cr, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// crToLF reads text whose lines end with a carriage return as lines ending with a line feed.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// fitsHeader reports a row with a different number of fields from the header, where the
// columns would be out of line. Extra fields are tolerated when they are empty, as some
// editors add trailing separators.
func fitsHeader(t *table, line int, cells []cell, sep rune) bool {
	n := len(t.header)
	if len(cells) == n || len(cells) > n && allBlank(cells[n:]) {
		return true
	}
	// A row may stop short of trailing header cells that are blank (a header written with a
	// trailing separator) or of trailing columns it leaves empty anyway (a note column).
	if len(cells) < n && len(cells) >= t.requiredFields() {
		return true
	}
	t.probs.Errorf(diag.Place{File: t.file, Line: line}, "the line has %d fields but the header (line %d) has %d; check for a missing or extra %s", len(cells), t.headerRow, n, separatorName(sep))
	return false
}

// detectSeparator picks the separator under which one of the first non-empty lines (the
// first, or one below a title) is a known header, trying comma first; a file whose header fits
// none is read as comma-separated. records reads the text from its start under a separator;
// only as far as that line is read.
func detectSeparator(records func(sep rune) *csvRecords, cal period.Calendar) rune {
	for _, sep := range []rune{',', ';', '\t'} {
		r := records(sep)
		for looked := 0; looked <= headerSearchRows; {
			rec, err := r.read()
			if err != nil {
				break
			}
			cells := make([]cell, len(rec))
			for i, f := range rec {
				cells[i] = cell{text: f}
			}
			if allBlank(cells) {
				continue
			}
			if l, _ := detectLayout(cells, cal); l.kind != layoutNone {
				return sep
			}
			looked++
		}
	}
	return ','
}

// headBuffer keeps what has been read of a stream, so the start can be read again under
// another separator.
type headBuffer struct {
	src  io.Reader
	kept []byte
	err  error
}

func (h *headBuffer) replay() io.Reader { return &headReplay{h: h} }

type headReplay struct {
	h   *headBuffer
	off int
}

func (r *headReplay) Read(p []byte) (int, error) {
	h := r.h
	if r.off == len(h.kept) {
		if h.err != nil {
			return 0, h.err
		}
		h.kept = slices.Grow(h.kept, 4096)
		n, err := h.src.Read(h.kept[len(h.kept) : len(h.kept)+4096])
		h.kept = h.kept[:len(h.kept)+n]
		h.err = err
		if n == 0 && err != nil {
			return 0, err
		}
	}
	n := copy(p, h.kept[r.off:])
	r.off += n
	return n, nil
}

func separatorName(sep rune) string {
	switch sep {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}
