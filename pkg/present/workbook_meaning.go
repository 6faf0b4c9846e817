package present

// The sheets of what each indicator means and the Making Data Count summary.
const (
	DefinitionsSheet = "Definitions"
	MDCSheet         = "MDC_summary"
)

// definitions is one row per indicator: what it counts, from where, why its target, and how
// far its figures can be trusted, as the catalogue says ("About this indicator").
func (b *workbookBuilder) definitions() Sheet {
	r := b.r
	cols := []SheetColumn{
		{Header: "Code", Width: 10}, {Header: "Indicator", Width: 40, Wrap: true}, {Header: "Directorate", Width: 12},
		{Header: "Definition", Width: 60, Wrap: true}, {Header: "Numerator", Width: 30, Wrap: true}, {Header: "Denominator", Width: 30, Wrap: true},
		{Header: "Source", Width: 30, Wrap: true}, {Header: "Why this target", Width: 40, Wrap: true},
		{Header: "Data quality", Width: 13}, {Header: "Data quality note", Width: 40, Wrap: true},
	}
	s := Sheet{
		Name:  DefinitionsSheet,
		Title: "Definitions: what each indicator counts, where its figures come from, why its target, and how far they can be relied on",
		Lines: []string{
			"This worksheet contains one table, one row per indicator, as the catalogue describes it. " +
				NotAvailable + " marks what the catalogue does not say; " + NotApplicable + " a ratio's parts for an indicator that has none " + noteRef(noteShorthand) + ".",
		},
		Widths:     widths(cols),
		FreezeCols: 2,
	}
	if len(r.Indicators) == 0 {
		s.Parts = []Part{{Sentence: "There are no indicators in this report."}}
		return s
	}
	text := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	rows := make([][]SheetCell, 0, len(r.Indicators))
	for i := range r.Indicators {
		in := &r.Indicators[i]
		m := in.Meaning
		quality, note := markerCell(true), markerCell(true)
		if dq := m.DataQuality; dq != nil {
			quality = textCell(QualityWord(dq.Rating))
			note = orText(text(dq.Note), true)
		}
		// a ratio's parts apply to a ratio indicator; for any other, unless given, they do not
		ratio := in.Aggregate == "ratio" || m.Numerator != nil || m.Denominator != nil
		rows = append(rows, []SheetCell{
			orText(in.Code, true), orText(in.Name, true), orText(in.Directorate, true),
			orText(text(m.Definition), true), orText(text(m.Numerator), ratio), orText(text(m.Denominator), ratio),
			orText(text(m.Source), true), orText(text(m.TargetRationale), !IsActivity(in)), quality, note,
		})
	}
	s.Parts = []Part{{Table: b.newTable("Definitions", "", cols, rows)}}
	return s
}

// mdcSummary is the Making Data Count summary: one row per spc indicator, grouped by
// directorate, each icon as its word in its colour. Nil when the pack has no spc indicator.
func (b *workbookBuilder) mdcSummary() *Sheet {
	cols := MDCSummary(b.r)
	if len(cols) == 0 {
		return nil
	}
	header := []SheetColumn{
		{Header: "Directorate", Width: 12}, {Header: "Code", Width: 10}, {Header: "Indicator", Width: 40, Wrap: true},
		{Header: "Variation", Width: 32, Wrap: true}, {Header: "Rule", Width: 32, Wrap: true}, {Header: "Assurance", Width: 36, Wrap: true},
	}
	var rows [][]SheetCell
	for _, c := range cols {
		for _, row := range c.Rows {
			in := row.Indicator
			assurance := statusCell(row.Assurance)
			if row.Why != "" {
				assurance.Text += ": " + row.Why
			}
			rows = append(rows, []SheetCell{
				textCell(c.Code), orText(in.Code, true), orText(in.Name, true),
				statusCell(row.Variation), orText(row.Rule, false), assurance,
			})
		}
	}
	return &Sheet{
		Name:  MDCSheet,
		Title: MDCHeading + ": variation and assurance of each indicator charted with SPC",
		Lines: []string{
			"This worksheet contains one table, one row per indicator whose direction of travel is judged by statistical process control (SPC), grouped by directorate: " +
				"its variation (the latest point's type, and the rule that made it special cause) and assurance (how its process limits sit against the target), as its chart shows them. " +
				NotApplicable + " marks a rule for common cause " + noteRef(noteShorthand) + ".",
		},
		Widths: widths(header),
		Parts:  []Part{{Table: b.newTable("MDC_summary", "", header, rows)}},
	}
}

// meaningContents are the Cover's lines for these sheets.
func (b *workbookBuilder) meaningContents(mdc bool) []contentsEntry {
	var out []contentsEntry
	if mdc {
		out = append(out, contentsEntry{MDCSheet, "The Making Data Count summary: each SPC indicator's variation and assurance, by directorate."})
	}
	return append(out, contentsEntry{DefinitionsSheet, "What each indicator counts, where its figures come from, why its target and the quality of its data."})
}

// meaningSheets are the sheets above, in the order they follow KPI_history.
func (b *workbookBuilder) meaningSheets() []Sheet {
	var out []Sheet
	if s := b.mdcSummary(); s != nil {
		out = append(out, *s)
	}
	return append(out, b.definitions())
}
