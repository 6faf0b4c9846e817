package data

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// excelize's streaming row iterator gives each cell's value but not its style or type, which
// say whether 0.57 is a percentage, 45199 a date, or "#N/A" a formula's error. Asking excelize
// per cell (GetCellStyle) would load the whole worksheet into memory. So the worksheet part is
// read a second time, alongside the iterator, by a scanner that keeps only each cell's column,
// style id and type: both passes stream.

// workbookParts maps sheet names to their worksheet parts inside the xlsx zip.
type workbookParts struct {
	zip    *zip.ReadCloser
	sheets map[string]string // lower-case sheet name -> part path
}

func openWorkbookParts(file string) (*workbookParts, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	wp := &workbookParts{zip: zr, sheets: map[string]string{}}
	if err := wp.load(); err != nil {
		zr.Close()
		return nil, err
	}
	return wp, nil
}

func (wp *workbookParts) Close() error { return wp.zip.Close() }

type xmlRelationships struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	Sheets []struct {
		Name string     `xml:"name,attr"`
		Attr []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// load follows the package relationships to the workbook and from it to each worksheet, as
// the Open Packaging Conventions lay them out.
func (wp *workbookParts) load() error {
	var root xmlRelationships
	if err := wp.decode("_rels/.rels", &root); err != nil {
		return err
	}
	wbPath := "xl/workbook.xml"
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			wbPath = resolvePart("", r.Target)
		}
	}
	var wb xmlWorkbook
	if err := wp.decode(wbPath, &wb); err != nil {
		return err
	}
	var rels xmlRelationships
	dir, base := path.Split(wbPath)
	if err := wp.decode(dir+"_rels/"+base+".rels", &rels); err != nil {
		return err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		targets[r.ID] = resolvePart(dir, r.Target)
	}
	for _, s := range wb.Sheets {
		for _, a := range s.Attr {
			if a.Name.Local == "id" {
				if target, ok := targets[a.Value]; ok {
					wp.sheets[strings.ToLower(s.Name)] = target
				}
			}
		}
	}
	return nil
}

// resolvePart turns a relationship target into a part path: absolute targets start at the
// package root, others are relative to the source part's directory.
func resolvePart(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return path.Clean(path.Join(dir, target))
}

func (wp *workbookParts) open(name string) (io.ReadCloser, error) {
	for _, f := range wp.zip.File {
		if strings.EqualFold(f.Name, name) {
			return f.Open()
		}
	}
	return nil, fmt.Errorf("the workbook has no part %s", name)
}

func (wp *workbookParts) decode(name string, v any) error {
	rc, err := wp.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// cellMeta is what the row iterator leaves out about a cell.
type cellMeta struct {
	col      int // 1-based
	style    int
	typ      string // the cell's t attribute: s, str, inlineStr, n, b, e, d or empty
	formula  bool
	hasValue bool // a <v> element: a formula without one has never been calculated
}

// sheetScanner streams a worksheet part row by row, keeping each cell's metadata.
type sheetScanner struct {
	rc      io.ReadCloser
	tags    *tagReader
	lastRow int
	pending []cellMeta
	pendRow int // row number of pending; 0 = none
	done    bool
}

func (wp *workbookParts) scanner(sheet string) (*sheetScanner, error) {
	part, ok := wp.sheets[strings.ToLower(sheet)]
	if !ok {
		return nil, fmt.Errorf("the workbook does not say where sheet %q is stored", sheet)
	}
	rc, err := wp.open(part)
	if err != nil {
		return nil, err
	}
	return &sheetScanner{rc: rc, tags: newTagReader(rc)}, nil
}

func (s *sheetScanner) Close() error { return s.rc.Close() }

// row returns the metadata of row n's cells, in column order; rows must be asked for in
// increasing order. A row with no element in the part has none.
func (s *sheetScanner) row(n int, buf []cellMeta) ([]cellMeta, error) {
	for {
		if s.pendRow != 0 {
			if s.pendRow > n {
				return buf[:0], nil
			}
			row := s.pendRow
			s.pendRow = 0
			if row == n {
				return append(buf[:0], s.pending...), nil
			}
		}
		if s.done {
			return buf[:0], nil
		}
		if err := s.next(); err != nil {
			return buf[:0], err
		}
	}
}

// next reads the next row element into pending, or sets done at the end of the sheet data.
func (s *sheetScanner) next() error {
	for {
		err := s.tags.next()
		if err == io.EOF {
			s.done = true
			return nil
		}
		if err != nil {
			return err
		}
		switch {
		case s.tags.end && s.tags.is("sheetData"):
			s.done = true
			return nil
		case !s.tags.end && s.tags.is("row"):
			s.lastRow++
			if r, ok := s.tags.attr("r"); ok {
				n, err := strconv.Atoi(string(r))
				if err != nil {
					return fmt.Errorf("row number %q is not a number", r)
				}
				s.lastRow = n
			}
			s.pendRow = s.lastRow
			s.pending = s.pending[:0]
			if s.tags.empty {
				return nil
			}
			return s.readCells()
		}
	}
}

func (s *sheetScanner) readCells() error {
	col := 0
	for {
		if err := s.tags.next(); err != nil {
			return unexpectedEOF(err)
		}
		t := s.tags
		if t.end {
			if t.is("row") {
				return nil
			}
			continue
		}
		if !t.is("c") {
			continue
		}
		col++
		m := cellMeta{}
		if r, ok := t.attr("r"); ok {
			c, err := columnOfRef(string(r))
			if err != nil {
				return err
			}
			col = c
		}
		if v, ok := t.attr("s"); ok {
			m.style, _ = strconv.Atoi(string(v))
		}
		if v, ok := t.attr("t"); ok {
			m.typ = string(v)
		}
		m.col = col
		if !t.empty {
			if err := s.readCellBody(&m); err != nil {
				return err
			}
		}
		s.pending = append(s.pending, m)
	}
}

// readCellBody notes whether the cell has a formula and a saved value, up to its end tag.
func (s *sheetScanner) readCellBody(m *cellMeta) error {
	for {
		if err := s.tags.next(); err != nil {
			return unexpectedEOF(err)
		}
		t := s.tags
		switch {
		case t.end && t.is("c"):
			return nil
		case !t.end && t.is("f"):
			m.formula = true
		case !t.end && t.is("v"):
			m.hasValue = true
		}
	}
}

// columnOfRef is the 1-based column of an A1 reference.
func columnOfRef(ref string) (int, error) {
	col := 0
	for i := 0; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			if col == 0 {
				break
			}
			return col, nil
		}
		col = col*26 + int(c-'a') + 1
	}
	return 0, fmt.Errorf("cell reference %q is not valid", ref)
}
