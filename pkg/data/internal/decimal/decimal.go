// Package decimal reads the short decimal numbers that most values in a data file are, at
// once, for both the csv reader (package data) and the worksheet reader (xlsxread).
package decimal

// Pow10 are the powers of ten a float64 holds exactly.
var Pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// Short reads [+-]digits[.digits], digits on at least one side of the point, at most 15
// digits in all. Such a number is a whole number below 2^53 divided by a power of ten, both
// held exactly as float64, so one division gives the nearest double, as strconv.ParseFloat
// would. It also returns the significant digits (leading zeros left out). Anything else is
// not ok, for strconv to read.
func Short[T string | []byte](s T) (f float64, digits int, ok bool) {
	i, neg := 0, false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	var mant uint64
	n, frac := 0, -1 // digits in all; digits after the point, once there is one
	significant := false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			mant = mant*10 + uint64(c-'0')
			n++
			if frac >= 0 {
				frac++
			}
			if c != '0' || significant {
				significant = true
				digits++
			}
		case c == '.' && frac < 0:
			frac = 0
		default:
			return 0, 0, false
		}
	}
	if n == 0 || n > 15 {
		return 0, 0, false
	}
	f = float64(mant)
	if frac > 0 {
		f /= Pow10[frac]
	}
	if neg {
		f = -f
	}
	return f, digits, true
}
