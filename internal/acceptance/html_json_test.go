package acceptance_test

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// jsonIndicator is what the JSON file (not the Go model) says of an indicator.
type jsonIndicator struct {
	Code     string   `json:"code"`
	Type     string   `json:"type"`
	Unit     string   `json:"unit"`
	Decimals int      `json:"decimals"`
	Basis    string   `json:"basis"`
	Value    *float64 `json:"value"`
	Display  *string  `json:"display"`
	RAG      *string  `json:"rag"`
	Activity *string  `json:"activity"`
	Trend    *struct {
		Direction string `json:"direction"`
	} `json:"trend"`
	Stale       bool    `json:"stale"`
	Partial     bool    `json:"partial"`
	ValuePeriod *string `json:"value_period"`
	History     []struct {
		Period   string  `json:"period"`
		RAG      *string `json:"rag"`
		Activity *string `json:"activity"`
		Partial  bool    `json:"partial"`
	} `json:"history"`
}

// statusWords are the words a reader sees for the JSON's status values, written out here
// rather than taken from the renderer so that a renderer that showed the wrong word fails.
var statusWords = map[string][]string{
	"green": {"Green"}, "amber": {"Amber"}, "red": {"Red"}, "not_rated": {"Not rated"}, "no_data": {"No data"},
	"above": {"Above"}, "within": {"Within"}, "below": {"Below"},
	"improving": {"Improving"}, "stable": {"Stable"}, "worsening": {"Worsening"},
	"rising": {"Rising"}, "falling": {"Falling"}, "insufficient": {"Too few values", "Insufficient data"},
}

// TestHTMLAgreesWithJSON reads every indicator's shown value, rating and direction from the
// HTML edition (its section's badges and facts line, and its row in the directorate table)
// and checks them against the JSON file of the same build: the shown value is the JSON's
// value rounded to the places shown, the places are the JSON display's, and the words are
// the JSON's statuses. Run on the example and on a generated catalogue of 200 indicators.
func TestHTMLAgreesWithJSON(t *testing.T) {
	for _, c := range htmlCases(t) {
		t.Run(c.name, func(t *testing.T) {
			var doc struct {
				Period         string          `json:"period"`
				HistoryPeriods []string        `json:"history_periods"`
				Indicators     []jsonIndicator `json:"indicators"`
			}
			if err := json.Unmarshal(marshalReport(t, c.report), &doc); err != nil {
				t.Fatal(err)
			}
			root := parseHTML(t, renderHTML(t, c.report))
			sections := map[string]*html.Node{}
			find(root, func(n *html.Node) bool { return n.Data == "article" && hasClass(n, "indicator") }, func(n *html.Node) {
				sections[attr(n, "aria-labelledby")] = n
			})
			// each directorate's table: one row per indicator, its first cell a link to the
			// indicator's section
			rows := map[string]*html.Node{}
			find(root, func(n *html.Node) bool {
				id := attr(n, "id")
				return n.Data == "table" && strings.HasPrefix(id, "dir-") && (strings.HasSuffix(id, "-kpis") || strings.HasSuffix(id, "-activity"))
			}, func(tb *html.Node) {
				find(tb, func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" }, func(tr *html.Node) {
					find(tr, func(a *html.Node) bool { return a.Data == "a" }, func(a *html.Node) {
						rows[strings.TrimPrefix(attr(a, "href"), "#")] = tr
					})
				})
			})
			if len(sections) != len(doc.Indicators) {
				t.Errorf("the HTML has %d indicator sections; the JSON has %d indicators", len(sections), len(doc.Indicators))
			}
			checkLists(t, root, doc.Period, doc.HistoryPeriods, doc.Indicators)
			for _, in := range doc.Indicators {
				id := "ind-" + in.Code
				sec, ok := sections[id]
				if !ok {
					t.Errorf("%s: no section with id %s", in.Code, id)
					continue
				}
				checkSection(t, in, sec)
				if row, ok := rows[id]; ok {
					checkRow(t, in, row)
				} else {
					t.Errorf("%s: no row in its directorate's table", in.Code)
				}
			}
		})
	}
}

func checkSection(t *testing.T, in jsonIndicator, sec *html.Node) {
	t.Helper()
	var badges []string
	find(sec, func(n *html.Node) bool { return n.Data == "span" && hasClass(n, "badge") }, func(n *html.Node) {
		badges = append(badges, textOf(n))
	})
	wantStatus := "no_data"
	if in.Type == "activity" {
		if in.Activity != nil {
			wantStatus = *in.Activity
		}
	} else if in.RAG != nil {
		wantStatus = *in.RAG
	}
	wantDir := "insufficient"
	if in.Trend != nil {
		wantDir = in.Trend.Direction
	}
	if len(badges) != 2 {
		t.Errorf("%s: badges %q, want a rating and a direction", in.Code, badges)
		return
	}
	// each badge is "Label: Word"
	_, rating, _ := strings.Cut(badges[0], ": ")
	_, dir, _ := strings.Cut(badges[1], ": ")
	checkWord(t, in.Code, "rating", rating, wantStatus)
	checkWord(t, in.Code, "direction", dir, wantDir)
	var facts string
	find(sec, func(n *html.Node) bool { return n.Data == "p" && hasClass(n, "facts") }, func(n *html.Node) { facts = textOf(n) })
	shown, _, _ := strings.Cut(strings.TrimPrefix(facts, "Value "), " (")
	shown, _, _ = strings.Cut(shown, " · ")
	checkShown(t, in, "facts line", shown)
	if in.Value != nil && !strings.Contains(facts, " · Basis "+in.Basis+" ") && !strings.HasSuffix(facts, " · Basis "+in.Basis) {
		t.Errorf("%s: facts line %q does not give the JSON's basis %q", in.Code, facts, in.Basis)
	}
}

func checkRow(t *testing.T, in jsonIndicator, row *html.Node) {
	t.Helper()
	cells := cellsOf(row)
	// KPIs: Indicator | Value | Basis | Target | Floor | Rating | Direction | earlier quarters...
	// activity indicators: Indicator | Value | Basis | Expected range | Against range | Direction | ...
	value := cells[1]
	if i := strings.Index(value, " ("); i >= 0 {
		value = value[:i] // "(2023/24 Q1)" or "(2 of 3 months)" below a stand-in value
	}
	checkShown(t, in, "directorate table", value)
	if cells[2] != in.Basis {
		t.Errorf("%s: directorate table basis %q; the JSON's basis is %q", in.Code, cells[2], in.Basis)
	}
	status, dir := cells[5], cells[6]
	if in.Type == "activity" {
		status, dir = cells[4], cells[5]
	}
	wantStatus := "no_data"
	if in.RAG != nil {
		wantStatus = *in.RAG
	} else if in.Activity != nil {
		wantStatus = *in.Activity
	}
	checkWord(t, in.Code, "directorate table rating", status, wantStatus)
	wantDir := "insufficient"
	if in.Trend != nil {
		wantDir = in.Trend.Direction
	}
	checkWord(t, in.Code, "directorate table direction", dir, wantDir)
}

func cellsOf(tr *html.Node) []string {
	var out []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Data == "th" || c.Data == "td" {
			out = append(out, textOf(c))
		}
	}
	return out
}

func checkWord(t *testing.T, code, what, got, status string) {
	t.Helper()
	words, ok := statusWords[status]
	if !ok {
		t.Errorf("%s: the JSON's %s %q is not a status the contract lists", code, what, status)
		return
	}
	for _, w := range words {
		if got == w {
			return
		}
	}
	t.Errorf("%s: the HTML's %s is %q; the JSON says %s, shown as %q", code, what, got, status, words[0])
}

var shownNumber = regexp.MustCompile(`^(£)?(-?[0-9][0-9,]*(\.([0-9]+))?)(%| days)?$`)

// checkShown checks a shown value against the JSON: the number, read back, is the JSON's
// value rounded to the places shown; those places are the display's, or the indicator's
// decimals; and the unit is the indicator's (the basis is in a column of its own).
func checkShown(t *testing.T, in jsonIndicator, where, shown string) {
	t.Helper()
	if in.Value == nil {
		if shown != "No data" {
			t.Errorf("%s: %s shows %q for a null value, want No data", in.Code, where, shown)
		}
		return
	}
	m := shownNumber.FindStringSubmatch(shown)
	if m == nil {
		t.Errorf("%s: %s shows %q, not a number with a unit", in.Code, where, shown)
		return
	}
	places := len(m[4])
	wantPlaces := in.Decimals
	if in.Display != nil {
		if _, frac, ok := strings.Cut(*in.Display, "."); ok {
			wantPlaces = len(frac)
		} else {
			wantPlaces = 0
		}
	}
	if places != wantPlaces {
		t.Errorf("%s: %s shows %q with %d places; the JSON's display %v has %d", in.Code, where, shown, places, jsonText(in.Display), wantPlaces)
	}
	got, err := strconv.ParseFloat(strings.ReplaceAll(m[2], ",", ""), 64)
	if err != nil {
		t.Errorf("%s: %s shows %q: %v", in.Code, where, shown, err)
		return
	}
	// the shown number is the value rounded to the places shown: within half a unit of the
	// last place
	if half := 0.5 * math.Pow(10, -float64(places)); math.Abs(got-*in.Value) > half*(1+1e-9) {
		t.Errorf("%s: %s shows %q; the JSON's value %v does not round to it", in.Code, where, shown, *in.Value)
	}
	wantUnit := map[string]string{"percent": "%", "currency": "£", "days": " days"}[in.Unit]
	if gotUnit := m[1] + m[5]; gotUnit != wantUnit {
		t.Errorf("%s: %s shows %q with unit %q; the indicator's unit %s is shown as %q", in.Code, where, shown, gotUnit, in.Unit, wantUnit)
	}
}

func jsonText(s *string) string {
	if s == nil {
		return "null"
	}
	return strconv.Quote(*s)
}

// checkLists checks the summary's lists against the JSON: in the history grid, the report
// quarter's cell is the indicator's headline status (the one the summary counts), noted
// "from <quarter>" when that value is a stand-in and "part quarter" when partial; each
// earlier quarter's cell is that quarter's status in the JSON's history (no data where the
// history has none), noted "part quarter" when partial. The red list holds exactly the KPIs
// the JSON rates red; the stale and partial table exactly those the JSON flags.
func checkLists(t *testing.T, root *html.Node, current string, periods []string, ins []jsonIndicator) {
	t.Helper()
	grid := map[string][]string{}
	var head []string
	// the grid is written as one table per directorate: history-grid, history-grid-2, ...
	isGrid := func(n *html.Node) bool {
		id := attr(n, "id")
		return n.Data == "table" && (id == "history-grid" || strings.HasPrefix(id, "history-grid-"))
	}
	find(root, isGrid, func(tb *html.Node) {
		find(tb, func(n *html.Node) bool { return n.Data == "tr" }, func(tr *html.Node) {
			cells := cellsOf(tr)
			if tr.Parent.Data == "thead" {
				head = cells
				return
			}
			if code, _, ok := strings.Cut(cells[0], " "); ok && len(cells) > 1 {
				grid[code] = cells[1:]
			}
		})
	})
	if len(head) != len(periods)+1 || !slices.Equal(head[1:], periods) {
		t.Errorf("the history grid's columns are %q; the JSON's history periods are %q", head, periods)
	}
	var wantRed, wantStale []string
	for _, in := range ins {
		if in.RAG != nil && *in.RAG == "red" {
			wantRed = append(wantRed, in.Code)
		}
		if in.Stale || in.Partial {
			wantStale = append(wantStale, in.Code)
		}
		cells, ok := grid[in.Code]
		if !ok {
			t.Errorf("%s: no row in the history grid", in.Code)
			continue
		}
		for i, p := range periods {
			status, note := "no_data", ""
			if p == current {
				status = headlineStatus(in)
				switch {
				case in.Stale && in.ValuePeriod != nil:
					note = "from " + *in.ValuePeriod
				case in.Partial:
					note = "part quarter"
				}
			} else {
				for _, h := range in.History {
					if h.Period == p {
						if h.RAG != nil {
							status = *h.RAG
						} else if h.Activity != nil {
							status = *h.Activity
						}
						if h.Partial {
							note = "part quarter"
						}
					}
				}
			}
			if i >= len(cells) {
				continue
			}
			word := cells[i]
			if note != "" {
				var ok bool
				if word, ok = strings.CutSuffix(word, " "+note); !ok {
					t.Errorf("%s: the history grid's %s cell %q has no note %q", in.Code, p, cells[i], note)
					continue
				}
			}
			checkWord(t, in.Code, "history grid "+p, word, status)
		}
	}
	var red []string
	find(root, func(n *html.Node) bool { return n.Data == "div" && hasClass(n, "red-item") }, func(n *html.Node) {
		find(n, func(h *html.Node) bool { return h.Data == "h4" }, func(h *html.Node) {
			code, _, _ := strings.Cut(textOf(h), " ")
			red = append(red, code)
		})
	})
	var stale []string
	find(root, func(n *html.Node) bool { return n.Data == "table" && attr(n, "id") == "stale" }, func(tb *html.Node) {
		find(tb, func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" }, func(tr *html.Node) {
			code, _, _ := strings.Cut(cellsOf(tr)[0], " ")
			stale = append(stale, code)
		})
	})
	if !sameSet(red, wantRed) {
		t.Errorf("the red list holds %v; the JSON rates red %v", red, wantRed)
	}
	if !sameSet(stale, wantStale) {
		t.Errorf("the stale and partial list holds %v; the JSON flags %v", stale, wantStale)
	}
}

func sameSet(a, b []string) bool {
	a, b = append([]string(nil), a...), append([]string(nil), b...)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// headlineStatus is an indicator's status this quarter: its rating, or its place against its
// expected range.
func headlineStatus(in jsonIndicator) string {
	switch {
	case in.RAG != nil:
		return *in.RAG
	case in.Activity != nil:
		return *in.Activity
	}
	return "no_data"
}
