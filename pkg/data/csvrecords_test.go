package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// csvOutcome is everything a csv reader tells of one record: its fields, where each starts,
// the error, and where the next record starts.
type csvOutcome struct {
	Fields    []string
	Positions [][2]int
	Err       string
	Offset    int64
}

// readAllCSVStdlib reads text with encoding/csv, set as qpr's csv reading was before
// csvRecords: the reference csvRecords must agree with.
func readAllCSVStdlib(text io.Reader, sep rune) []csvOutcome {
	r := csv.NewReader(text)
	r.Comma = sep
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var out []csvOutcome
	for len(out) < 10_000 {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		o := csvOutcome{Fields: append([]string(nil), rec...), Offset: r.InputOffset()}
		for i := range rec {
			line, col := r.FieldPos(i)
			o.Positions = append(o.Positions, [2]int{line, col})
		}
		o.Err = describeCSVError(err)
		out = append(out, o)
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			break // a reading error ends the text
		}
	}
	return out
}

// readAllCSVRecords reads text with csvRecords, in blocks of blockSize bytes.
func readAllCSVRecords(text io.Reader, sep rune, blockSize int) []csvOutcome {
	r := newCSVRecords(text, sep, 0)
	r.blockSize = blockSize
	var out []csvOutcome
	for len(out) < 10_000 {
		rec, err := r.read()
		if err == io.EOF {
			break
		}
		// Copies: a field is valid only until the next record is read.
		o := csvOutcome{Offset: r.inputOffset()}
		for _, f := range rec {
			o.Fields = append(o.Fields, strings.Clone(f))
		}
		for i := range rec {
			line, col := r.fieldPos(i)
			o.Positions = append(o.Positions, [2]int{line, col})
		}
		if err == nil && len(rec) > 0 && r.line() != o.Positions[0][0] {
			o.Err = fmt.Sprintf("record line %d, first field's line %d", r.line(), o.Positions[0][0])
		}
		if err != nil {
			o.Err = describeCSVError(err)
		}
		out = append(out, o)
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			break
		}
	}
	return out
}

// describeCSVError is an error with every detail of a parse error's place.
func describeCSVError(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("parse error: start line %d, line %d, column %d: %v", pe.StartLine, pe.Line, pe.Column, pe.Err)
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// csvPieces are what the generated csv text is made of: plain text, spaces, every
// separator, every line end, quotes alone and doubled, quoted fields well and badly formed,
// letters that are more than one byte.
var csvPieces = []string{
	"a", "CS01", "2023/24 Q2", "85", "1,234", "35.123", " ", "  x ", "é", "Ŵ", "–",
	",", ",", ",", ";", ";", "\t", "\t",
	"\n", "\n", "\r\n", "\r", "\n\n",
	`"`, `""`, `"a"`, `"a,b"`, `"a;b"`, `"a""b"`, `"a` + "\n" + `b"`, `"a` + "\r\n" + `b"`, `"a` + "\r" + `b"`,
	`" "`, `"x" `, ` "x"`, `"x"y`, `x"y`, `"""`, `""""`, `"` + "\n",
}

// generatedCSV is a random csv text: either rows of fields, each quoted or not, with the
// separator of the rows and stray others, or a soup of the pieces above.
func generatedCSV(rng *rand.Rand) string {
	var b strings.Builder
	if rng.IntN(3) == 0 {
		for range rng.IntN(30) {
			b.WriteString(csvPieces[rng.IntN(len(csvPieces))])
		}
		return b.String()
	}
	seps := []string{",", ";", "\t"}
	sep := seps[rng.IntN(len(seps))]
	ends := []string{"\n", "\r\n", "\r"}
	end := ends[rng.IntN(len(ends))]
	words := []string{"", "a", "CS01", "2023/24 Q2", "85", "1,5", "35.123", " x ", "é", `x"y`, "a\nb", "a\r\nb", "say \"hi\"", ";", "\t", ","}
	for range rng.IntN(8) {
		if rng.IntN(8) == 0 {
			b.WriteString(end) // a blank line
		}
		for f := range rng.IntN(6) + 1 {
			if f > 0 {
				b.WriteString(sep)
			}
			w := words[rng.IntN(len(words))]
			switch rng.IntN(4) {
			case 0: // quoted as csv writers do
				b.WriteString(`"` + strings.ReplaceAll(w, `"`, `""`) + `"`)
			case 1: // quoted, with odd spacing or the quotes left undoubled
				if rng.IntN(2) == 0 {
					b.WriteString(` "` + w + `" `)
				} else {
					b.WriteString(`"` + w + `"`)
				}
			default:
				b.WriteString(w)
			}
		}
		if rng.IntN(5) == 0 {
			b.WriteString(sep) // a trailing separator
		}
		if rng.IntN(10) == 0 {
			b.WriteString(`"`) // an unterminated quote
		}
		if rng.IntN(6) > 0 {
			b.WriteString(end)
		}
	}
	return b.String()
}

// compareCSVReaders reads text with encoding/csv and with csvRecords in several block sizes
// and through readers that hand over the text a byte or half a buffer at a time, and reports
// the first difference.
func compareCSVReaders(t *testing.T, text string) {
	t.Helper()
	for _, sep := range []rune{',', ';', '\t'} {
		want := readAllCSVStdlib(strings.NewReader(text), sep)
		for _, blockSize := range []int{csvBlockSize, 1, 2, 3, 7, 16} {
			for _, src := range []io.Reader{strings.NewReader(text), iotest.OneByteReader(strings.NewReader(text)), iotest.HalfReader(strings.NewReader(text))} {
				got := readAllCSVRecords(src, sep, blockSize)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("text %q, separator %q, blocks of %d:\n got %+v\nwant %+v", text, sep, blockSize, got, want)
				}
			}
		}
	}
}

// csvRecords reads every generated text as encoding/csv does: the same records, fields,
// places and errors.
func TestCSVRecordsAgreeWithEncodingCSV(t *testing.T) {
	for _, text := range []string{
		"", "\n", "\r\n", "\r", "\n\n\n", "a", "a\n", "a\r", "a\r\r", "a\r\r\n", "\r\r\n", "a\rb\n",
		"code,period,value\nCS01,2023/24 Q2,85\n",
		"a,b,\n,,\n", `"a,b",c` + "\n", `"a""b",c`, `"a` + "\nb\",c\n", `"a` + "\r\nb\r\n\",c\r\n",
		`a"b,c`, `"a"b,c`, `"abc`, "\"abc\n", "\"abc\n\n\n", `a,"b`, `"a"` + "\r", `"a"` + "\rb\n",
		"x,\"y\n\nz\",w\n", "\"\"\"\"\n", "\"\n\"\n", " \"a\",b\n", "\"a\" ,b\n",
	} {
		compareCSVReaders(t, text)
	}
	rng := rand.New(rand.NewPCG(19, 5))
	for range 3000 {
		compareCSVReaders(t, generatedCSV(rng))
	}
}

// A read error ends the records, after the fields read before it, as in encoding/csv.
func TestCSVRecordsReadError(t *testing.T) {
	broken := errors.New("disk fault")
	for _, text := range []string{"a,b\nc,d", "a,b\nc,\"d", "a,b\n", ""} {
		want := readAllCSVStdlib(io.MultiReader(strings.NewReader(text), iotest.ErrReader(broken)), ',')
		got := readAllCSVRecords(io.MultiReader(strings.NewReader(text), iotest.ErrReader(broken)), ',', csvBlockSize)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("text %q:\n got %+v\nwant %+v", text, got, want)
		}
	}
}

// A record is cut off once its text passes the limit and the read-ahead, at the line where it
// does, before it is held; empty lines before it count for nothing.
func TestCSVRecordsCutOffALongRecord(t *testing.T) {
	const limit = 100
	cases := []struct {
		name     string
		text     string
		wantLine int // where the record is cut off; 0 for none
	}{
		{"long line", "a,b\nc,d\n" + strings.Repeat("x", limit+csvReadAhead+1) + "\n", 3},
		{"long line at the end", "a,b\n" + strings.Repeat("x", limit+csvReadAhead+1), 2},
		{"within the read-ahead", "a,b\n" + strings.Repeat("x", limit+csvReadAhead) + "\n", 0},
		{"empty lines", "a,b\n" + strings.Repeat("\n", 3*(limit+csvReadAhead)) + "c,d\n", 0},
		// Line 2 holds 10 bytes (the quote and 9 letters), each line after it 9: the record
		// passes limit+csvReadAhead on the first line L with 10+9(L-2) > 4196.
		{"quoted over lines", "a,b\n\"" + strings.Repeat("xxxxxxxxx\n", 600) + "\"\n", 2 + (limit+csvReadAhead-10)/9 + 1},
		{"quoted over lines within the read-ahead", "a,b\n\"" + strings.Repeat("xxxxxxxxx\n", 465) + "\"\n", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, blockSize := range []int{csvBlockSize, 1, 64} {
				r := newCSVRecords(strings.NewReader(c.text), ',', limit)
				r.blockSize = blockSize
				cutAt := 0
				for {
					_, err := r.read()
					if err == io.EOF {
						break
					}
					var long *lineTooLong
					if errors.As(err, &long) {
						cutAt = long.line
						break
					}
					if err != nil {
						t.Fatal(err)
					}
					if len(r.text) > 2*max(blockSize, limit+csvReadAhead+1) {
						t.Fatalf("holds %d bytes", len(r.text)-r.at)
					}
				}
				if cutAt != c.wantLine {
					t.Errorf("blocks of %d: cut off at line %d, want %d", blockSize, cutAt, c.wantLine)
				}
			}
		})
	}
}

// FuzzCSVRecords compares csvRecords with encoding/csv on any text.
func FuzzCSVRecords(f *testing.F) {
	for _, seed := range []string{"a,b\n", `"a""b",c` + "\r\n", "\"a\nb\",c", `a"b`, `"a"b`, "\"abc", "\r\n\r\n\"\"\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		compareCSVReaders(t, text)
	})
}
