package period

// The append forms of the labels, for writers that put many labels into one buffer (the JSON
// document has one for every point of every indicator's history and chart): the same text as
// String and Label, without a string made for each.

// AppendString appends m.String() to b.
func (m Month) AppendString(b []byte) []byte {
	if m.Year < 0 || m.Year > 9999 || m.Month < 0 || m.Month > 99 {
		return append(b, m.String()...)
	}
	b = appendDigits(b, m.Year, 4)
	b = append(b, '-')
	return appendDigits(b, m.Month, 2)
}

// AppendLabel appends c.Label(q) to b.
func (c Calendar) AppendLabel(b []byte, q Quarter) []byte {
	if q.Q < 0 || q.Q > 9 {
		return append(b, c.Label(q)...)
	}
	b = c.appendYearLabel(b, q.Year)
	return append(b, ' ', 'Q', byte('0'+q.Q))
}
