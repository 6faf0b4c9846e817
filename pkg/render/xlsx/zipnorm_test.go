package xlsx

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"time"
)

type zipPart struct{ name, body string }

func makeZip(t *testing.T, parts []zipPart, stamp time.Time, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: stamp})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Both paths are covered: a stored part is deflated afresh, a deflated one copied as it is.
func TestNormalizeZipSortsAndStamps(t *testing.T) {
	for _, method := range []uint16{zip.Store, zip.Deflate} {
		checkNormalized(t, method)
	}
}

func checkNormalized(t *testing.T, method uint16) {
	t.Helper()
	parts := []zipPart{
		{"xl/worksheets/sheet2.xml", "<b/>"},
		{"_rels/.rels", "<rels/>"},
		{"xl/worksheets/sheet10.xml", "<c/>"},
		{"[Content_Types].xml", "<types/>"},
		{"docProps/app.xml", "<app/>"},
	}
	in := makeZip(t, parts, time.Date(2031, 5, 6, 7, 8, 9, 0, time.UTC), method)
	asAt := time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)
	out, err := normalizeZip(in, asAt)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	wantOrder := []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml",
		"xl/worksheets/sheet10.xml", "xl/worksheets/sheet2.xml"}
	wantBody := map[string]string{}
	for _, p := range parts {
		wantBody[p.name] = p.body
	}
	if len(zr.File) != len(wantOrder) {
		t.Fatalf("%d parts, want %d", len(zr.File), len(wantOrder))
	}
	for i, zf := range zr.File {
		if zf.Name != wantOrder[i] {
			t.Errorf("part %d = %s, want %s", i, zf.Name, wantOrder[i])
		}
		if !zf.Modified.Equal(asAt) {
			t.Errorf("%s modified %v, want %v", zf.Name, zf.Modified, asAt)
		}
		if zf.Method != zip.Deflate {
			t.Errorf("%s method %d, want deflate", zf.Name, zf.Method)
		}
		body, err := readPart(zf)
		if err != nil {
			t.Fatal(err)
		}
		if string(body) != wantBody[zf.Name] {
			t.Errorf("%s body = %q, want %q", zf.Name, body, wantBody[zf.Name])
		}
	}
}

func TestNormalizeZipIgnoresOrderAndTime(t *testing.T) {
	a := []zipPart{{"b.xml", "<b/>"}, {"a.xml", "<a/>"}, {"[Content_Types].xml", "<t/>"}}
	b := []zipPart{{"[Content_Types].xml", "<t/>"}, {"a.xml", "<a/>"}, {"b.xml", "<b/>"}}
	asAt := time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)
	outA, err := normalizeZip(makeZip(t, a, time.Date(2020, 1, 1, 1, 2, 3, 0, time.UTC), zip.Deflate), asAt)
	if err != nil {
		t.Fatal(err)
	}
	outB, err := normalizeZip(makeZip(t, b, time.Date(2025, 6, 1, 0, 0, 0, 0, time.Local), zip.Deflate), asAt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(outA, outB) {
		t.Error("the same parts in another order and with other times gave different bytes")
	}
}

func TestNormalizeZipClampsToZipEpoch(t *testing.T) {
	out, err := normalizeZip(makeZip(t, []zipPart{{"a", "x"}}, time.Time{}, zip.Store), time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	zr, _ := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if got := zr.File[0].Modified; !got.Equal(zipEpoch) {
		t.Errorf("modified %v, want 1980-01-01", got)
	}
}

func TestNormalizeZipRejectsBadInput(t *testing.T) {
	if _, err := normalizeZip([]byte("not a zip"), time.Now()); err == nil {
		t.Error("normalizing garbage succeeded")
	}
	dup := makeZip(t, []zipPart{{"a.xml", "1"}, {"a.xml", "2"}}, time.Time{}, zip.Store)
	if _, err := normalizeZip(dup, time.Now()); err == nil {
		t.Error("a zip with a part twice was accepted")
	}
}
