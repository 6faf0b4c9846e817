package templates

import (
	"fmt"
	"reflect"
	"strconv"
	"text/template"
)

// Funcs are the helpers narrative.tmpl and key.tmpl may call.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"words":   Words,
		"diff":    Diff,
		"plural":  Plural,
		"total":   Total,
		"percent": Percent,
	}
}

var smallNumbers = []string{
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty",
}

// Words spells out 0 to 20, as house style does for small numbers in running text, and
// writes larger (or negative) numbers in figures.
func Words(n int) string {
	if n >= 0 && n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return strconv.Itoa(n)
}

// Diff compares a count with the previous quarter's: "three more than", "one fewer than",
// "the same as". The caller adds "the previous quarter".
func Diff(now, before int) string {
	switch {
	case now > before:
		return Words(now-before) + " more than"
	case now < before:
		return Words(before-now) + " fewer than"
	}
	return "the same as"
}

// Plural picks the singular form for exactly one and the plural otherwise.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Total adds the integer fields of a set of counts (such as .Summary.RAG), so a template can
// tell whether a previous quarter was reported at all.
func Total(counts any) (int, error) {
	v := reflect.ValueOf(counts)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return 0, nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return 0, fmt.Errorf("total needs a set of counts such as .Summary.RAG, not %s", v.Kind())
	}
	sum := 0
	for i := range v.NumField() {
		if f := v.Field(i); f.CanInt() {
			sum += int(f.Int())
		}
	}
	return sum, nil
}

// Percent writes a fraction as a percentage without needless decimals: 0.05 is "5%".
func Percent(fraction float64) string {
	return strconv.FormatFloat(fraction*100, 'f', -1, 64) + "%"
}
