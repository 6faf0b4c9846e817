// Package docx paints the report's document (pkg/present) as a Word edition: real Word
// headings (so the navigation pane and a table of contents work), tables with repeating header
// rows and alternative-text titles, charts as pictures with alternative text followed by their
// figures as a table, lists, the key, a running head and "Page n of N" in the footer. The
// same report gives the same bytes: no clock, fixed zip times, parts in a fixed order.
package docx
