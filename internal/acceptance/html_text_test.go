package acceptance_test

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	qhtml "github.com/example/qpr/pkg/render/html"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/templates"
)

// renderHTML is the pack's HTML edition as qpr build writes it.
func renderHTML(t testing.TB, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := qhtml.Render(&buf, r, templates.Default()); err != nil {
		t.Fatalf("rendering the HTML: %v", err)
	}
	return buf.Bytes()
}

func parseHTML(t testing.TB, doc []byte) *html.Node {
	t.Helper()
	n, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("parsing the HTML: %v", err)
	}
	return n
}

// TestExampleHTMLTextGolden pins the words of the example's corporate HTML edition, as a
// reader meets them: headings marked with #s by level, list items with "-", table rows with
// cells between "|", a chart by its accessible name and description. A change of wording or
// figures shows up here as a readable diff; the markup around them is checked in Chromium.
func TestExampleHTMLTextGolden(t *testing.T) {
	r := loadExample(t).build(t, "qpr")
	doc := renderHTML(t, r)
	if again := renderHTML(t, r); !bytes.Equal(doc, again) {
		t.Fatal("rendering the same report twice gave different bytes")
	}
	text := htmlText(parseHTML(t, doc))
	compareGolden(t, "example-qpr-2023-24-Q2.html.txt", text)

	// What a reader looks for first, checked by hand against the example's figures.
	s := string(text)
	for _, want := range []string{
		"# Quarterly Performance Report",
		"2023/24 Q2: data to the end of September 2023",
		"Data as at 30 September 2023",
		"38 key performance indicators this quarter:",
		"- 15 rated Green", "- 15 rated Amber", "- 8 rated Red",
		"| Green | 15 | 16 | -1 |", "| Amber | 15 | 11 | +4 |", "| Red | 8 | 11 | -3 |",
		"| Improving | 7 | 4 | +3 |", "| Stable | 19 | 24 | -5 |", "| Worsening | 12 | 10 | +2 |",
		"### FN01 Percentage of invoices received by Accounts Payable paid within 30 days",
		"Value 91% (2023/24 Q2) · Basis Q · Target 90% · Floor 85% · Higher is better",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the HTML's text has no line %q", want)
		}
	}
}

// htmlText is the document's text in reading order with its structure marked.
func htmlText(root *html.Node) []byte {
	var b strings.Builder
	var walk func(n *html.Node)
	line := func(prefix string, n *html.Node) {
		if s := textOf(n); s != "" {
			b.WriteString(prefix + s + "\n")
		}
	}
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Head, atom.Style, atom.Script:
				return
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				line(strings.Repeat("#", int(n.Data[1]-'0'))+" ", n)
				return
			case atom.P, atom.Summary, atom.Caption:
				line("", n)
				return
			case atom.Li:
				// an item with a list inside: its own words, then its list indented
				var own []string
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.DataAtom != atom.Ol && c.DataAtom != atom.Ul {
						if s := textOf(c); s != "" {
							own = append(own, s)
						}
					}
				}
				b.WriteString(strings.Repeat("  ", depth(n)) + "- " + strings.Join(own, " ") + "\n")
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.DataAtom == atom.Ol || c.DataAtom == atom.Ul {
						walk(c)
					}
				}
				return
			case atom.Tr:
				var cells []string
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.DataAtom == atom.Th || c.DataAtom == atom.Td {
						cells = append(cells, textOf(c))
					}
				}
				b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
				return
			case atom.Svg:
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Data == "title" || c.Data == "desc" {
						line("["+c.Data+"] ", c)
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return []byte(b.String())
}

// depth is how many lists n's list is inside.
func depth(n *html.Node) int {
	d := 0
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Li {
			d++
		}
	}
	return d
}

// textOf is n's text with runs of white space made one space; a <br> counts as a space.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteString(" ")
		case n.Type == html.ElementNode && n.Data == "svg" && attr(n, "aria-hidden") == "true":
			// a legend's sample drawing: nothing to read
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// find calls f for every element below n for which match is true.
func find(n *html.Node, match func(*html.Node) bool, f func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && match(c) {
			f(c)
		}
		find(c, match, f)
	}
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}
