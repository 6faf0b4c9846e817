package data

import (
	"fmt"
	"strings"
)

// numberConvention is how a ;-separated csv file writes its numbers. Excel in much of Europe
// writes ; between fields, a comma before decimals and, in a cell formatted with thousands
// separators, dots between thousands (35.123 for thirty-five thousand); a ;-separated file
// written elsewhere may use a decimal point. A number such as 35.123 or 1,234 reads either
// way, so the file's other numbers settle it: a number that can only be read one way (85,5;
// 1.234.567; 1.234,5 say decimal comma; 85.5; 1,234,567; 1,234.5 say decimal point) is
// evidence. A file with evidence of one way only reads its numbers that way; a file with none,
// or with both, refuses every number that reads both ways. The evidence is gathered by a
// first pass over the file's value cells (surveying), before any is read.
type numberConvention struct {
	surveying bool
	line      int // the line being read, for the evidence's place
	// The first line with a number that can only be a decimal comma, or a decimal point,
	// and that number; zero if none.
	commaLine, pointLine int
	commaText, pointText string
}

// numberShape is what a number's separators say on their own.
type numberShape uint8

const (
	shapePlain        numberShape = iota // digits only, or not a number at all
	shapeDecimalComma                    // only readable with a decimal comma
	shapeDecimalPoint                    // only readable with a decimal point
	shapeEither                          // one separator followed by three digits: 1,234 or 35.123
)

// shapeOf classifies a number's text (sign, currency and % already off).
func shapeOf(num string) numberShape {
	dot, comma := strings.LastIndexByte(num, '.'), strings.LastIndexByte(num, ',')
	switch {
	case dot < 0 && comma < 0:
		return shapePlain
	case dot >= 0 && comma >= 0:
		// Both: the last is the decimal separator.
		if comma > dot {
			return shapeDecimalComma
		}
		return shapeDecimalPoint
	case comma >= 0:
		return oneSeparatorShape(num, ',', shapeDecimalComma, shapeDecimalPoint)
	}
	return oneSeparatorShape(num, '.', shapeDecimalPoint, shapeDecimalComma)
}

// oneSeparatorShape classifies a number with one kind of separator sep: once, with other
// than three digits after it, it is a decimal separator (asDecimal); more than once, it
// separates thousands (asThousands, the other convention); once before three digits, after
// one to three, it reads both ways.
func oneSeparatorShape(num string, sep byte, asDecimal, asThousands numberShape) numberShape {
	if strings.Count(num, string(sep)) > 1 {
		return asThousands
	}
	i := strings.IndexByte(num, sep)
	lead := strings.TrimLeft(num[:i], "+-")
	if len(num)-i-1 == 3 && len(lead) >= 1 && len(lead) <= 3 {
		return shapeEither
	}
	return asDecimal
}

// observe records what a number in a ;-separated file says about the convention.
func (nc *numberConvention) observe(text, num string) {
	switch shapeOf(num) {
	case shapeDecimalComma:
		if nc.commaLine == 0 {
			nc.commaLine, nc.commaText = nc.line, strings.Clone(clip(strings.TrimSpace(text)))
		}
	case shapeDecimalPoint:
		if nc.pointLine == 0 {
			nc.pointLine, nc.pointText = nc.line, strings.Clone(clip(strings.TrimSpace(text)))
		}
	}
}

// normalise rewrites a number of a ;-separated file as plain digits with a decimal point, or
// says why it cannot be read.
func (nc *numberConvention) normalise(text, num string) (string, error) {
	shape := shapeOf(num)
	decimalComma := nc.commaLine > 0 && nc.pointLine == 0
	decimalPoint := nc.pointLine > 0 && nc.commaLine == 0
	switch shape {
	case shapePlain:
		return num, nil
	case shapeEither:
		if !decimalComma && !decimalPoint {
			return "", nc.ambiguous(text, num)
		}
		shape = shapeDecimalPoint
		if decimalComma {
			shape = shapeDecimalComma
		}
	}
	thousands, decimal := ",", "."
	if shape == shapeDecimalComma {
		thousands, decimal = ".", ","
	}
	intPart, frac, hasFrac := strings.Cut(num, decimal)
	if hasFrac && strings.Contains(frac, thousands) || strings.Contains(frac, decimal) {
		return "", fmt.Errorf("%q is not a number; %s", clip(text), valueHint)
	}
	if strings.Contains(intPart, thousands) {
		if !groupedBy(intPart, thousands[0]) {
			return "", fmt.Errorf("%q is not a number: thousands must be separated in threes (1.234.567 or 1,234,567); %s", clip(text), valueHint)
		}
		intPart = strings.ReplaceAll(intPart, thousands, "")
	}
	if hasFrac {
		return intPart + "." + frac, nil
	}
	return intPart, nil
}

// groupedBy reports digits in groups of three after a first group of one to three, with sep
// between: [+-]d{1,3}(sep ddd)+.
func groupedBy(s string, sep byte) bool {
	s = strings.TrimLeft(s, "+-")
	groups := strings.Split(s, string(sep))
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for i, g := range groups {
		if i > 0 && len(g) != 3 {
			return false
		}
		for j := 0; j < len(g); j++ {
			if !isDigit(g[j]) {
				return false
			}
		}
	}
	return true
}

// ambiguous is the refusal of a number that reads two ways in a file that does not settle
// which.
func (nc *numberConvention) ambiguous(text, num string) error {
	sep, asThousands, asDecimal := ",", strings.ReplaceAll(num, ",", ""), strings.ReplaceAll(num, ",", ".")
	what := "comma could be a decimal comma (%s) or a thousands separator (%s)"
	if strings.Contains(num, ".") {
		sep, asThousands, asDecimal = ".", strings.ReplaceAll(num, ".", ""), num
		what = "dot could be a decimal point (%s) or a thousands separator (%s)"
	}
	_ = sep
	why := "no other number in the file is written in a way that settles which"
	if nc.commaLine > 0 && nc.pointLine > 0 {
		why = fmt.Sprintf("the file writes numbers both ways (line %d has %s, line %d has %s)", nc.commaLine, nc.commaText, nc.pointLine, nc.pointText)
	}
	return fmt.Errorf("%q is ambiguous in a ;-separated file: the "+what+", and %s; write it without a thousands separator", clip(text), asDecimal, asThousands, why)
}
