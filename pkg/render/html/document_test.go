package html

import (
	"bytes"
	"strings"
	"testing"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/templates"
)

// What other sections hand the document — a marking, footnotes, a cell with a footnote mark
// and a pack-level table — is painted without a change here.
func TestHooksArePainted(t *testing.T) {
	doc, err := present.DocumentOf(exampleReport(t, "ced"), templates.Default())
	if err != nil {
		t.Fatal(err)
	}
	doc.Marking = "Draft"
	cell := present.ValueCell(present.Shown{Value: 82, Text: "82%", OK: true})
	cell.Mark = "[r]"
	extra := &present.Section{ID: "summary-extra", Level: 2, Heading: "A pack-level table", Outline: true}
	extra.SetBlocks(
		&present.Table{ID: "extra", Caption: "Extra, 2023/24 Q2", RowHeads: 1,
			Columns: []present.Column{{Head: "Indicator"}, {Head: "Value", Numeric: true}, {Head: "Rating"}},
			Rows:    []present.Row{{Cells: []present.Cell{present.TextCell("FN01 Invoices"), cell, present.StatusCell(present.Amber)}}}},
		&present.Notes{Items: []present.Note{{Mark: "[r]", Text: "Revised since the last report."}}},
	)
	doc.Sections = append(doc.Sections, extra)
	var buf bytes.Buffer
	if err := paint(&buf, doc, templates.Default()); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{
		`<p class="marking">Draft</p>`,
		`<h3 id="summary-extra">A pack-level table</h3>`,
		`<th scope="row">FN01 Invoices</th><td class="num">82% [r]</td><td><span class="st sh-diamond tn-amber">Amber</span></td>`,
		`<li><span class="note-mark">[r]</span> Revised since the last report.</li>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}
