package xlsx

import (
	"archive/zip"
	"bytes"
	"testing"
)

func zipParts(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		body, err := readPart(zf)
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name] = body
	}
	return parts
}
