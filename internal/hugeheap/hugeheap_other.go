//go:build !linux

package hugeheap

// prepare does nothing: only Linux's transparent huge pages are asked for.
func prepare(int) (start, end uintptr) { return 0, 0 }
