// Package json renders the report as the contract's JSON document (schema qpr.report/v1):
// indented two spaces, HTML characters unescaped, one trailing newline.
package json

import (
	"errors"
	"io"

	"github.com/example/qpr/internal/jsontext"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// Render writes r to w as JSON. The templates play no part in the JSON; the parameter is
// there so that every renderer has the same shape.
func Render(w io.Writer, r *report.Report, _ *templates.Set) error {
	if r == nil {
		return errors.New("json: no report to render")
	}
	// Straight to w, streamed: no copy of the whole document is held. qpr build stages w, so a
	// failure leaves no file.
	return Encode(w, r)
}

// Encode writes v as the report's JSON is written, for the commands' --json output too:
// indented two spaces in one pass, numbers to at most 10 significant figures.
func Encode(w io.Writer, v any) error { return jsontext.WriteIndented(w, v) }
