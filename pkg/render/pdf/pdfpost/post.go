package pdfpost

import "io"

// Compress writes src, a PDF fpdf wrote with compression off, to w with its page content
// and form XObjects compressed: the very bytes fpdf writes with compression on, made
// without a new compressor for every stream. A PDF fpdf compressed itself comes out as it
// went in.
func Compress(w io.Writer, src []byte) error {
	f, _, err := parseCompressed(src, nil)
	if err != nil {
		return err
	}
	return f.write(w, nil)
}

// parseCompressed is src, a PDF fpdf wrote, cut into its objects with its pages' content and
// form XObjects compressed, each mark in its pages' content replaced by what later keeps for
// it, and its pages' object numbers in page order.
func parseCompressed(src []byte, later *Later) (*file, []int, error) {
	f, err := parse(src)
	if err != nil {
		return nil, nil, err
	}
	pages, err := f.pages()
	if err != nil {
		return nil, nil, err
	}
	if err := f.compressPages(pages, later); err != nil {
		return nil, nil, err
	}
	return f, pages, nil
}
