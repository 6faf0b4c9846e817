// Command synthproject writes a synthetic qpr project for performance measurements:
//
//	go run ./internal/synthproject/cmd/synthproject [-packs] [-directorates N] DIR INDICATORS QUARTERS
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/example/qpr/internal/synthproject"
)

func main() {
	packs := flag.Bool("packs", false, "a pack for each directorate besides the whole report")
	directorates := flag.Int("directorates", synthproject.Directorates, "how many directorates the indicators are spread over")
	flag.Parse()
	if flag.NArg() != 3 {
		fmt.Fprintln(os.Stderr, "usage: synthproject [-packs] [-directorates N] DIR INDICATORS QUARTERS")
		os.Exit(2)
	}
	n, err1 := strconv.Atoi(flag.Arg(1))
	q, err2 := strconv.Atoi(flag.Arg(2))
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "synthproject: INDICATORS and QUARTERS are whole numbers")
		os.Exit(2)
	}
	if err := synthproject.WriteIn(flag.Arg(0), n, q, *directorates, *packs); err != nil {
		fmt.Fprintln(os.Stderr, "synthproject:", err)
		os.Exit(1)
	}
}
