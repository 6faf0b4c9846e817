// Package present decides how a report is shown, once, for every edition.
//
// DocumentOf builds a pack's Document: the cover's facts, the contents, and the sections in
// order (the key, the executive summary with its tables, each directorate with its tables and
// its indicators), each section a heading with an id and a level over blocks — paragraphs,
// lists, status lines, tables of typed cells (a status with its word, shape and tone; a value
// with its shown places; a period; text; each with an optional note, footnote mark and link
// target), figures (the chart description ChartOf gives, its text alternative and its figures
// as a table) and notes. The outline, the section ids, the columns of every table, the split
// of a directorate's KPIs from its activity indicators, the quarters a table shows and every
// word and number's form are decided here. The PDF and the HTML edition (pkg/render/pdf,
// pkg/render/html) only paint the document: they choose fonts, widths, page breaks and
// markup, never a heading, a column, a word or a number's form. The workbook and `qpr rag` /
// `qpr trend` draw their words and numbers from the same functions (Status, Value, FactsLine,
// ProjectionSentence, CountTables, HistoryCells and the rest).
//
// A directorate's blocks and its indicators' sections are made each time an edition asks for
// them (Section.Blocks, Section.Parts) and are not kept, so a pack of 20,000 indicators is
// painted one indicator at a time; the contents know each indicator's id and heading without
// making its section.
//
// # Adding to the document
//
//   - A section of the executive summary (a pack-level table): write one method
//     func (o *outline) x() *Section returning a level-2 section (summarySection makes one)
//     or nil when there is nothing to show, and add it to summaryParts where it belongs. It is
//     in the contents, the bookmarks and every edition from then on.
//   - A titled part of every indicator: write func(*report.Indicator) *Section returning a
//     level-3 section (titledPart makes one) or nil, and add it to indicatorParts.
//   - Footnotes under an indicator's chart (revision marks, data-quality notes): return them
//     from indicatorNotes; a cell refers to one by its Mark ("[r]").
//   - A marking for the whole document ("Draft"): return it from markingOf; the PDF shows it
//     on the cover and at the head of every page, the HTML edition at the top of the page.
//
// A new kind of block (a type implementing Block) is the one change every painter must learn:
// prefer the kinds there are.
//
// Period labels: the canonical label ("2023/24 Q2") is used everywhere a period is named in
// running text, table headings and cells. Where a column is too narrow for it, ShortLines
// gives the one documented short form ("23/24" over "Q2", the same order with the century
// dropped); a table's column carries it as ShortHead, and its cells their short forms, for an
// edition with little room (the PDF), and the key explains them in a paragraph marked
// ForShortForms, which an edition writing every cell in full leaves out.
package present
