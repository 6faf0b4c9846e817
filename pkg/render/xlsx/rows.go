package xlsx

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/example/qpr/pkg/present"
)

// Line metrics of the default font (Calibri 11): a line is 15 points high, and a column
// width of w holds about 1.2·w characters of ordinary text (the unit is the width of "0").
const (
	lineHeight    = 15
	charsPerWidth = 1.2
	maxRowHeight  = 409 // Excel's limit
)

// rowHeight is the height a table row needs for its wrapped text, 0 for the default height:
// neither Excel nor LibreOffice grows a row to fit when opening a file.
func rowHeight(cells []present.SheetCell, cols []present.SheetColumn) float64 {
	lines := 1
	for i, c := range cells {
		if i >= len(cols) || !cols[i].Wrap || c.Kind != present.Text {
			continue
		}
		lines = max(lines, wrappedLines(c.Text, cols[i].Width))
	}
	if lines == 1 {
		return 0
	}
	return math.Min(float64(lines*lineHeight), maxRowHeight)
}

// headerHeight is the height of a table's header row: most headers wrap once in their
// narrow columns, and bold text is wider and wraps at a word rather than a character, so a
// fifth more is allowed.
func headerHeight(cols []present.SheetColumn) float64 {
	lines := 2
	for _, c := range cols {
		lines = max(lines, wrappedLines(c.Header, c.Width*0.8))
	}
	return math.Min(float64(lines*lineHeight), maxRowHeight)
}

// wrappedLines estimates how many lines s takes in a column of the given width.
func wrappedLines(s string, width float64) int {
	perLine := max(1, int(width*charsPerWidth))
	n := 0
	for _, para := range strings.Split(s, "\n") {
		n += max(1, (utf8.RuneCountInString(para)+perLine-1)/perLine)
	}
	return n
}
