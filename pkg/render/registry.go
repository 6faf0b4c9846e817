// Package render is the list of report formats: each format's name, what it is, and the
// function that writes it. `qpr build --format`, its help text and shell completion, and the
// check of qpr.yaml's `formats:` are all derived from Formats.
//
// Every renderer has the same shape, Func: it takes the report model and the templates (the
// wording and style a user may override) and writes one whole file. It must be deterministic
// (the same inputs give the same bytes) and should draw every word, number, period label and
// chart decision from pkg/present, so that all formats agree.
//
// Adding a format is one new package plus one line here:
//
//  1. write pkg/render/<name> with `func Render(w io.Writer, r *report.Report, t *templates.Set) error`,
//     taking status words and marks, shown values, facts and projection sentences, the rating
//     grid, the lists of red and stale KPIs, period labels and present.ChartOf's chart
//     description from pkg/present;
//  2. add {Name, Description, Render, BytesPerIndicator} to Formats below.
//
// Renderers never import this package or pkg/app; this package imports them.
package render

import (
	"io"
	"slices"
	"strings"

	"github.com/example/qpr/pkg/render/docx"
	"github.com/example/qpr/pkg/render/html"
	"github.com/example/qpr/pkg/render/json"
	"github.com/example/qpr/pkg/render/ods"
	"github.com/example/qpr/pkg/render/pdf"
	"github.com/example/qpr/pkg/render/xlsx"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// Func writes the report r in one format to w, worded and styled by t.
type Func func(w io.Writer, r *report.Report, t *templates.Set) error

// FileCreator makes the files of an output that is a folder, each written whole and closed
// before the next is made.
type FileCreator = interface {
	Create(name string) (io.WriteCloser, error)
}

// Folder is how a format writes a report too large for one file as a folder of files: Is
// says whether it does so for r, and Render writes the folder's files.
type Folder struct {
	Is     func(r *report.Report) bool
	Render func(create FileCreator, r *report.Report, t *templates.Set) error
}

// Format is one output format; Name is also the file extension.
type Format struct {
	Name        string
	Description string
	Render      Func
	// BytesPerIndicator is about how much memory rendering a report holds for each of its
	// indicators, beyond the report itself: the live heap of a build of this format alone at
	// 10,000 indicators x 20 quarters, less that of reading and the report, over 10,000.
	// qpr build uses it to keep the outputs it renders at once within a memory budget
	// (docs/performance.md); a rough figure is enough.
	BytesPerIndicator int64
	// OnRequest formats are written only when asked for (--format, or qpr.yaml's formats:);
	// a build that names none writes the others. The Word edition draws every chart as a
	// picture, many times the cost of the rest together at a thousand indicators, and a
	// script that knows the four original outputs keeps getting just those.
	OnRequest bool
	// Folder, when set, writes a large report as a folder <pack>-<period>/ instead of one
	// file (docs/html.md says when the HTML edition does).
	Folder *Folder
}

// Formats are every format build can write, in the order they are written and listed.
var Formats = []Format{
	// The PDF is written in parts of 1,000 pages: it holds two parts' pages uncompressed, the
	// finished parts compressed and the structure tree. Measured (GODEBUG=gctrace=1, against a
	// JSON-only build of the same project): peak live heap 279 MiB at 10,000 indicators (JSON
	// 64 MiB) and 478 MiB at 20,000 in one directorate (JSON 147 MiB), about 21 KiB and 17 KiB
	// an indicator beyond the report; written whole it was 381 MiB at 10,000.
	{"pdf", "the printed report (A4)", pdf.Render, 22 << 10, false, nil},
	{"xlsx", "the workbook for analysts", xlsx.Render, 10 << 10, false, nil},
	{"json", "the report as data (schema qpr.report/v1)", json.Render, 4 << 10, false, nil},
	{"html", "the accessible web page (WCAG 2.2 AA): one self-contained file, or a folder of linked pages for a large pack", html.Render, 12 << 10, false,
		&Folder{Is: html.Folder, Render: html.RenderFolder}},
	// The Word edition holds its body compressed (about 0.7 KB an indicator) and a zip entry
	// header a picture, each picture only while it waits to be written; most of its figure
	// is the document model's tables of every indicator (pkg/present), built before painting.
	// Measured (GODEBUG=gctrace=1, one directorate, against a JSON-only build of the same
	// project): peak live heap 54 MiB at 5,000 indicators and 213 MiB at 20,000, JSON alone
	// 32 and 138 MiB, so about 4 KiB an indicator more than JSON's 4 KiB.
	{"docx", "the Word edition, for committee papers (on request)", docx.Render, 8 << 10, true, nil},
	{"ods", "the workbook as an OpenDocument spreadsheet (on request)", ods.Render, 4 << 10, true, nil},
}

// Defaults are the formats a build writes when none are named: every one not OnRequest.
func Defaults() []Format {
	var out []Format
	for _, f := range Formats {
		if !f.OnRequest {
			out = append(out, f)
		}
	}
	return out
}

// DefaultNames are the names of Defaults, in order.
func DefaultNames() []string {
	var out []string
	for _, f := range Defaults() {
		out = append(out, f.Name)
	}
	return out
}

// Names are the formats' names in order.
func Names() []string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return names
}

// Lookup finds a format by name, ignoring case and surrounding space.
func Lookup(name string) (Format, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	i := slices.IndexFunc(Formats, func(f Format) bool { return f.Name == name })
	if i < 0 {
		return Format{}, false
	}
	return Formats[i], true
}

// List is the names for a message or help text: "pdf, xlsx or json".
func List(conjunction string) string {
	names := Names()
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + conjunction + " " + names[len(names)-1]
}

// Help describes each format, one a line: "pdf   the printed report (A4)".
func Help() string {
	var b strings.Builder
	for _, f := range Formats {
		b.WriteString("  " + f.Name + strings.Repeat(" ", max(1, 6-len(f.Name))) + f.Description + "\n")
	}
	return b.String()
}
