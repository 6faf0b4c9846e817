package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// A run of rows written by rowXML stands in a streamed sheet behind a marker row, one the
// stream writer writes with a single text cell: the run's first row number, and a token
// naming the run. No other row of the sheet has that number, and no cell's text can hold a
// row's mark-up (excelize escapes its '<'), so the marker is found only where it was put.
type run struct {
	marker []byte
	rows   *rowXML
	placed bool
}

// markerToken is the marker row's text for run i.
func markerToken(i int) string { return "qpr rows " + strconv.Itoa(i) }

// markerRow is the marker row exactly as the stream writer writes it (an unstyled text cell
// in column A).
func markerRow(n int, token string) []byte {
	row := strconv.Itoa(n)
	return []byte(`<row r="` + row + `"><c r="A` + row + `" t="inlineStr"><is><t>` + token + `</t></is></c></row>`)
}

// splicer is the workbook's zip writer: archive/zip's, as excelize uses by default, except
// that a worksheet holding marker rows is held until it is whole and written with each
// marker replaced by its run of rows. Worksheets are small without their runs.
type splicer struct {
	zw   *zip.Writer
	runs []*run
	name string       // the worksheet held, "" when none
	part bytes.Buffer // its content
}

func (s *splicer) Create(name string) (io.Writer, error) {
	if err := s.flush(); err != nil {
		return nil, err
	}
	if s.pending() && strings.HasPrefix(name, "xl/worksheets/") {
		s.name = name
		s.part.Reset()
		return &s.part, nil
	}
	return s.zw.Create(name)
}

func (s *splicer) AddFS(fsys fs.FS) error {
	if err := s.flush(); err != nil {
		return err
	}
	return s.zw.AddFS(fsys)
}

func (s *splicer) Close() error {
	if err := s.flush(); err != nil {
		return err
	}
	for _, r := range s.runs {
		if !r.placed {
			return fmt.Errorf("a streamed sheet's rows were not placed (marker %q not found)", r.marker)
		}
	}
	return s.zw.Close()
}

func (s *splicer) pending() bool {
	for _, r := range s.runs {
		if !r.placed {
			return true
		}
	}
	return false
}

// flush writes the worksheet held, each marker in it replaced by its rows.
func (s *splicer) flush() error {
	if s.name == "" {
		return nil
	}
	name := s.name
	s.name = ""
	data := s.part.Bytes()
	type at struct {
		pos int
		r   *run
	}
	var found []at
	for _, r := range s.runs {
		if r.placed {
			continue
		}
		if i := bytes.Index(data, r.marker); i >= 0 {
			found = append(found, at{i, r})
		}
	}
	sort.Slice(found, func(i, j int) bool { return found[i].pos < found[j].pos })
	w, err := s.zw.Create(name)
	if err != nil {
		return err
	}
	last := 0
	for _, f := range found {
		if _, err := w.Write(data[last:f.pos]); err != nil {
			return err
		}
		if _, err := f.r.rows.out.WriteTo(w); err != nil {
			return err
		}
		f.r.placed = true
		f.r.rows = nil // let the rows go
		last = f.pos + len(f.r.marker)
	}
	_, err = w.Write(data[last:])
	return err
}

// useSplicer makes f write its zip through a splicer of runs.
func useSplicer(f *excelize.File, runs *[]*run) {
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		return &splicer{zw: zip.NewWriter(w), runs: *runs}
	})
}
