// Package hugeheap asks the kernel to back the first part of the Go heap with transparent
// huge pages. On a machine whose kernel leaves huge pages to a program's asking (Linux with
// transparent_hugepage set to "madvise", the usual default), every 4 KiB page of memory the
// heap takes is zeroed and mapped on its first touch, one page fault each; a JSON-only build
// of 1,000 indicators takes some 4,000 of them, which on a virtual machine cost about 10 µs
// each, a third of the build's CPU (docs/performance.md). A 2 MiB huge page is one fault.
//
// Go's runtime does not ask for huge pages itself (it did in Go 1.21.0 and stopped, for the
// memory a long-running server's sparse heap could take), and maps the heap as it grows, so
// the advice has to be given to memory it has already mapped: Prepare grows the heap by the
// region at once, advises it, and lets it go; the collection the next allocations start frees
// it, and what is allocated after is placed at the lowest free addresses, in the region.
package hugeheap

import "sync"

// Region is how much of the heap Prepare advises: about what a JSON-only build of a few
// thousand indicators touches. What a build touches beyond it is mapped a page at a time,
// as before. At most Region more is resident than without the advice.
const Region = 32 << 20

// Prepare advises the next Region bytes of the heap for huge pages where the kernel wants to
// be asked (on Linux, transparent_hugepage "madvise"). It does nothing where huge pages are
// given without asking ("always"), are not given ("never"), or are unknown (other systems),
// and under GODEBUG=disablethp=1, Go's own switch for keeping the heap off huge pages.
// It costs one collection of the small heap the program has so far, run beside the work that
// follows, and is done once in a process: the region stays advised.
func Prepare() {
	once.Do(func() { prepare(Region) })
}

var once sync.Once
