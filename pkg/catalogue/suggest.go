package catalogue

import (
	"strings"

	suggestpkg "github.com/example/qpr/pkg/suggest"
)

// suggest returns the candidate closest to what the user wrote, if it is close enough to be a
// likely typo; otherwise "".
func suggest(got string, candidates []string) string {
	return suggestpkg.Nearest(got, candidates)
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
