package chartpng

import (
	"bufio"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
)

// pngWriter writes a picture of more than 16 colours, byte for byte as image/png's Encoder
// at png.BestSpeed writes it: the same chunks, the same zlib stream from the same flate
// compressor, cut into IDAT chunks at the same places. What it saves is image/png's copying of
// each row and, above all, its zlib checksum over every byte: the palette's runs give the
// checksum in a step a run (see palette.adler), and a picture has about 18,000 runs in
// 400,000 pixels. A picture of 16 colours or fewer, which image/png packs several pixels to
// the byte, is left to image/png.
type pngWriter struct {
	w     io.Writer
	err   error
	idat  *bufio.Writer
	flate *flate.Writer
	crc   [4]byte
	head  [8]byte
	buf   [3 * 256]byte
	png   png.Encoder
}

// pngSignature opens every PNG file.
const pngSignature = "\x89PNG\r\n\x1a\n"

// zlibHead is the two bytes zlib.NewWriterLevel writes first at flate.BestSpeed: deflate
// with a 32 KB window, the fastest level, and the check bits that make the pair a multiple
// of 31.
var zlibHead = []byte{0x78, 0x01}

// encode writes m, whose palette is pal (the same colours, premultiplied as color.RGBA is,
// packed as the palette packs them), whose pixels' zlib checksum (each row led by its filter
// byte 0) is adler.
func (e *pngWriter) encode(w io.Writer, m *image.Paletted, pal []uint32, adler uint32) error {
	if len(pal) <= 16 || len(pal) > 256 {
		if e.png.BufferPool == nil {
			e.png = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &oneBuffer{}}
		}
		return e.png.Encode(w, m)
	}
	e.w, e.err = w, nil
	b := m.Bounds()
	_, e.err = io.WriteString(w, pngSignature)

	ihdr := e.buf[:13]
	binary.BigEndian.PutUint32(ihdr[0:4], uint32(b.Dx()))
	binary.BigEndian.PutUint32(ihdr[4:8], uint32(b.Dy()))
	ihdr[8], ihdr[9], ihdr[10], ihdr[11], ihdr[12] = 8, 3, 0, 0, 0 // 8 bits a pixel, paletted
	e.chunk(ihdr, "IHDR")

	plte, alpha, last := e.buf[:3*len(pal)], make([]byte, 0, 256), -1
	for i, c := range pal {
		n := nonPremultiplied(c)
		plte[3*i], plte[3*i+1], plte[3*i+2] = n.R, n.G, n.B
		alpha = append(alpha, n.A)
		if n.A != 0xff {
			last = i
		}
	}
	e.chunk(plte, "PLTE")
	if last >= 0 {
		e.chunk(alpha[:last+1], "tRNS")
	}

	if e.idat == nil {
		e.idat = bufio.NewWriterSize(idatWriter{e}, 1<<15)
		e.flate, _ = flate.NewWriter(e.idat, flate.BestSpeed)
	} else {
		e.idat.Reset(idatWriter{e})
		e.flate.Reset(e.idat)
	}
	e.idat.Write(zlibHead)
	filter := []byte{0}
	for y := range b.Dy() {
		e.flate.Write(filter)
		e.flate.Write(m.Pix[y*m.Stride : y*m.Stride+b.Dx()])
	}
	e.flate.Close()
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], adler)
	e.idat.Write(sum[:])
	e.idat.Flush()

	e.chunk(nil, "IEND")
	return e.err
}

// nonPremultiplied is c as PNG's palette holds it, as image/png converts it.
func nonPremultiplied(c uint32) color.NRGBA {
	if c&0xff == 0xff {
		return color.NRGBA{uint8(c >> 24), uint8(c >> 16), uint8(c >> 8), 0xff}
	}
	return color.NRGBAModel.Convert(unpack(c)).(color.NRGBA)
}

// chunk writes one chunk: its length, name, data and checksum.
func (e *pngWriter) chunk(data []byte, name string) {
	if e.err != nil {
		return
	}
	binary.BigEndian.PutUint32(e.head[:4], uint32(len(data)))
	copy(e.head[4:], name)
	crc := crc32.Update(crc32.ChecksumIEEE(e.head[4:8]), crc32.IEEETable, data)
	binary.BigEndian.PutUint32(e.crc[:], crc)
	if _, e.err = e.w.Write(e.head[:]); e.err != nil {
		return
	}
	if _, e.err = e.w.Write(data); e.err != nil {
		return
	}
	_, e.err = e.w.Write(e.crc[:])
}

// idatWriter makes each write an IDAT chunk, as image/png's encoder does under its bufio.Writer.
type idatWriter struct{ e *pngWriter }

func (w idatWriter) Write(b []byte) (int, error) {
	w.e.chunk(b, "IDAT")
	if w.e.err != nil {
		return 0, w.e.err
	}
	return len(b), nil
}

// oneBuffer keeps image/png's encoder state (its compressor above all) for the next picture.
type oneBuffer struct{ b *png.EncoderBuffer }

func (o *oneBuffer) Get() *png.EncoderBuffer  { return o.b }
func (o *oneBuffer) Put(b *png.EncoderBuffer) { o.b = b }
