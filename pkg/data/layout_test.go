package data

import (
	"path/filepath"
	"testing"
)

// A first column with a blank header beside a table is pandas' row index when it counts the
// rows from 0 or 1, and is left out with a note; anything else in it is not an index.
// A header below rows that are a title is read with a note; below anything else it is not.
func TestIndexColumnAndTitleRows(t *testing.T) {
	cases := []struct {
		name, content string
		values        []float64
		want          []string
	}{
		{"wide index from 0", ",code,2023/24 Q1\n0,CS01,80\n1,CS02,90\n", []float64{80, 90}, []string{
			"warning: t.csv: column A has no header and holds the row numbers 0 to 1, as pandas writes its index (index=True): it was left out",
		}},
		{"long index from 1", ",code,period,value\n1,CS01,2023/24 Q1,80\n2,CS02,2023/24 Q1,90\n3,CS04,2023/24 Q1,70\n", []float64{80, 90, 70}, []string{
			"warning: t.csv: column A has no header and holds the row numbers 1 to 3, as pandas writes its index (index=True): it was left out",
		}},
		{"wide column that skips a number", ",code,2023/24 Q1\n0,CS01,80\n2,CS02,90\n", []float64{80, 90}, []string{
			"t.csv:3: column A has no header, so it has no period, and it is no row index either (pandas writes 0, 1, 2, ... there, one a row); give the column a header, or delete it",
		}},
		{"wide column of words", ",code,2023/24 Q1\nx,CS01,80\n", []float64{80}, []string{
			"t.csv:2: column A has no header, so it has no period, and it is no row index either (pandas writes 0, 1, 2, ... there, one a row); give the column a header, or delete it",
		}},
		{"long table ignores an unheaded column that is no index", ",code,period,value\nx,CS01,2023/24 Q1,80\n", []float64{80}, nil},
		{"index starting at 5", ",code,period,value\n5,CS01,2023/24 Q1,80\n", []float64{80}, nil},
		{"two title lines", "Returns\nChief Executive's,Q2\ncode,period,value\nCS01,2023/24 Q1,80\n", []float64{80}, []string{
			`warning: t.csv: read the table whose header is line 3 (code, period, value), below the title "Returns" (lines 1 to 2)`,
		}},
		{"five title lines", "a\nb\nc\nd\ne\ncode,period,value\nCS01,2023/24 Q1,80\n", []float64{80}, []string{
			`warning: t.csv: read the table whose header is line 6 (code, period, value), below the title "a" (lines 1 to 5)`,
		}},
		{"six title lines", "a\nb\nc\nd\ne\nf\ncode,period,value\nCS01,2023/24 Q1,80\n", nil, []string{
			`t.csv: line 7 looks like the header (code, period, value), but the rows above it are not a title (there are more than 5 of them): delete the rows above the header`,
		}},
		{"no header in the first eleven lines", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\ncode,period,value\nCS01,2023/24 Q1,80\n", nil, []string{
			`t.csv: no table with code, period and value headers; line 1 has a`,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, "t.csv", []byte(c.content))
			ds, probs := Read([]string{path}, april)
			assertMessages(t, messages(probs, filepath.Dir(path)), c.want)
			var values []float64
			for _, o := range ds.Observations() {
				values = append(values, o.Value)
			}
			if len(values) != len(c.values) {
				t.Fatalf("values %v, want %v", values, c.values)
			}
			for i := range values {
				if values[i] != c.values[i] {
					t.Errorf("values %v, want %v", values, c.values)
				}
			}
		})
	}
}
