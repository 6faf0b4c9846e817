package present

import (
	"strings"

	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// Status is anything shown as a mark and a word: a KPI's rating, an activity indicator's
// place against its expected range, or a direction of travel. Its value is the contract's
// word ("green", "not_rated", "improving"), which is also the name of its key.tmpl entry.
type Status string

// The statuses a report shows.
const (
	Green        Status = "green"
	Amber        Status = "amber"
	Red          Status = "red"
	NotRated     Status = "not_rated"
	NoData       Status = "no_data"
	Above        Status = "above"
	Within       Status = "within"
	Below        Status = "below"
	Improving    Status = "improving"
	Stable       Status = "stable"
	Worsening    Status = "worsening"
	Rising       Status = "rising"
	Falling      Status = "falling"
	Insufficient Status = "insufficient"
)

// Shape is the form a status's mark takes, so that no status depends on colour alone.
type Shape int

// The marks' shapes.
const (
	ShapeDash         Shape = iota // a bar: no data
	ShapeShortDash                 // a shorter bar: too few values for a direction
	ShapeCircle                    // green
	ShapeDiamond                   // amber
	ShapeSquare                    // red
	ShapeHollowCircle              // not rated
	ShapeTriangleUp                // above
	ShapeBar                       // within
	ShapeTriangleDown              // below
	ShapeArrowUp                   // improving, rising
	ShapeArrowDown                 // worsening, falling
	ShapeArrowBoth                 // stable
)

// Tone is which of the style's colours a mark is drawn in.
type Tone int

// The tones of marks.
const (
	ToneGrey Tone = iota
	ToneGreen
	ToneAmber
	ToneRed
	ToneActivity
	ToneText
	// TonePurple is Making Data Count's colour for special cause where no way is better (an
	// activity indicator): a fixed colour, not one of the style's.
	TonePurple
)

type statusLook struct {
	word, short, symbol string
	shape               Shape
	tone                Tone
}

// looks is the one table of how each status is shown. Short forms fit the history grid's
// narrow columns and are explained in the key ("abbreviations" in key.tmpl).
var looks = map[Status]statusLook{
	Green:        {"Green", "G", "●", ShapeCircle, ToneGreen},
	Amber:        {"Amber", "A", "◆", ShapeDiamond, ToneAmber},
	Red:          {"Red", "R", "■", ShapeSquare, ToneRed},
	NotRated:     {"Not rated", "NR", "○", ShapeHollowCircle, ToneGrey},
	NoData:       {"No data", "ND", "–", ShapeDash, ToneGrey},
	Above:        {"Above", "Hi", "▲", ShapeTriangleUp, ToneActivity},
	Within:       {"Within", "In", "▬", ShapeBar, ToneActivity},
	Below:        {"Below", "Lo", "▼", ShapeTriangleDown, ToneActivity},
	Improving:    {"Improving", "Improving", "↑", ShapeArrowUp, ToneText},
	Stable:       {"Stable", "Stable", "↔", ShapeArrowBoth, ToneText},
	Worsening:    {"Worsening", "Worsening", "↓", ShapeArrowDown, ToneText},
	Rising:       {"Rising", "Rising", "↑", ShapeArrowUp, ToneText},
	Falling:      {"Falling", "Falling", "↓", ShapeArrowDown, ToneText},
	Insufficient: {"Insufficient data", "Insufficient data", "–", ShapeShortDash, ToneGrey},
}

// Word is the status as a reader sees it: "Green", "Not rated", "Insufficient data". A status
// a newer engine adds is still shown, tidied ("special_cause" reads "Special cause").
func (s Status) Word() string {
	if l, ok := looks[s]; ok {
		return l.word
	}
	return tidy(string(s))
}

// Short is the abbreviation the history grid's narrow columns use: G, A, R, NR, ND, Hi, In,
// Lo (each explained in the key); a direction of travel is never abbreviated.
func (s Status) Short() string {
	if l, ok := looks[s]; ok {
		return l.short
	}
	return s.Word()
}

// Symbol is a text character standing for the mark, for plain-text output.
func (s Status) Symbol() string {
	if l, ok := looks[s]; ok {
		return l.symbol
	}
	return "–"
}

// Verdict is the word in capitals, as `qpr rag` prints a verdict: AMBER, NOT RATED.
func (s Status) Verdict() string { return strings.ToUpper(s.Word()) }

// Shape is the mark's form.
func (s Status) Shape() Shape {
	if l, ok := looks[s]; ok {
		return l.shape
	}
	return ShapeShortDash
}

// Tone is the colour role of the mark.
func (s Status) Tone() Tone {
	if l, ok := looks[s]; ok {
		return l.tone
	}
	return ToneGrey
}

// Colour is the mark's colour in style st.
func (s Status) Colour(st templates.Style) templates.Colour { return ToneColour(st, s.Tone()) }

// ToneColour is a tone's colour in style st.
func ToneColour(st templates.Style, t Tone) templates.Colour {
	c := st.Colours
	switch t {
	case ToneGreen:
		return c.Green
	case ToneAmber:
		return c.Amber
	case ToneRed:
		return c.Red
	case ToneActivity:
		return c.Activity
	case ToneText:
		return c.Text
	case TonePurple:
		return purple
	}
	return c.Grey
}

// purple is TonePurple's colour, 9.6:1 against white.
var purple = templates.Colour{R: 0x5B, G: 0x2C, B: 0x86}

func tidy(code string) string {
	s := strings.ReplaceAll(code, "_", " ")
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// RatingStatus is a KPI rating's status; nil is no data.
func RatingStatus(r *report.Rating) Status {
	if r == nil || *r == "" {
		return NoData
	}
	return Status(*r)
}

// ActivityStatus is an activity status's status; nil is no data.
func ActivityStatus(a *report.ActivityStatus) Status {
	if a == nil || *a == "" {
		return NoData
	}
	return Status(*a)
}

// DirectionStatus is a direction of travel's status; none is insufficient data.
func DirectionStatus(d report.Direction) Status {
	if d == "" {
		return Insufficient
	}
	return Status(d)
}

// StatusOf is an indicator's status in its rating column: the rating of a KPI, the place
// against the expected range of an activity indicator.
func StatusOf(in *report.Indicator) Status {
	if in.RAG != nil {
		return RatingStatus(in.RAG)
	}
	return ActivityStatus(in.Activity)
}

// DirectionOf is an indicator's direction of travel this quarter.
func DirectionOf(in *report.Indicator) Status {
	if in.Trend == nil {
		return Insufficient
	}
	return DirectionStatus(in.Trend.Direction)
}

// PreviousDirectionOf is the direction last quarter's report gave.
func PreviousDirectionOf(in *report.Indicator) Status {
	if in.TrendPrevious == nil {
		return Insufficient
	}
	return DirectionStatus(*in.TrendPrevious)
}

// historyStatus is one history quarter's status.
func historyStatus(h *report.HistoryPoint) Status {
	if h.RAG != nil {
		return RatingStatus(h.RAG)
	}
	return ActivityStatus(h.Activity)
}

// StatusLabel is the heading of an indicator's rating column and status line: "Rating" for
// a KPI, "Against range" for an activity indicator.
func StatusLabel(in *report.Indicator) string { return StatusHeading(IsActivity(in)) }

// StatusHeading is the heading of a table's rating column: "Rating" over KPIs, "Against
// range" over activity indicators.
func StatusHeading(activity bool) string {
	if activity {
		return "Against range"
	}
	return "Rating"
}
