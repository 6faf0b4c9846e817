package xlsx

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/templates"
)

// Go randomises map iteration on every range, so five renders exercise excelize's
// map-ordered writing five different ways.
func TestRenderIsByteIdentical(t *testing.T) {
	var first []byte
	for i := 0; i < 5; i++ {
		var buf bytes.Buffer
		if err := render(&buf, fixtureReport(), templates.Default(), "Same words."); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = buf.Bytes()
			continue
		}
		if !bytes.Equal(first, buf.Bytes()) {
			t.Fatalf("render %d differs: %x vs %x", i+1, sha256.Sum256(first), sha256.Sum256(buf.Bytes()))
		}
	}
}

func TestRenderOfLargeReportIsByteIdentical(t *testing.T) {
	r := generatedReport(120, 8)
	var a, b bytes.Buffer
	if err := Render(&a, r, nil); err != nil {
		t.Fatal(err)
	}
	if err := Render(&b, r, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two renders of the same generated report differ")
	}
}

// The raw excelize output is checked too, part by part, so that a part whose content (not
// just position) depends on map order would be caught here rather than slip past the zip
// re-packing.
func TestRawPartsAreStable(t *testing.T) {
	var want map[string][]byte
	for i := 0; i < 5; i++ {
		wb, err := present.WorkbookWith(fixtureReport(), templates.Default(), "")
		if err != nil {
			t.Fatal(err)
		}
		raw, err := build(wb, templates.Default().Style())
		if err != nil {
			t.Fatal(err)
		}
		parts := zipParts(t, raw)
		if want == nil {
			want = parts
			continue
		}
		for name, body := range want {
			if !bytes.Equal(body, parts[name]) {
				t.Errorf("build %d: part %s differs", i+1, name)
			}
		}
	}
}

func TestRenderedZipIsNormalized(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, fixtureReport(), nil); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC)
	for i, zf := range zr.File {
		if i == 0 && zf.Name != "[Content_Types].xml" {
			t.Errorf("first part = %s, want [Content_Types].xml", zf.Name)
		}
		if i > 1 && zf.Name < zr.File[i-1].Name {
			t.Errorf("part %s comes after %s", zf.Name, zr.File[i-1].Name)
		}
		if !zf.Modified.Equal(want) || zf.Flags&0x8 != 0 {
			t.Errorf("%s: modified %v, flags %#x; want %v and no data descriptor", zf.Name, zf.Modified, zf.Flags, want)
		}
		if _, err := readPart(zf); err != nil {
			t.Errorf("%s does not read back: %v", zf.Name, err)
		}
	}
}
