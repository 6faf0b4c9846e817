package pdfpost

import "io"

// Compress writes src, a PDF fpdf wrote with compression off, to w with its page content
// and form XObjects compressed: the very bytes fpdf writes with compression on, made
// without a new compressor for every stream. A PDF fpdf compressed itself comes out as it
// went in.
func Compress(w io.Writer, src []byte) error {
	f, err := parse(src)
	if err != nil {
		return err
	}
	pages, err := f.pages()
	if err != nil {
		return err
	}
	if err := f.compressPages(pages); err != nil {
		return err
	}
	return f.write(w, nil)
}
