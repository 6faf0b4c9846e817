package app

import (
	"fmt"

	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/inputfile"
	"github.com/example/qpr/pkg/reportdiff"
)

// DiffOptions are diff's arguments and flags.
type DiffOptions struct {
	Old, New string
	JSON     bool
}

// maxReportJSON bounds the read of a report's JSON: far above a 20,000-indicator pack's.
const maxReportJSON = 1 << 30

// RunDiff lists every change between two reports' JSON, each with its cause.
func RunDiff(streams Streams, o DiffOptions) error {
	var docs [2]*reportdiff.Doc
	for i, path := range []string{o.Old, o.New} {
		b, err := inputfile.ReadAll(path, maxReportJSON)
		if err != nil {
			return diag.Problem{Place: diag.Place{File: path}, Message: "cannot read: " + osReason(err)}
		}
		d, err := reportdiff.Parse(b)
		if err != nil {
			return diag.Problem{Place: diag.Place{File: path}, Message: err.Error()}
		}
		docs[i] = d
	}
	d := reportdiff.Compare(docs[0], docs[1])
	if o.JSON {
		return encodeJSON(streams.Out, d)
	}
	period := d.To
	if d.From != d.To {
		period = d.From + " to " + d.To
	}
	fmt.Fprintf(streams.Out, "%s: %s\n", period, plural(len(d.Changes), "change"))
	for _, c := range d.Changes {
		fmt.Fprintln(streams.Out, c.Text())
	}
	return nil
}
