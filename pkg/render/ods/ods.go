// Package ods paints the report's workbook (present.WorkbookOf) as an OpenDocument
// spreadsheet, the format GOV.UK asks spreadsheets to be published in: the same sheets,
// tables, words, numbers and colours as the xlsx, every sheet, table and number form decided
// in pkg/present. Each table is a database range with filter buttons (the ODS counterpart of
// an Excel table), its header row repeated when printed. The file is written with archive/zip
// and plain XML text in one pass over the model, so a large report is never held as cells,
// and the same report always gives the same bytes.
package ods

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"time"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// MediaType is the spreadsheet's MIME type, the content of its first part "mimetype".
const MediaType = "application/vnd.oasis.opendocument.spreadsheet"

// Render writes r as an ODS spreadsheet to w, worded and coloured by t (templates.Default()
// when nil). The file is made whole in memory and written with a single Write, so w never
// receives half a file from a failed render.
func Render(w io.Writer, r *report.Report, t *templates.Set) error {
	if r == nil {
		return errors.New("ods: no report to render")
	}
	if t == nil {
		t = templates.Default()
	}
	wb, err := present.WorkbookOf(r, t)
	if err != nil {
		return fmt.Errorf("ods: %w", err)
	}
	return Paint(w, wb, t.Style())
}

// Paint writes the workbook wb as an ODS file to w, in the colours of style.
func Paint(w io.Writer, wb *present.Workbook, style templates.Style) error {
	if len(wb.Sheets) == 0 {
		return errors.New("ods: a spreadsheet needs at least one sheet")
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	date, clock := msDosTime(wb.AsAt)
	// mimetype first and stored, with no extra field, so that a program can tell the file's
	// type from its first bytes (ODF 1.3 part 2, 3.3).
	mimetype := []byte(MediaType)
	//lint:ignore SA1019 Modified would add an extended-timestamp extra field, which mimetype must not have
	mw, err := z.CreateRaw(&zip.FileHeader{Name: "mimetype", Method: zip.Store, ModifiedDate: date, ModifiedTime: clock,
		CRC32: crc32.ChecksumIEEE(mimetype), CompressedSize64: uint64(len(mimetype)), UncompressedSize64: uint64(len(mimetype))})
	if err != nil {
		return fmt.Errorf("ods: %w", err)
	}
	if _, err := mw.Write(mimetype); err != nil {
		return fmt.Errorf("ods: %w", err)
	}
	part := func(name string, write func(*bufio.Writer) error) error {
		//lint:ignore SA1019 the same MS-DOS date as mimetype's, and no extra field
		pw, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, ModifiedDate: date, ModifiedTime: clock})
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(pw, 64<<10)
		if err := write(bw); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return bw.Flush()
	}
	// content.xml first: the cell styles it uses are gathered as it is written, and go into
	// styles.xml after it.
	cs := newCellStyles(style)
	parts := []struct {
		name  string
		write func(*bufio.Writer) error
	}{
		{"content.xml", func(w *bufio.Writer) error { return writeContent(w, wb, cs) }},
		{"styles.xml", func(w *bufio.Writer) error { return writeStyles(w, cs) }},
		{"meta.xml", func(w *bufio.Writer) error { return writeMeta(w, wb) }},
		{"settings.xml", func(w *bufio.Writer) error { return writeSettings(w, wb) }},
		{"META-INF/manifest.xml", writeManifest},
	}
	for _, p := range parts {
		if err := part(p.name, p.write); err != nil {
			return fmt.Errorf("ods: %w", err)
		}
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("ods: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// zipEpoch is the earliest time a zip header can record.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// msDosTime is a zip header's date and time fields (two-second resolution), set directly so
// that the writer adds no extended-time extra field.
func msDosTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	if t.Before(zipEpoch) {
		t = zipEpoch
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

func writeManifest(w *bufio.Writer) error {
	w.WriteString(xmlHeader)
	w.WriteString(`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">`)
	w.WriteString(`<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="` + MediaType + `"/>`)
	for _, p := range []string{"content.xml", "styles.xml", "meta.xml", "settings.xml"} {
		w.WriteString(`<manifest:file-entry manifest:full-path="` + p + `" manifest:media-type="text/xml"/>`)
	}
	_, err := w.WriteString(`</manifest:manifest>`)
	return err
}

func writeMeta(w *bufio.Writer, wb *present.Workbook) error {
	stamp := wb.AsAt.UTC().Format("2006-01-02T15:04:05")
	w.WriteString(xmlHeader)
	w.WriteString(`<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta>`)
	w.WriteString(`<meta:generator>qpr</meta:generator>`)
	element(w, "dc:title", wb.Title)
	element(w, "dc:subject", wb.Subject)
	element(w, "meta:initial-creator", wb.Creator)
	element(w, "dc:creator", wb.Creator)
	if wb.Identifier != "" {
		w.WriteString(`<meta:user-defined meta:name="Identifier">`)
		escape(w, wb.Identifier)
		w.WriteString(`</meta:user-defined>`)
	}
	element(w, "dc:language", wb.Language)
	w.WriteString(`<meta:creation-date>` + stamp + `</meta:creation-date><dc:date>` + stamp + `</dc:date>`)
	_, err := w.WriteString(`</office:meta></office:document-meta>`)
	return err
}

// element writes <name>text</name>, or nothing for empty text.
func element(w *bufio.Writer, name, text string) {
	if text == "" {
		return
	}
	w.WriteString("<" + name + ">")
	escape(w, text)
	w.WriteString("</" + name + ">")
}
