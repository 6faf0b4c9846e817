package catalogue

import "strings"

// suggest returns the candidate closest to what the user wrote, if it is close enough to be a
// likely typo; otherwise "". Comparison ignores case so "Floor" still points at "floor".
func suggest(got string, candidates []string) string {
	got = strings.ToLower(got)
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(got, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// A third of the word may be wrong: catches "flor" and "treshold" without
	// suggesting "unit" for "name".
	limit := len([]rune(got)) / 3
	if limit < 1 {
		limit = 1
	}
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps of neighbouring
// runes that turn a into b (optimal string alignment), so "qrp" is one slip from "qpr".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// oneOf renders choices as a reader would say them: "higher or lower", "a, b or c".
func oneOf(choices []string) string {
	switch len(choices) {
	case 0:
		return ""
	case 1:
		return choices[0]
	}
	return strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
}
