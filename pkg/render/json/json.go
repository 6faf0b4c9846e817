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
	// Straight to w: encoding/json holds the whole document already, and a third copy is
	// tens of megabytes for a large catalogue. qpr build stages w, so a failure leaves no file.
	return Encode(w, r)
}

// Encode writes v as the report's JSON is written, for the commands' --json output too.
func Encode(w io.Writer, v any) error {
	enc := jsontext.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
