// Package suggest finds the valid word a user most likely meant ("flor" → "floor",
// "CS10" → "CS01").
package suggest

import "strings"

// Nearest returns the candidate closest to word (case-insensitive) if it is close enough to be
// a likely typo: a third of the word may be wrong, at least one slip. That catches "flor" and
// "treshold" without suggesting "unit" for "name".
func Nearest(word string, candidates []string) string {
	return Within(word, candidates, max(1, len([]rune(word))/3))
}

// Code returns the indicator code most like an unknown one: one slip for codes of up to five
// characters, two for longer ones, since short codes differ from each other by a character.
func Code(code string, codes []string) string {
	limit := 1
	if len([]rune(code)) > 5 {
		limit = 2
	}
	return Within(code, codes, limit)
}

// Within returns the candidate closest to word (case-insensitive) at most maxSlips away;
// ties go to the earlier candidate; "" if none is that close.
func Within(word string, candidates []string, maxSlips int) string {
	w := strings.ToLower(word)
	best, bestDist := "", maxSlips+1
	for _, c := range candidates {
		if d := Distance(w, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// Distance counts the insertions, deletions, substitutions and swaps of neighbouring runes
// that turn a into b (optimal string alignment), so "qrp" is one slip from "qpr".
func Distance(a, b string) int {
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
