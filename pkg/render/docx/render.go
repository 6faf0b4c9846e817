package docx

import (
	"io"
	"runtime"
	"strconv"

	"github.com/example/qpr/pkg/present"
	"github.com/example/qpr/pkg/render/chartpng"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// Render writes r's document as a Word (.docx) file. It paints present.DocumentOf and
// decides no word, number, column or order itself. The charts' pictures are painted on a
// worker a core (runtime.GOMAXPROCS), at most maxWorkers.
func Render(w io.Writer, r *report.Report, t *templates.Set) error {
	return renderOn(w, r, t, min(runtime.GOMAXPROCS(0), maxWorkers))
}

// maxWorkers bounds the memory the painters hold, about 4 MB each (a canvas, its paletted
// copy, a PNG compressor and four pictures waiting), on a machine of many cores.
const maxWorkers = 8

// renderOn is Render with the charts painted on workers; the bytes are the same for any number.
func renderOn(w io.Writer, r *report.Report, t *templates.Set, workers int) error {
	if t == nil {
		t = templates.Default()
	}
	doc, err := present.DocumentOf(r, t)
	if err != nil {
		return err
	}
	p := &painter{d: &wordDoc{
		title:    doc.Title,
		subject:  doc.Subject,
		creator:  doc.Author,
		language: doc.Lang,
		head:     doc.RunningHead[0] + " — " + doc.RunningHead[1],
		marking:  doc.Marking,
		foot:     doc.PageFoot,
		style:    t.Style(),
		modified: doc.Date,
	}, st: t.Style()}
	if err := p.d.begin(w); err != nil {
		return err
	}
	p.pics = newPictures(workers, func() painterFunc { return pngPainter(p.st) }, p.d.putPicture)
	defer p.pics.stop()
	p.cover(doc)
	p.contents(doc)
	for _, s := range doc.Sections {
		if err := p.section(s); err != nil {
			return err
		}
	}
	if err := p.pics.finish(); err != nil {
		return err
	}
	return p.d.finish()
}

type painter struct {
	d    *wordDoc
	st   templates.Style
	pics *pictures
	// keep is whether the block being painted stays on the page of the figure after it.
	keep bool
}

func (p *painter) tone(s present.Status) *templates.Colour {
	c := present.ToneColour(p.st, s.Tone())
	return &c
}

// statusRuns are a status's mark, in its colour, and its word: never colour alone.
func (p *painter) statusRuns(s present.Status) []run {
	return []run{{Text: s.Symbol() + "\u00a0", Colour: p.tone(s)}, {Text: s.Word(), NoBreak: true}}
}

func (p *painter) cover(doc *present.Document) {
	c := doc.Cover
	if doc.Marking != "" {
		p.d.paragraph("", false, run{Text: doc.Marking, Bold: true, Colour: &p.st.Colours.Red})
	}
	p.d.paragraph("", false, run{Text: c.Organisation, Bold: true})
	title := c.Title
	p.d.titlePara(title)
	if c.Subtitle != "" {
		p.d.paragraph("", false, run{Text: c.Subtitle, Bold: true, Colour: &p.st.Colours.Accent})
	}
	p.d.paragraph("", false, run{Text: c.Period})
	p.d.paragraph("", false, run{Text: c.AsAt, Colour: &p.st.Colours.Muted})
	if len(c.Headline) > 0 {
		p.d.paragraph("", true, run{Text: c.HeadlineIntro})
		for _, h := range c.Headline {
			runs := []run{{Text: strconv.Itoa(h.N) + " ", Bold: true}, {Text: h.Status.Symbol() + "\u00a0", Colour: p.tone(h.Status)}, {Text: h.Text}}
			p.d.bullet(runs...)
		}
	}
}

// contents lists the report's parts and their sections as links; Word's navigation pane
// lists every heading, indicators included, from the headings themselves.
func (p *painter) contents(doc *present.Document) {
	p.d.heading(1, doc.ContentsTitle, present.IDContents, "")
	var walk func(es []present.Entry, depth int)
	walk = func(es []present.Entry, depth int) {
		for _, e := range es {
			if e.Minor {
				continue
			}
			indent := ""
			if depth > 0 {
				indent = `<w:ind w:left="` + strconv.Itoa(360*depth) + `"/>`
			}
			p.d.body.WriteString(p.d.paragraphXML("", false, `<w:spacing w:after="40"/>`+indent, run{Text: e.Title, Link: e.ID}))
			walk(e.Children, depth+1)
		}
	}
	walk(doc.Contents, 0)
}

func (p *painter) section(s *present.Section) error {
	if s.NewPage {
		p.d.pageBreak()
	}
	title := s.Title()
	if s.Mark != "" {
		title = s.Mark.Symbol() + " " + s.Mark.Word() + ": " + title
	}
	p.d.heading(s.Level, title, s.ID, s.Link)
	blocks := s.BlockList()
	for i, b := range blocks {
		p.keep = present.LeadsToFigure(s, blocks, i)
		err := p.block(b)
		p.keep = false
		if err != nil {
			return err
		}
	}
	for part := range s.Parts() {
		if err := p.section(part); err != nil {
			return err
		}
	}
	return nil
}

func (p *painter) block(b present.Block) error {
	switch b := b.(type) {
	case *present.Paragraph:
		p.paragraph(b)
	case *present.List:
		for _, it := range b.Items {
			var runs []run
			if it.Mark != "" {
				runs = append(runs, run{Text: it.Mark.Symbol() + "\u00a0", Colour: p.tone(it.Mark)})
			}
			p.d.bullet(append(runs, run{Text: it.Text})...)
		}
	case *present.StatusLine:
		var runs []run
		for i, it := range b.Items {
			if i > 0 {
				runs = append(runs, run{Text: "    "})
			}
			runs = append(runs, run{Text: it.Label + ": "})
			runs = append(runs, p.statusRuns(it.Status)...)
		}
		p.d.paragraph("", p.keep, runs...)
	case *present.Notes:
		for _, n := range b.Items {
			text := n.Text
			if n.Mark != "" {
				text = n.Mark + " " + text
			}
			p.d.paragraph("Note", p.keep, run{Text: text})
		}
	case *present.Figure:
		return p.figure(b)
	case *present.Table:
		p.table(b)
	}
	return nil
}

func (p *painter) paragraph(b *present.Paragraph) {
	switch b.Role {
	case present.RoleFacts:
		p.d.paragraph("", p.keep, run{Text: b.Text, Bold: true})
	case present.RoleDescription:
		p.d.paragraph("", p.keep, run{Text: b.Text, Colour: &p.st.Colours.Muted})
	case present.RoleAbsent:
		p.d.paragraph("", p.keep, run{Text: b.Text, Italic: true, Colour: &p.st.Colours.Muted})
	case present.RoleLabel:
		p.d.paragraph("", true, run{Text: b.Text, Bold: true})
	default:
		p.d.paragraph("", p.keep, run{Text: b.Text})
	}
}

// figure is the chart as a picture with its text alternative, then its figures as a table.
func (p *painter) figure(f *present.Figure) error {
	if f.Chart.Empty {
		p.d.paragraph("", false, run{Text: f.Chart.EmptyText, Italic: true, Colour: &p.st.Colours.Muted})
	} else {
		title, alt := f.Alt()
		if title != "" {
			alt = title + ". " + alt
		}
		p.d.picture(chartpng.WidthMM, chartpng.HeightMM, title, alt)
		if err := p.pics.add(f.Chart); err != nil {
			return err
		}
	}
	if t := f.Data(); t != nil {
		data := *t
		if data.Caption == "" {
			data.Caption = f.DataTitle
		}
		p.table(&data)
	}
	return nil
}

func (p *painter) table(t *present.Table) {
	out := table{Caption: t.Caption, Widths: columnWidths(t)}
	// A page has the PDF's width, so narrow columns take their short forms as the PDF's do
	// (the key explains them).
	head := make([]cell, len(t.Columns))
	for i, c := range t.Columns {
		h := c.Head
		if c.ShortHead != "" {
			h = c.ShortHead
		}
		head[i] = cell{Runs: []run{{Text: h}}, Right: c.Numeric}
	}
	out.Header = [][]cell{head}
	for _, r := range t.Rows {
		if r.Group != "" {
			row := make([]cell, len(t.Columns))
			row[0] = cell{Runs: []run{{Text: r.Group}}, Header: true}
			out.Rows = append(out.Rows, row)
			if len(r.Cells) == 0 {
				continue
			}
		}
		row := make([]cell, len(t.Columns))
		for i, c := range r.Cells {
			if i >= len(row) {
				break
			}
			short := i < len(t.Columns) && t.Columns[i].ShortHead != ""
			row[i] = p.cell(c, short, i < t.RowHeads || r.Total, i < len(t.Columns) && t.Columns[i].Numeric)
		}
		out.Rows = append(out.Rows, row)
	}
	p.d.table(out)
}

func (p *painter) cell(c present.Cell, short, header, numeric bool) cell {
	var runs []run
	switch {
	case c.Kind == present.CellStatus && short:
		runs = []run{{Text: c.Status.Symbol() + "\u00a0", Colour: p.tone(c.Status)}, {Text: c.ShortLine(), NoBreak: true}}
	case c.Kind == present.CellStatus:
		runs = p.statusRuns(c.Status)
		if c.Mark != "" {
			runs = append(runs, run{Text: " " + c.Mark})
		}
	case short:
		runs = []run{{Text: c.ShortLine(), NoBreak: true, Link: c.Link}}
	case c.Kind == present.CellValue, c.Kind == present.CellPeriod:
		runs = []run{{Text: c.Line(), NoBreak: true, Link: c.Link}}
	default:
		runs = []run{{Text: c.Line(), Link: c.Link}}
	}
	if c.Note != "" {
		runs = append(runs, run{Text: "\n" + c.Note, Small: true, Colour: &p.st.Colours.Muted})
	}
	return cell{Runs: runs, Header: header, Right: numeric}
}

// columnWidths shares the page's width among the columns so that no code, number or word is
// split across lines: each column first gets room for its longest unbreakable piece (a
// number or status whole, a heading's or a text's longest word), and what is left goes to
// the columns of running text, by how much text they hold.
func columnWidths(t *present.Table) []float64 {
	n := len(t.Columns)
	if n == 0 {
		return nil
	}
	least := make([]float64, n) // characters that must fit on one line
	text := make([]float64, n)  // characters of running text, capped, to share what is left
	for i, c := range t.Columns {
		// headings are bold, a little wider a character
		if c.ShortHead != "" {
			least[i] = float64(longestWord(c.ShortHead)) * 1.15
		} else {
			least[i] = float64(longestWord(c.Head)) * 1.15
		}
	}
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if i >= n {
				break
			}
			line := []rune(c.Line())
			if t.Columns[i].ShortHead != "" {
				line = []rune(c.ShortLine())
			}
			switch c.Kind {
			case present.CellStatus:
				least[i] = max(least[i], float64(len(line)+3)) // the mark and its space
			case present.CellValue, present.CellPeriod:
				least[i] = max(least[i], float64(len(line)))
			default:
				least[i] = max(least[i], float64(longestWord(c.Line())))
				text[i] = max(text[i], min(float64(len(line)), 60))
			}
			if c.Note != "" {
				least[i] = max(least[i], float64(longestWord(c.Note))*0.85)
			}
		}
	}
	// about 0.56 of the table font's size a character (bold Liberation Sans, which LibreOffice
	// sets Word's fonts in here, needs that), in parts of the page's width, plus
	// the cell's margins
	const pad = 1.4
	charPart := 0.56 * 8.5 * 20 / float64(contentTwips)
	out := make([]float64, n)
	used, spare := 0.0, 0.0
	for i := range out {
		out[i] = (least[i] + pad) * charPart * 1.05 // bold headings and symbols are wider
		used += out[i]
		spare += max(text[i]-least[i], 0)
	}
	if used >= 1 {
		for i := range out {
			out[i] /= used
		}
		return out
	}
	left := 1 - used
	for i := range out {
		if spare > 0 {
			out[i] += left * max(text[i]-least[i], 0) / spare
		} else {
			out[i] += left / float64(n)
		}
	}
	return out
}
func longestWord(s string) int {
	best, cur := 0, 0
	for _, r := range s {
		if r == ' ' || r == '\n' {
			cur = 0
			continue
		}
		cur++
		best = max(best, cur)
	}
	return best
}
