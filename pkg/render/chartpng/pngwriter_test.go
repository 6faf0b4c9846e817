package chartpng

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/example/qpr/pkg/present"
)

// pngRows is the stream PNG compresses for m: each row led by its filter byte 0.
func pngRows(m *image.Paletted) []byte {
	var raw []byte
	for y := range m.Bounds().Dy() {
		raw = append(raw, 0)
		raw = append(raw, m.Pix[y*m.Stride:y*m.Stride+m.Bounds().Dx()]...)
	}
	return raw
}

func imagePNG(t *testing.T, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPNGWriterAsImagePNG: pictures of every kind the writer may meet come out byte for byte
// as image/png writes them: charts; noise, which flate stores rather than compresses, in
// chunks larger than the IDAT buffer; colours not opaque (a tRNS chunk); 17 colours, the
// fewest it writes itself, and 16 and 2, which image/png packs several to a byte.
func TestPNGWriterAsImagePNG(t *testing.T) {
	r := exampleReport(t)
	st := style(t)
	var e pngWriter
	check := func(name string, m *image.Paletted, pal []uint32, adler uint32) {
		t.Helper()
		var got bytes.Buffer
		if err := e.encode(&got, m, pal, adler); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), imagePNG(t, m)) {
			t.Fatalf("%s: the bytes differ from image/png's", name)
		}
	}
	for i := range r.Indicators[:8] {
		img, err := Paint(present.ChartOf(&r.Indicators[i]), st)
		if err != nil {
			t.Fatal(err)
		}
		var p palette
		m := p.of(img, nil)
		check(r.Indicators[i].Code, m, p.kept, adler32.Checksum(pngRows(m)))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name    string
		w, h    int
		colours int
		noise   bool
		opaque  bool
	}{
		{"noise", 700, 300, 256, true, true},
		{"not opaque", 333, 171, 200, false, false},
		{"17 colours", 401, 97, 17, false, true},
		{"16 colours", 64, 64, 16, false, true},
		{"2 colours", 30, 20, 2, true, true},
	} {
		pal := make([]uint32, tc.colours)
		cp := make(color.Palette, tc.colours)
		for i := range pal {
			a := uint(255)
			if !tc.opaque && i%3 == 1 {
				a = uint(i % 256)
			}
			c := color.RGBA{uint8(rng.UintN(a + 1)), uint8(rng.UintN(a + 1)), uint8(rng.UintN(a + 1)), uint8(a)}
			pal[i] = uint32(c.R)<<24 | uint32(c.G)<<16 | uint32(c.B)<<8 | uint32(c.A)
			cp[i] = c
		}
		m := image.NewPaletted(image.Rect(0, 0, tc.w, tc.h), cp)
		for i := range m.Pix {
			if tc.noise || i%97 < 13 {
				m.Pix[i] = uint8(rng.UintN(uint(tc.colours)))
			}
		}
		check(tc.name, m, pal, adler32.Checksum(pngRows(m)))
	}
}

// TestAdlerFromRuns: the checksum worked out from the palette's runs is hash/adler32's over
// the rows, for the example's charts and for a picture of thousands of colours whose runs
// cross rows.
func TestAdlerFromRuns(t *testing.T) {
	r := exampleReport(t)
	st := style(t)
	var pictures []*image.RGBA
	for i := range r.Indicators[:6] {
		img, err := Paint(present.ChartOf(&r.Indicators[i]), st)
		if err != nil {
			t.Fatal(err)
		}
		pictures = append(pictures, img)
	}
	long := image.NewRGBA(image.Rect(0, 0, 97, 4000)) // white, one run of every row
	for i := range long.Pix {
		long.Pix[i] = 0xff
	}
	many := image.NewRGBA(image.Rect(0, 0, 300, 40))
	for i := range many.Pix {
		many.Pix[i] = uint8(i*7 + i/300*13)
	}
	pictures = append(pictures, long, many)
	var p palette
	for n, img := range pictures {
		m := p.of(img, nil)
		if got, want := p.adler(m.Bounds().Dx()), adler32.Checksum(pngRows(m)); got != want {
			t.Fatalf("picture %d: checksum %08x, want %08x", n, got, want)
		}
	}
}
