// Package present decides how a report is shown, once, for every renderer: the words, short
// forms, shapes and colours of ratings, activity statuses and directions of travel; the shown
// value with its decimals; the facts line, projection sentence and threshold texts; the
// history grid's cells; the lists of red KPIs and of stale or partial values; the period
// labels; and a renderer-neutral description of each indicator's chart (axis, ticks, series,
// thresholds, band, SPC lines, markers, projection, legend).
//
// Renderers (pkg/render/...) and the command line draw from here and decide nothing about
// wording or numbers themselves: the PDF, the workbook, the HTML edition and `qpr rag` /
// `qpr trend` therefore show the same words and the same digits for the same indicator.
//
// Period labels: the canonical label ("2023/24 Q2") is used everywhere a period is named in
// running text, table headings and cells. Where a column is too narrow for it, ShortLines
// gives the one documented short form ("23/24" over "Q2", the same order with the century
// dropped) and it is used the same way in every such place.
package present
