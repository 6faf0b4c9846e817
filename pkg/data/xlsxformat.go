package data

import "strings"

// formatKind is what a number format does to the number it shows.
type formatKind uint8

const (
	formatPlain   formatKind = iota
	formatPercent            // shows the number × 100 with a % sign
	formatDate               // shows the number as a date or time
)

// classifyBuiltInFormat knows Excel's built-in number formats: 9 and 10 are 0% and 0.00%;
// 14-22 and 45-47 are dates and times; 27-36 and 50-58 are the East Asian date formats.
func classifyBuiltInFormat(id int) formatKind {
	switch {
	case id == 9 || id == 10:
		return formatPercent
	case id >= 14 && id <= 22, id >= 45 && id <= 47, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return formatDate
	}
	return formatPlain
}

// classifyFormatCode reads a custom number format code such as "0.0%", "mmm-yy" or
// "[Red]#,##0;-#,##0". Only the first section (positive numbers) counts. Quoted text,
// escaped characters, padding and fill characters, and bracketed colours, conditions and
// locales show literally and so say nothing about the number. The letters of "General" are
// none of the date letters (y m d h s), so it needs no special case.
func classifyFormatCode(code string) formatKind {
	percent := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case ';':
			return percentOrPlain(percent)
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return percentOrPlain(percent)
			}
			if isElapsedTime(code[i+1 : i+j]) {
				return formatDate
			}
			i += j
		case '%':
			percent = true
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			return formatDate
		}
	}
	return percentOrPlain(percent)
}

func percentOrPlain(percent bool) formatKind {
	if percent {
		return formatPercent
	}
	return formatPlain
}

// isElapsedTime recognises [h], [mm], [ss] and the like: hours, minutes or seconds past the
// first unit.
func isElapsedTime(s string) bool {
	s = strings.ToLower(s)
	if s == "" {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return false
		}
	}
	return s[0] == 'h' || s[0] == 'm' || s[0] == 's'
}
