package data

import "strings"

// nearestCode is the catalogue code most like an unknown one, if any is close enough to be a
// likely slip: one edit for short codes, two for longer ones. Ties go to the earlier code in
// the catalogue.
func nearestCode(code string, codes []string) string {
	want := strings.ToUpper(code)
	limit := 1
	if len(want) > 5 {
		limit = 2
	}
	best, bestDist := "", limit+1
	for _, c := range codes {
		if d := editDistance(want, strings.ToUpper(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
