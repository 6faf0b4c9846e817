package pdfpost

// Output receives fpdf's Output without copying it. fpdf writes its finished file in one
// Write of its own buffer, which it never touches again; Output keeps that slice rather than
// a copy (a copy of an uncompressed 10,000-indicator report is some 200 MB). Should the
// file come in more than one Write, the pieces are copied and joined as a bytes.Buffer would.
type Output struct {
	b      []byte
	copied bool
}

func (o *Output) Write(p []byte) (int, error) {
	switch {
	case o.b == nil:
		o.b = p
	case !o.copied:
		o.b = append(append(make([]byte, 0, len(o.b)+len(p)), o.b...), p...)
		o.copied = true
	default:
		o.b = append(o.b, p...)
	}
	return len(p), nil
}

// Bytes is what was written.
func (o *Output) Bytes() []byte { return o.b }
