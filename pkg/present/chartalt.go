package present

import (
	"fmt"
	"strings"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// ChartAlt is the text alternative of in's chart c (not empty): what is drawn over which
// quarters, the latest value against its thresholds, the rating and the trend sentence. The
// HTML edition's chart names and describes itself in the same words.
func ChartAlt(in *report.Indicator, c Chart) string {
	first, last := Label(in.Chart[0].Period), Label(in.Chart[len(in.Chart)-1].Period)
	noun := strings.ToLower(ValueNoun(in))
	alt := fmt.Sprintf("Chart of %s %s, %s by %s, %s to %s. ", in.Code, in.Name, noun, noun, first, last)
	var drawn []string
	for _, l := range c.Legend {
		drawn = append(drawn, l.Label)
	}
	alt += "Drawn: " + strings.Join(drawn, "; ") + ". Latest value " + Value(in).Text
	if IsActivity(in) {
		alt += ", " + strings.ToLower(ExpectedHeading) + " " + ExpectedRange(in)
	} else if t := AgainstThresholds(in, in.Target, in.Floor); t != "" {
		alt += " " + t
	}
	if in.ValuePeriod != nil {
		alt += " (" + Label(*in.ValuePeriod) + ")"
	}
	alt += ". " + StatusLabel(in) + ": " + StatusOf(in).Word() + "."
	if in.Trend != nil && in.Trend.Sentence != "" {
		alt += " " + strings.Join(templates.Paragraphs(in.Trend.Sentence), " ")
	}
	return alt
}
