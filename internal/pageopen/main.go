// Command pageopen times how long headless Chromium takes to open each HTML page named on
// its command line fully: from asking for the page until it is loaded and laid out (the
// whole page's height measured, which makes the browser lay out every element). The browser
// is started once, before the first page, so its start is not counted. scripts/perf.sh uses
// it for the HTML edition's largest page; it needs what the browser tests need (make
// browser-deps).
//
//	go run ./internal/pageopen FILE...
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/example/qpr/pkg/render/html/htmltest"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: pageopen FILE...")
		os.Exit(2)
	}
	b, err := htmltest.Start()
	if err != nil {
		fmt.Fprintln(os.Stderr, "pageopen:", err)
		os.Exit(1)
	}
	defer b.Close()
	for _, name := range os.Args[1:] {
		doc, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "pageopen:", err)
			os.Exit(1)
		}
		start := time.Now()
		p, err := b.Open(doc, 1280)
		if err != nil {
			fmt.Fprintf(os.Stderr, "pageopen: %s: %v\n", name, err)
			os.Exit(1)
		}
		height, err := htmltest.Eval[float64](p, "document.documentElement.scrollHeight")
		took := time.Since(start)
		p.Close()
		if err != nil {
			fmt.Fprintf(os.Stderr, "pageopen: %s: %v\n", name, err)
			os.Exit(1)
		}
		fmt.Printf("%.2f s  %8.1f KB  %6.0f px high  %s\n", took.Seconds(), float64(len(doc))/1024, height, name)
	}
}
