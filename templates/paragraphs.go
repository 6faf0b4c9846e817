package templates

import "strings"

// Paragraphs breaks text at blank lines and joins each paragraph's lines with spaces, so a
// template may wrap its source lines freely without the breaks reaching the report.
func Paragraphs(text string) []string {
	var out []string
	for _, block := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p := strings.Join(strings.Fields(block), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}
