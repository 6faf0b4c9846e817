// Package hugeheap, imported, asks the kernel to back the first part of the Go heap with
// transparent huge pages. On a machine whose kernel leaves huge pages to a program's asking
// (Linux with transparent_hugepage set to "madvise", the usual default), every 4 KiB page of
// memory the heap takes is zeroed and mapped on its first touch, one page fault each; a
// JSON-only build of 1,000 indicators took some 5,000 of them, which on a virtual machine
// cost about 10 µs each, a third of the build's CPU (docs/performance.md). A 2 MiB huge page
// is one fault.
//
// Go's runtime does not ask for huge pages itself (it did in Go 1.21.0 and stopped, for the
// memory a long-running server's sparse heap could take), and maps the heap as it grows, so
// the advice has to be given to memory it has already mapped: the package grows the heap by
// the region at once, advises it, and frees it again, and what is allocated after is placed
// at the lowest free addresses, in the region.
//
// It does so as the program starts, in the package's initialisation, which runs before that
// of most other packages (it imports little): the heap is smallest then, so the collection
// that frees the region is cheapest, and the other packages' own initialisation (excelize's
// allocates over a megabyte) is placed in the region too. It does nothing where huge pages
// are given without asking ("always"), are not given ("never"), or are unknown (other
// systems), and under GODEBUG=disablethp=1, Go's own switch for keeping the heap off them.
package hugeheap

// Region is how much of the heap is advised: about what a JSON-only build of a few thousand
// indicators touches. What a program touches beyond it is mapped a page at a time, as
// before. At most Region more is resident than without the advice.
const Region = 32 << 20

func init() { prepare(Region) }
