package pdf

import "github.com/example/qpr/pkg/render/pdf/pdfpost"

// The document is tagged (PDF/UA-1) as it is drawn: every block is drawn inside tag, which
// records its structure element, or artifact, for what only decorates (running heads,
// rules, page numbers, shading, a status's mark beside its word). pdfpost writes the
// structure tree from the record. See docs/pdf.md.

// tag draws what draw draws as one element of role.
func (d *doc) tag(role pdfpost.Role, draw func()) *pdfpost.Elem {
	return d.tags.Tag(role, pdfpost.Attr{}, draw)
}

// artifact draws what draw draws as an artifact.
func (d *doc) artifact(draw func()) { d.tags.Artifact(draw) }

// group opens an element holding the elements fill draws.
func (d *doc) group(role pdfpost.Role, a pdfpost.Attr, fill func()) {
	d.tags.Begin(role, a)
	fill()
	d.tags.End()
}
