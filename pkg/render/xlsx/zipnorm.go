package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"time"
)

const contentTypesPart = "[Content_Types].xml"

// zipEpoch is the earliest time a zip header can record.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// normalizeZip re-packs a zip so that its bytes depend only on its parts' names and
// contents: parts sorted by name ([Content_Types].xml first, as Office expects), every part
// stamped with the same time (in the header's own date fields only), with no data
// descriptors. excelize stamps nothing useful but
// writes streamed sheets in map order, which differs from run to run.
//
// A deflated part is copied as it is compressed, since compress/flate gives the same
// bytes for the same content; any other part is deflated here, so every part comes out
// deflated.
func normalizeZip(in []byte, modified time.Time) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(in), int64(len(in)))
	if err != nil {
		return nil, fmt.Errorf("re-packing workbook: %w", err)
	}
	files := append([]*zip.File(nil), zr.File...)
	seen := map[string]bool{}
	for _, zf := range files {
		if seen[zf.Name] {
			return nil, fmt.Errorf("re-packing workbook: part %s appears twice", zf.Name)
		}
		seen[zf.Name] = true
	}
	sort.Slice(files, func(i, j int) bool {
		a, b := files[i].Name, files[j].Name
		if (a == contentTypesPart) != (b == contentTypesPart) {
			return a == contentTypesPart
		}
		return a < b
	})

	stamp := modified.UTC()
	if stamp.Before(zipEpoch) {
		stamp = zipEpoch
	}
	var out bytes.Buffer
	out.Grow(len(in))
	zw := zip.NewWriter(&out)
	for _, zf := range files {
		if err := copyPart(zw, zf, stamp); err != nil {
			return nil, fmt.Errorf("re-packing workbook part %s: %w", zf.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("re-packing workbook: %w", err)
	}
	return out.Bytes(), nil
}

func copyPart(zw *zip.Writer, zf *zip.File, stamp time.Time) error {
	header := &zip.FileHeader{Name: zf.Name, Method: zip.Deflate}
	// Modified would add an extended-timestamp field; the bare MS-DOS fields keep the parts
	// exactly as Excel writes them.
	//lint:ignore SA1019 the deprecated fields are the only way to set the time without the extra field
	header.ModifiedDate, header.ModifiedTime = msDosTime(stamp)
	var compressed io.Reader
	if zf.Method == zip.Deflate {
		raw, err := zf.OpenRaw()
		if err != nil {
			return err
		}
		compressed = raw
		header.CRC32, header.CompressedSize64, header.UncompressedSize64 = zf.CRC32, zf.CompressedSize64, zf.UncompressedSize64
	} else {
		data, err := readPart(zf)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		fw, err := flate.NewWriter(&buf, flate.DefaultCompression)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
		if err := fw.Close(); err != nil {
			return err
		}
		compressed = &buf
		header.CRC32 = crc32.ChecksumIEEE(data)
		header.CompressedSize64, header.UncompressedSize64 = uint64(buf.Len()), uint64(len(data))
	}
	w, err := zw.CreateRaw(header)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, compressed)
	return err
}

// msDosTime is a zip header's date and time fields (two-second resolution).
func msDosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// readPart reads a part whole, checking it against its CRC.
func readPart(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}
