package xlsxread

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// numberText, sharedIndex and digitsOnly (when it is ok) read as the strconv calls they stand in front of, over awkward
// texts (signs, points, leading zeros, spaces, exponents, hexadecimal, grouping, too many
// digits, out of range) and many random ones.
func TestNumberTextAndSharedIndexAsStrconv(t *testing.T) {
	texts := []string{"0", "-0", "+0", "00", "007", "1.", ".5", "-.5", ".", "-", "+", "", " ", " 12", "12 ", "1e5", "1E-3", "0x10", "0x1p3", "1_000", "Inf", "NaN", "1e400", "-1e400", "1e-400",
		"123456789", "1234567890", "999999999", "123456789012345", "1234567890123456", "9007199254740993", "0.000000000000001", "2.675", "0.1", "1.2.3", "1,5", "\t7\n", "٣"}
	rng := rand.New(rand.NewPCG(4, 2))
	for range 100_000 {
		var b []byte
		for range rng.IntN(18) {
			b = append(b, "0123456789.-+e x"[rng.IntN(16)])
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		text := []byte(s)
		got, err := numberText(text)
		want, werr := strconv.ParseFloat(string(bytes.TrimSpace(text)), 64)
		if werr == nil && bytes.ContainsAny(text, "xX_") {
			werr = strconv.ErrSyntax
		}
		if errors.Is(werr, strconv.ErrRange) {
			werr = nil
		}
		if (err == nil) != (werr == nil) || err == nil && math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("numberText(%q) = %v, %v; strconv %v, %v", s, got, err, want, werr)
		}
		if n, ok := digitsOnly(text); ok {
			if want, err := strconv.Atoi(s); err != nil || n != want {
				t.Fatalf("digitsOnly(%q) = %d; strconv %d, %v", s, n, want, err)
			}
		}
		gotI, err := sharedIndex(text)
		wantI, werr := strconv.Atoi(string(bytes.TrimSpace(text)))
		if (err == nil) != (werr == nil) || gotI != wantI {
			t.Fatalf("sharedIndex(%q) = %v, %v; strconv %v, %v", s, gotI, err, wantI, werr)
		}
	}
}

// readBothWays reads the rows of a sheet with plainValue on and off: the rows (or the error)
// of each.
func readBothWays(t *testing.T, rows, sst string, lim Limits) (plain, byTags string) {
	t.Helper()
	read := func() string {
		wb, err := open(t, pkgParts(sheet(rows), part{"xl/sharedStrings.xml", sst}, part{"xl/styles.xml", styles}), lim)
		if err != nil {
			return "open: " + err.Error()
		}
		var b strings.Builder
		err = wb.ReadSheet(0, true, func(n int, cells []Cell) bool {
			fmt.Fprintf(&b, "%d: %+v\n", n, cells)
			return true
		})
		fmt.Fprintf(&b, "error: %v", err)
		return b.String()
	}
	plain = read()
	noPlainValues = true
	defer func() { noPlainValues = false }()
	return plain, read()
}

// A cell read at once by plainValue reads as it does tag by tag, whatever surrounds its value:
// entities, line ends, comments, CDATA, a formula, a prefix, space, a second value, text too
// long, and cells that cross the scanner's 64 KB buffer.
func TestPlainValuesReadAsTags(t *testing.T) {
	values := []string{`<v>12.5</v>`, `<v>0</v>`, `<v></v>`, `<v/>`, `<v>1&amp;2</v>`, "<v>1\r\n2</v>", `<v>1<!-- c -->2</v>`, `<v><![CDATA[7]]></v>`,
		`<f>A1</f><v>3</v>`, `<v>3</v><f>A1</f>`, `<v>4</v> `, ` <v>4</v>`, `<v>5</v><v>6</v>`, `<x:v>8</x:v>`, `<v>9</x:v>`, `<v>a>b</v>`, `<v>` + strings.Repeat("9", 5000) + `</v>`, `<v>1e400</v>`, `<v>0x10</v>`, `<v>é</v>`}
	types := []string{``, ` t="s"`, ` t="str"`, ` t="n"`, ` t="b"`, ` t="e"`, ` t="inlineStr"`}
	rng := rand.New(rand.NewPCG(6, 1))
	for range 200 {
		var b strings.Builder
		rows := rng.IntN(400) + 1
		for r := 1; r <= rows; r++ {
			fmt.Fprintf(&b, `<row r="%d">`, r)
			for c := range rng.IntN(6) {
				end := `</c>`
				if rng.IntN(20) == 0 {
					end = `</x:c>`
				}
				fmt.Fprintf(&b, `<c r="%s%d"%s>%s%s`, ColumnName(c), r, types[rng.IntN(len(types))], values[rng.IntN(len(values))], end)
			}
			b.WriteString(`</row>`)
		}
		plain, byTags := readBothWays(t, b.String(), sst3, testLimits)
		if plain != byTags {
			t.Fatalf("rows %q\nplainValue: %s\nby tags:    %s", b.String(), plain, byTags)
		}
	}
}

// FuzzPlainValues checks plainValue against reading tag by tag on any sheet.
func FuzzPlainValues(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1.5</v></c><c r="C1"><v>1&amp;</v></c></row>`)
	f.Add(`<row r="1"><c r="A1"><v>2</v><f>1</f></c><c r="B1" t="str"><v>x</v></c></row>`)
	f.Fuzz(func(t *testing.T, rows string) {
		plain, byTags := readBothWays(t, rows, sst3, testLimits)
		if plain != byTags {
			t.Fatalf("rows %q\nplainValue: %s\nby tags:    %s", rows, plain, byTags)
		}
	})
}
