// Package xlsxread reads the data tables of an xlsx workbook in one streaming pass per sheet:
// each cell's value, type and number-format style, with the shared strings and the number
// formats read once per workbook. Every read is bounded by Limits and every part it cannot
// read with certainty is an error with its place, never a guess: a formula without a saved
// result, a shared string that does not exist or a value that is not what its type says is
// reported, not read as blank.
package xlsxread

import (
	"archive/zip"
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits bound what one workbook may cost to read. A zero field means no limit.
type Limits struct {
	PartBytes     int64 // decompressed bytes of one part (a worksheet, the shared strings...)
	WorkbookBytes int64 // decompressed bytes of every part read, together
	Entries       int   // entries in the zip archive
	Rows          int   // row elements in one worksheet
	Cells         int64 // cells in one worksheet, each row counting as wide as its last cell
	CellBytes     int   // bytes of one cell's or shared string's text, and of one XML tag
	StringsBytes  int64 // bytes of the shared strings' text, all held in memory
}

// Limit names one of the Limits.
type Limit uint8

// The limits, one per field of Limits.
const (
	LimitPartBytes Limit = iota + 1
	LimitWorkbookBytes
	LimitEntries
	LimitRows
	LimitCells
	LimitCellBytes
	LimitStringsBytes
)

// LimitError is a workbook that goes over one of its Limits.
type LimitError struct {
	Limit Limit
	Max   int64
	Part  string // the zip entry being read, if any
	At    At     // the cell, for a cell's text in a sheet
	Item  string // what else was being read, such as "shared string 7"
	// Sorting is set when the cells limit was reached by a sheet held in memory to be
	// sorted, where each cell counts SortingWeight times.
	Sorting bool
}

func (e *LimitError) Error() string {
	return strings.TrimSpace(fmt.Sprintf("limit %d (%d) reached in %s %s %s", e.Limit, e.Max, e.Part, e.At, e.Item))
}

// Error is a part of the workbook that cannot be read with certainty.
type Error struct {
	Part string // the zip entry
	At   At     // the cell or row, when the problem is one cell's or row's
	Msg  string
}

func (e *Error) Error() string {
	if at := e.At.String(); at != "" {
		return e.Part + " " + at + ": " + e.Msg
	}
	return e.Part + ": " + e.Msg
}

// NotSpreadsheet is an Office Open XML package that is some other kind of document.
type NotSpreadsheet struct{ What string }

func (e *NotSpreadsheet) Error() string { return e.What }

// SheetKind tells a worksheet, which may hold a table, from sheets that cannot.
type SheetKind uint8

// The kinds of sheet a workbook lists.
const (
	Worksheet SheetKind = iota
	Chartsheet
	OtherSheet // a dialog or macro sheet
)

// Sheet is one sheet the workbook lists, in the workbook's order.
type Sheet struct {
	Name   string
	Part   string // the zip entry of its XML
	Kind   SheetKind
	Hidden bool // hidden in Excel (state hidden or veryHidden): its user does not see it
}

// NumFmt is a cell style's number format: a built-in id, or a custom format code.
type NumFmt struct {
	ID   int
	Code string // the format code, for a format the workbook defines; empty for a built-in
}

// Workbook is an xlsx package opened for reading.
type Workbook struct {
	// Sheets in the workbook's order.
	Sheets []Sheet
	// Date1904 is set for a workbook whose dates count from 1904 (old Mac Excel).
	Date1904 bool
	// NumFmts are the number formats of the cell styles, by style index.
	NumFmts []NumFmt
	// RecalcOnOpen is set for a workbook that asks to be calculated afresh when opened
	// (<calcPr fullCalcOnLoad="1"/>), as Python's openpyxl and xlsxwriter write every workbook:
	// a formula's saved result in it may be a placeholder (xlsxwriter saves 0) never calculated.
	RecalcOnOpen bool

	lim      Limits
	parts    map[string]*zip.File // by lower-case name: part names are case-insensitive
	inflated int64
	// counted is, by part, how many of its bytes inflated holds: a part read again (a sheet
	// whose rows are out of order is read twice) counts only what it unpacks beyond that.
	counted map[string]int64
	strings sharedStrings
	merges  []Range // of the sheet read last
}

// Merges are the merged ranges of the sheet ReadSheet read last (as many as maxMerges), in
// the order the sheet lists them.
func (wb *Workbook) Merges() []Range { return wb.merges }

// Open reads a workbook's structure, shared strings and styles. The archive is size bytes of
// r; size must already be within the caller's bound on a file's size.
func Open(r io.ReaderAt, size int64, lim Limits) (*Workbook, error) {
	if lim.Entries > 0 {
		if n, ok := entryCount(r, size, lim.Entries); ok && n > uint64(lim.Entries) {
			return nil, &LimitError{Limit: LimitEntries, Max: int64(lim.Entries)}
		}
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, err
	}
	if lim.Entries > 0 && len(zr.File) > lim.Entries {
		return nil, &LimitError{Limit: LimitEntries, Max: int64(lim.Entries)}
	}
	wb := &Workbook{lim: lim, parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		key := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := wb.parts[key]; dup {
			return nil, &Error{Part: f.Name, Msg: "the archive holds two entries with this name, so which one Excel reads is unclear"}
		}
		wb.parts[key] = f
	}
	if err := wb.load(); err != nil {
		return nil, err
	}
	return wb, nil
}

// entryCount counts the entries of the zip's central directory, up to limit+1, before
// archive/zip reads it: that reader reads directory headers until one is bad, whatever count
// the archive declares, so a directory of millions of tiny entries would be read into memory
// whole. The count is the larger of the declared one (zip64 too) and the headers found where
// the directory is said to start.
func entryCount(r io.ReaderAt, size int64, limit int) (uint64, bool) {
	const eocdLen, maxComment = 22, 65535
	tail := min(size, eocdLen+maxComment)
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return 0, false
	}
	i := lastIndex(buf, "PK\x05\x06")
	if i < 0 || len(buf)-i < eocdLen {
		return 0, false
	}
	declared := uint64(binary.LittleEndian.Uint16(buf[i+10:]))
	dirOffset := int64(binary.LittleEndian.Uint32(buf[i+16:]))
	if i >= 20 && string(buf[i-20:i-16]) == "PK\x06\x07" {
		off := int64(binary.LittleEndian.Uint64(buf[i-20+8:]))
		rec := make([]byte, 56)
		if off >= 0 && off <= size-56 {
			if _, err := r.ReadAt(rec, off); err == nil && string(rec[:4]) == "PK\x06\x06" {
				declared = binary.LittleEndian.Uint64(rec[32:])
				dirOffset = int64(binary.LittleEndian.Uint64(rec[48:]))
			}
		}
	}
	return max(declared, countHeaders(r, size, dirOffset, limit)), true
}

// countHeaders walks central-directory headers from off, stopping after limit+1.
func countHeaders(r io.ReaderAt, size, off int64, limit int) uint64 {
	if off < 0 || off >= size {
		return 0
	}
	br := bufio.NewReaderSize(io.NewSectionReader(r, off, size-off), 64<<10)
	var head [46]byte
	n := uint64(0)
	for n <= uint64(limit) {
		if _, err := io.ReadFull(br, head[:]); err != nil || string(head[:4]) != "PK\x01\x02" {
			break
		}
		n++
		skip := int(binary.LittleEndian.Uint16(head[28:])) + int(binary.LittleEndian.Uint16(head[30:])) + int(binary.LittleEndian.Uint16(head[32:]))
		if _, err := br.Discard(skip); err != nil {
			break
		}
	}
	return n
}

func lastIndex(b []byte, sep string) int { return strings.LastIndex(string(b), sep) }

// part finds a part by name, ignoring case as the packaging conventions do.
func (wb *Workbook) part(name string) (*zip.File, bool) {
	f, ok := wb.parts[strings.ToLower(strings.TrimPrefix(name, "/"))]
	return f, ok
}

// open starts reading a part, counting its decompressed bytes against the limits. The
// sizes the zip's headers declare are checked first, but not trusted: every byte is counted.
func (wb *Workbook) open(name string) (io.ReadCloser, error) {
	f, ok := wb.part(name)
	if !ok {
		return nil, &Error{Part: name, Msg: "the workbook names this part but the archive has no such entry"}
	}
	if wb.lim.PartBytes > 0 && f.UncompressedSize64 > uint64(wb.lim.PartBytes) {
		return nil, &LimitError{Limit: LimitPartBytes, Max: wb.lim.PartBytes, Part: f.Name}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, wb.damaged(f.Name, err)
	}
	return &countedReader{rc: rc, wb: wb, part: f.Name}, nil
}

// damaged turns an error from the zip layer into one naming the part.
func (wb *Workbook) damaged(part string, err error) error {
	var le *LimitError
	var xe *Error
	if errors.As(err, &le) || errors.As(err, &xe) {
		return err
	}
	switch {
	case errors.Is(err, zip.ErrAlgorithm):
		return &Error{Part: part, Msg: "the part is compressed with a method qpr cannot read (only deflate and stored are used by spreadsheet programs)"}
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Part: part, Msg: "the part is damaged (" + err.Error() + ")"}
	}
	var me *errMalformed
	if errors.As(err, &me) {
		return &Error{Part: part, Msg: me.Error()}
	}
	var tl *tooLong
	if errors.As(err, &tl) {
		return &LimitError{Limit: LimitCellBytes, Max: int64(wb.lim.CellBytes), Part: part}
	}
	return &Error{Part: part, Msg: err.Error()}
}

// countedReader counts a part's decompressed bytes as they are inflated.
type countedReader struct {
	rc   io.ReadCloser
	wb   *Workbook
	part string
	n    int64
}

func (c *countedReader) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.n += int64(n)
	if before := c.wb.counted[c.part]; c.n > before {
		if c.wb.counted == nil {
			c.wb.counted = make(map[string]int64)
		}
		c.wb.inflated += c.n - before
		c.wb.counted[c.part] = c.n
	}
	lim := c.wb.lim
	if lim.PartBytes > 0 && c.n > lim.PartBytes {
		return n, &LimitError{Limit: LimitPartBytes, Max: lim.PartBytes, Part: c.part}
	}
	if lim.WorkbookBytes > 0 && c.wb.inflated > lim.WorkbookBytes {
		return n, &LimitError{Limit: LimitWorkbookBytes, Max: lim.WorkbookBytes, Part: c.part}
	}
	return n, err
}

func (c *countedReader) Close() error { return c.rc.Close() }

// scan opens a part for the scanner.
func (wb *Workbook) scan(name string) (*scanner, io.Closer, error) {
	rc, err := wb.open(name)
	if err != nil {
		return nil, nil, err
	}
	return newScanner(rc, wb.maxTag()), rc, nil
}

// maxTag is the longest XML tag accepted: long enough for any real one, short enough that a
// hostile attribute cannot fill memory.
func (wb *Workbook) maxTag() int {
	if wb.lim.CellBytes > 0 {
		return max(wb.lim.CellBytes, 64<<10) + 1024
	}
	return 1 << 30
}

// maxText is the longest text accepted.
func (wb *Workbook) maxText() int {
	if wb.lim.CellBytes > 0 {
		return wb.lim.CellBytes
	}
	return 1 << 30
}

// relationship is one Relationship of a part's .rels.
type relationship struct {
	id, typ, target string
}

// Relationship types, by the end of their URI (transitional and strict spellings differ
// before it).
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relChartsheet     = "/chartsheet"
	relStyles         = "/styles"
	relSharedStrings  = "/sharedStrings"
)

// load follows the package's relationships to the workbook, and from it to the sheets,
// styles and shared strings, as the Open Packaging Conventions lay them out.
func (wb *Workbook) load() error {
	types, err := wb.contentTypes()
	if err != nil {
		return err
	}
	wbPart := ""
	if rels, err := wb.relationships("_rels/.rels"); err != nil {
		return err
	} else {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, relOfficeDocument) {
				wbPart = resolvePart("", r.target)
				break
			}
		}
	}
	if wbPart == "" {
		wbPart = types.find(".sheet.main+xml", ".sheet.macroEnabled.main+xml", ".template.main+xml")
	}
	if wbPart == "" {
		wbPart = "xl/workbook.xml"
	}
	if _, ok := wb.part(wbPart); !ok {
		if what := wb.openDocument(); what != "" {
			return &NotSpreadsheet{What: "the file is " + what + ", not an xlsx workbook"}
		}
		return &Error{Part: wbPart, Msg: "the workbook part is missing, so this is not a spreadsheet"}
	}
	if typ := types.typeOf(wbPart); typ != "" && !strings.Contains(strings.ToLower(typ), "sheet") {
		what := "not a spreadsheet"
		switch {
		case strings.Contains(typ, "wordprocessingml"):
			what = "a Word document, not a spreadsheet"
		case strings.Contains(typ, "presentationml"):
			what = "a PowerPoint presentation, not a spreadsheet"
		}
		return &NotSpreadsheet{What: fmt.Sprintf("the file is %s (its main part is %s)", what, typ)}
	}
	sheets, err := wb.readWorkbook(wbPart)
	if err != nil {
		return err
	}
	dir, base := path.Split(wbPart)
	rels, err := wb.relationships(dir + "_rels/" + base + ".rels")
	if err != nil {
		return err
	}
	byID := map[string]relationship{}
	stylesPart, stringsPart := "", ""
	for _, r := range rels {
		r.target = resolvePart(dir, r.target)
		byID[r.id] = r
		switch {
		case strings.HasSuffix(r.typ, relStyles):
			stylesPart = r.target
		case strings.HasSuffix(r.typ, relSharedStrings):
			stringsPart = r.target
		}
	}
	sheetOf := map[string]string{} // part name, lower case → the sheet it holds
	for _, s := range sheets {
		r, ok := byID[s.rid]
		if !ok {
			return &Error{Part: wbPart, Msg: fmt.Sprintf("sheet %q refers to relationship %q, which the workbook's relationships do not have", s.name, s.rid)}
		}
		// A part read as several sheets would be read once for each: a small file that named
		// one part for thousands of sheets would take minutes.
		if other, ok := sheetOf[strings.ToLower(r.target)]; ok {
			return &Error{Part: wbPart, Msg: fmt.Sprintf("sheets %q and %q are both the part %s; each sheet has a part of its own", other, s.name, r.target)}
		}
		sheetOf[strings.ToLower(r.target)] = s.name
		kind := OtherSheet
		switch {
		case strings.HasSuffix(r.typ, relWorksheet):
			kind = Worksheet
		case strings.HasSuffix(r.typ, relChartsheet):
			kind = Chartsheet
		}
		wb.Sheets = append(wb.Sheets, Sheet{Name: s.name, Part: r.target, Kind: kind, Hidden: s.hidden})
	}
	if stylesPart == "" {
		stylesPart = types.find(".spreadsheetml.styles+xml")
	}
	if stringsPart == "" {
		stringsPart = types.find(".spreadsheetml.sharedStrings+xml")
	}
	// A styles or shared-strings part named but absent is read as empty: a cell that uses
	// one then fails on its own, with its place.
	if _, ok := wb.part(stylesPart); ok {
		if err := wb.readStyles(stylesPart); err != nil {
			return err
		}
	}
	if _, ok := wb.part(stringsPart); ok {
		if err := wb.readSharedStrings(stringsPart); err != nil {
			return err
		}
	}
	return nil
}

// openDocument names the OpenDocument file (LibreOffice's own format, which Google Sheets and
// others also export) that a zip archive is, by its first entry "mimetype"; it is empty for
// any other archive.
func (wb *Workbook) openDocument() string {
	f, ok := wb.part("mimetype")
	if !ok || f.UncompressedSize64 > 100 {
		return ""
	}
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 100))
	switch t := string(b); {
	case t == "application/vnd.oasis.opendocument.spreadsheet":
		return "an OpenDocument spreadsheet (.ods)"
	case strings.HasPrefix(t, "application/vnd.oasis.opendocument."):
		return "an OpenDocument file (" + strings.TrimPrefix(t, "application/vnd.oasis.opendocument.") + ")"
	}
	return ""
}

// resolvePart turns a relationship target into a part name: absolute targets start at the
// package root, others are relative to the source part's directory.
func resolvePart(dir, target string) string {
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/"+dir, target)), "/")
}

// contentTypeList is [Content_Types].xml's overrides: part name → content type.
type contentTypeList []struct{ part, typ string }

// find is the first part whose content type ends with one of suffixes.
func (l contentTypeList) find(suffixes ...string) string {
	for _, suffix := range suffixes {
		for _, o := range l {
			if strings.HasSuffix(o.typ, suffix) {
				return strings.TrimPrefix(o.part, "/")
			}
		}
	}
	return ""
}

// typeOf is the content type of the part named, if an override gives it.
func (l contentTypeList) typeOf(part string) string {
	for _, o := range l {
		if strings.EqualFold(strings.TrimPrefix(o.part, "/"), part) {
			return o.typ
		}
	}
	return ""
}

func (wb *Workbook) contentTypes() (contentTypeList, error) {
	var list contentTypeList
	if _, ok := wb.part("[Content_Types].xml"); !ok {
		return nil, nil // read on from the relationships alone, as Excel does
	}
	err := wb.eachElement("[Content_Types].xml", func(s *scanner) error {
		if !s.is("Override") {
			return nil
		}
		name, _, err := s.attr("PartName")
		if err != nil {
			return err
		}
		typ, _, err := s.attr("ContentType")
		list = append(list, struct{ part, typ string }{name, typ})
		if err == nil && len(list) > wb.mostListed() {
			err = &Error{Part: "[Content_Types].xml", Msg: "it lists more parts than the archive has entries"}
		}
		return err
	})
	return list, err
}

// mostListed bounds the entries of the lists the package's small parts give (content types,
// relationships), which are held in memory: a real one names each part of the archive at
// most once or twice, with a few more for parts some writers list but leave out.
func (wb *Workbook) mostListed() int { return 2*len(wb.parts) + 64 }

// relationships reads a .rels part; a part without one has none.
func (wb *Workbook) relationships(name string) ([]relationship, error) {
	if _, ok := wb.part(name); !ok {
		return nil, nil
	}
	var rels []relationship
	err := wb.eachElement(name, func(s *scanner) error {
		if !s.is("Relationship") {
			return nil
		}
		var r relationship
		var mode string
		var err error
		for _, a := range []struct {
			key string
			to  *string
		}{{"Id", &r.id}, {"Type", &r.typ}, {"Target", &r.target}, {"TargetMode", &mode}} {
			if *a.to, _, err = s.attr(a.key); err != nil {
				return err
			}
		}
		if mode != "External" {
			rels = append(rels, r)
		}
		if len(rels) > wb.mostListed() {
			return &Error{Part: name, Msg: "it lists more relationships to parts than the archive has entries"}
		}
		return nil
	})
	return rels, err
}

// eachElement calls fn at every start tag of a small part.
func (wb *Workbook) eachElement(name string, fn func(*scanner) error) error {
	s, c, err := wb.scan(name)
	if err != nil {
		return err
	}
	defer c.Close()
	for {
		k, err := s.next()
		if err != nil {
			return wb.damaged(name, err)
		}
		switch k {
		case tokEOF:
			return nil
		case tokStart:
			if err := fn(s); err != nil {
				return wb.damaged(name, err)
			}
		}
	}
}

type sheetRef struct {
	name, rid string
	hidden    bool
}

// readWorkbook reads the sheet list and the date system.
func (wb *Workbook) readWorkbook(name string) ([]sheetRef, error) {
	var sheets []sheetRef
	seen := map[string]bool{}
	err := wb.eachElement(name, func(s *scanner) error {
		switch {
		case s.is("workbookPr"):
			v, _, err := s.attr("date1904")
			wb.Date1904 = v == "1" || v == "true"
			return err
		case s.is("calcPr"):
			v, _, err := s.attr("fullCalcOnLoad")
			wb.RecalcOnOpen = v == "1" || v == "true"
			return err
		case s.is("sheet"):
			n, _, err := s.attr("name")
			if err != nil {
				return err
			}
			if !utf8.ValidString(n) {
				return &Error{Part: name, Msg: "a sheet's name " + textProblem(n)}
			}
			// The relationship id is r:id; its prefix varies from writer to writer, and no
			// other attribute of <sheet> is called id.
			rid, ok, err := s.attr("id")
			if err != nil {
				return err
			}
			if !ok {
				return malformed("sheet %q has no relationship id", n)
			}
			if seen[strings.ToLower(n)] {
				return malformed("two sheets are called %q", n)
			}
			seen[strings.ToLower(n)] = true
			state, _, err := s.attr("state")
			if err != nil {
				return err
			}
			sheets = append(sheets, sheetRef{n, rid, state == "hidden" || state == "veryHidden"})
			if len(sheets) > len(wb.parts) {
				return &Error{Part: name, Msg: "it lists more sheets than the archive has entries, so the parts of some are missing"}
			}
		}
		return nil
	})
	return sheets, err
}

// readStyles reads the number format of each cell style (cellXfs).
func (wb *Workbook) readStyles(name string) error {
	custom := map[int]string{}
	var xfIDs []int
	inNumFmts, inCellXfs := false, false
	s, c, err := wb.scan(name)
	if err != nil {
		return err
	}
	defer c.Close()
	for {
		k, err := s.next()
		if err != nil {
			return wb.damaged(name, err)
		}
		if k == tokEOF {
			break
		}
		if k == tokEnd {
			switch {
			case s.is("numFmts"):
				inNumFmts = false
			case s.is("cellXfs"):
				inCellXfs = false
			}
			continue
		}
		switch {
		case s.is("numFmts"):
			inNumFmts = !s.empty
		case s.is("cellXfs"):
			inCellXfs = !s.empty
		case s.is("numFmt") && inNumFmts:
			id, err := intAttr(s, "numFmtId")
			if err != nil {
				return wb.damaged(name, err)
			}
			code, _, err := s.attr("formatCode")
			if err != nil {
				return wb.damaged(name, err)
			}
			custom[id] = code
		case s.is("xf") && inCellXfs:
			id, err := intAttr(s, "numFmtId")
			if err != nil {
				return wb.damaged(name, err)
			}
			xfIDs = append(xfIDs, id)
		}
	}
	for _, id := range xfIDs {
		wb.NumFmts = append(wb.NumFmts, NumFmt{ID: id, Code: custom[id]})
	}
	return nil
}

// intAttr reads a whole-number attribute; an absent one is 0.
func intAttr(s *scanner, key string) (int, error) {
	v, ok, err := s.attr(key)
	if err != nil || !ok {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return 0, malformed("%s=%q is not a whole number", key, v)
	}
	return n, nil
}

// readSharedStrings reads the shared string table: each <si>'s text, its rich-text runs
// joined and its phonetic guide (rPh) left out, as Excel shows it.
func (wb *Workbook) readSharedStrings(name string) error {
	s, c, err := wb.scan(name)
	if err != nil {
		return err
	}
	defer c.Close()
	var table sharedStrings
	var buf []byte
	for {
		k, err := s.next()
		if err != nil {
			return wb.stringErr(name, err, table.len())
		}
		if k == tokEOF {
			break
		}
		if k != tokStart || !s.is("si") {
			continue
		}
		buf = buf[:0]
		if !s.empty {
			if buf, err = s.richText(buf, wb.maxText(), "si"); err != nil {
				return wb.stringErr(name, err, table.len())
			}
		}
		// The table is held in memory, so each string counts SortingWeight cells, as a row held
		// to be sorted does: a few bytes of XML per empty string would otherwise fill memory.
		if lim := wb.lim.Cells; lim > 0 && int64(table.len()+1)*SortingWeight > lim {
			return &LimitError{Limit: LimitCells, Max: lim / SortingWeight, Part: name, Item: "shared strings", Sorting: true}
		}
		text := unescapeXstring(buf)
		if !utf8.Valid(text) {
			table.markInvalid()
		}
		table.add(text)
		if lim := wb.lim.StringsBytes; lim > 0 && table.size > lim {
			return &LimitError{Limit: LimitStringsBytes, Max: lim, Part: name}
		}
	}
	table.seal()
	wb.strings = table
	return nil
}

// sharedStrings is the shared string table, its text kept in blocks of about a megabyte,
// each one string, so that a table of a million short strings costs its text and a few bytes
// a string rather than an allocation each, and a big table grows without copying what it
// holds.
type sharedStrings struct {
	blocks  []string // full blocks
	current []byte   // the block being filled
	entries []sharedString
	size    int64 // bytes of text
	// bad lists, in order, the entries whose text is not valid UTF-8: refused where a cell
	// uses one, so that an unused one costs nothing and a used one is named by its cell.
	bad []int
}

// sharedString is where one entry's text is: its block and its bounds there.
type sharedString struct{ block, start, end uint32 }

const stringBlock = 1 << 20

func (t *sharedStrings) add(text []byte) {
	if len(t.current)+len(text) > max(stringBlock, len(text)) {
		t.seal()
	}
	if t.current == nil {
		t.current = make([]byte, 0, max(stringBlock, len(text)))
	}
	start := len(t.current)
	t.current = append(t.current, text...)
	t.size += int64(len(text))
	t.entries = append(t.entries, sharedString{uint32(len(t.blocks)), uint32(start), uint32(len(t.current))})
}

// seal ends the current block.
func (t *sharedStrings) seal() {
	if t.current != nil {
		t.blocks = append(t.blocks, string(t.current))
		t.current = nil
	}
}

func (t *sharedStrings) len() int { return len(t.entries) }

// markInvalid records that the entry about to be added is not valid UTF-8.
func (t *sharedStrings) markInvalid() { t.bad = append(t.bad, len(t.entries)) }

// invalid reports whether entry i is not valid UTF-8.
func (t *sharedStrings) invalid(i int) bool {
	_, found := slices.BinarySearch(t.bad, i)
	return found
}

func (t *sharedStrings) at(i int) string {
	e := t.entries[i]
	return t.blocks[e.block][e.start:e.end]
}

func (wb *Workbook) stringErr(name string, err error, n int) error {
	var tm *tooMuchText
	if errors.As(err, &tm) {
		return &LimitError{Limit: LimitCellBytes, Max: int64(wb.lim.CellBytes), Part: name, Item: fmt.Sprintf("shared string %d", n)}
	}
	return wb.damaged(name, err)
}

// richText reads the text of a string item (<si> or <is>) after its start tag, up to and
// including the end tag named end: the text of every <t>, in order, except those of phonetic
// runs (<rPh>).
func (s *scanner) richText(dst []byte, limit int, end string) ([]byte, error) {
	depth, phonetic := 0, 0 // phonetic: the depth of the <rPh> being skipped, if any
	for {
		k, err := s.next()
		if err != nil {
			return dst, err
		}
		switch k {
		case tokEOF:
			return dst, s.unexpectedEnd("<" + end + ">")
		case tokStart:
			if s.empty {
				continue
			}
			depth++
			switch {
			case phonetic != 0:
			case s.is("rPh"):
				phonetic = depth
			case s.is("t"):
				if dst, err = s.text(dst, limit); err != nil {
					return dst, err
				}
			}
		case tokEnd:
			if depth == 0 {
				if !s.is(end) {
					return dst, malformed("</%s> where </%s> was expected", s.name, end)
				}
				return dst, nil
			}
			if phonetic == depth {
				phonetic = 0
			}
			depth--
		}
	}
}
