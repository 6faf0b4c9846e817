package present

import "github.com/example/qpr/templates"

// A chart on paper (the PDF's, and the Word edition's pictures of the same size) is laid out
// in millimetres, and its lines told apart by dash pattern as well as colour, the same way
// in both: these are that layout and those styles, decided once.
const (
	PaperChartH     = 66.0 // whole chart block: titles, plot, axis labels and legend
	PaperPlotTop    = 7.0
	PaperPlotH      = 38.0
	PaperPlotLeft   = 17.0
	PaperPlotRight  = 4.0
	PaperMarkerSize = 1.7
)

// The dash patterns of a paper chart's lines, on and off in millimetres.
var (
	PaperDashTarget = []float64{2.4, 1.2}
	PaperDashFloor  = []float64{0.7, 0.9}
	PaperDashLimit  = []float64{1.6, 1.0}
	PaperDashTrend  = []float64{3, 1, 0.6, 1}
)

// PaperStepStyle is how a threshold line of kind k is drawn on paper: its colour in style st,
// its dash pattern and its width in millimetres.
func PaperStepStyle(st templates.Style, k StepKind) (templates.Colour, []float64, float64) {
	c := st.Colours
	switch k {
	case StepTarget:
		return c.Green, PaperDashTarget, 0.5
	case StepFloor:
		return c.Red, PaperDashFloor, 0.5
	}
	return c.Activity, PaperDashLimit, 0.3
}
