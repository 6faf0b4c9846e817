// Package json renders the report as the contract's JSON document (schema qpr.report/v1):
// indented two spaces, HTML characters unescaped, one trailing newline.
package json

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"io"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// Render writes r to w as JSON. The templates play no part in the JSON; the parameter is
// there so that every renderer has the same shape.
func Render(w io.Writer, r *report.Report, _ *templates.Set) error {
	if r == nil {
		return errors.New("json: no report to render")
	}
	var buf bytes.Buffer
	if err := Encode(&buf, r); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Encode writes v as the report's JSON is written, for the commands' --json output too.
func Encode(w io.Writer, v any) error {
	enc := stdjson.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
