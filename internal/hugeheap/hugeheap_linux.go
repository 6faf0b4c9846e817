package hugeheap

import (
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"unsafe"
)

// thpEnabled is where Linux tells its transparent huge page mode: "always [madvise] never".
const thpEnabled = "/sys/kernel/mm/transparent_hugepage/enabled"

// prepare advises a fresh region of n bytes of heap and frees it; it returns the region's
// bounds, or zeros when it did nothing.
func prepare(n int) (start, end uintptr) {
	if !wanted(thpEnabled, os.Getenv("GODEBUG")) {
		return 0, 0
	}
	return advise(n)
}

// wanted reports whether huge pages are given to memory advised for them only: the mode read
// from path is "madvise", and GODEBUG does not keep the heap off them.
func wanted(path, godebug string) bool {
	mode, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(mode), "[madvise]") {
		return false
	}
	for _, setting := range strings.Split(godebug, ",") {
		if strings.TrimSpace(setting) == "disablethp=1" {
			return false
		}
	}
	return true
}

// advise makes one object of n bytes, so that the runtime maps that much heap for it at once
// (an object this large takes whole pages of its own, not yet touched), advises its memory,
// and collects it, leaving the advised memory free for what is allocated next. The collector
// is off while the object is made, which would otherwise start a collection with it live.
func advise(n int) (start, end uintptr) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	region := make([]byte, n)
	if syscall.Madvise(region, syscall.MADV_HUGEPAGE) != nil {
		return 0, 0 // a kernel without transparent huge pages: nothing lost
	}
	start, end = bounds(region)
	region = nil
	runtime.GC()
	return start, end
}

// bounds is the address range b's bytes occupy, for telling whether later allocations land in
// the advised region; b's memory is freed after, so the numbers are only numbers.
func bounds(b []byte) (start, end uintptr) {
	start = uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	return start, start + uintptr(len(b))
}
