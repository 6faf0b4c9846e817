package hugeheap

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestWanted(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	madvise := write("madvise", "always [madvise] never\n")
	always := write("always", "[always] madvise never\n")
	never := write("never", "always madvise [never]\n")
	for _, c := range []struct {
		name, path, godebug string
		want                bool
	}{
		{"madvise", madvise, "", true},
		{"madvise, other GODEBUG settings", madvise, "gctrace=1, madvdontneed=1", true},
		{"madvise, huge pages off for the heap", madvise, "gctrace=1,disablethp=1", false},
		{"madvise, huge pages on for the heap", madvise, "disablethp=0", true},
		{"always: given without asking", always, "", false},
		{"never", never, "", false},
		{"no such file (no transparent huge pages)", filepath.Join(dir, "missing"), "", false},
	} {
		if got := wanted(c.path, c.godebug); got != c.want {
			t.Errorf("%s: wanted = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestAdviseRegion checks the two things the advice rests on: the kernel marks the region for
// huge pages ("hg" among its VmFlags in /proc/self/smaps), and what the program allocates
// next is placed in it.
func TestAdviseRegion(t *testing.T) {
	const n = 8 << 20
	start, end := advise(n)
	if start == 0 {
		t.Skip("this kernel has no transparent huge pages to advise")
	}
	if end-start != n {
		t.Fatalf("region %#x-%#x is %d bytes, want %d", start, end, end-start, n)
	}
	if !advised(t, start, end) {
		t.Errorf("no mapping holding %#x-%#x is marked hg (advised for huge pages) in /proc/self/smaps", start, end)
	}
	// Objects of a few KiB, as a program's: the runtime's page allocator gives the lowest free
	// pages, and the region is most of what is free.
	var keep [][]byte
	in := 0
	for range 512 {
		b := make([]byte, 4096)
		keep = append(keep, b)
		if p := uintptr(unsafe.Pointer(&b[0])); p >= start && p < end {
			in++
		}
	}
	runtime.KeepAlive(keep)
	if in < len(keep)/2 {
		t.Errorf("%d of %d new objects were placed in the advised region; want most", in, len(keep))
	}
}

// advised reports whether the mapping holding start..end has the hg flag.
func advised(t *testing.T, start, end uintptr) bool {
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	holds := false
	for line := range strings.Lines(string(smaps)) {
		line = strings.TrimSpace(line)
		if lo, hi, ok := mappingRange(line); ok {
			holds = lo <= start && end <= hi
			continue
		}
		if holds && strings.HasPrefix(line, "VmFlags:") {
			return strings.Contains(" "+strings.TrimPrefix(line, "VmFlags:")+" ", " hg ")
		}
	}
	return false
}

// mappingRange reads the address range at the head of a mapping's first line: "lo-hi perms ...".
func mappingRange(line string) (lo, hi uintptr, ok bool) {
	field, _, _ := strings.Cut(line, " ")
	l, h, found := strings.Cut(field, "-")
	if !found {
		return 0, 0, false
	}
	a, err1 := strconv.ParseUint(l, 16, 64)
	b, err2 := strconv.ParseUint(h, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(a), uintptr(b), true
}

// The package's initialisation advised a region of the heap, where the kernel wants asking.
func TestInitAdvisedTheHeap(t *testing.T) {
	if !wanted(thpEnabled, os.Getenv("GODEBUG")) {
		t.Skip("huge pages are not given on advice here")
	}
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps:", err)
	}
	var size uintptr
	for line := range strings.Lines(string(smaps)) {
		line = strings.TrimSpace(line)
		if lo, hi, ok := mappingRange(line); ok {
			size = hi - lo
			continue
		}
		if strings.HasPrefix(line, "VmFlags:") && strings.Contains(" "+strings.TrimPrefix(line, "VmFlags:")+" ", " hg ") && size >= Region {
			return
		}
	}
	t.Errorf("no mapping of %d MiB or more is advised for huge pages (hg) in /proc/self/smaps", Region>>20)
}
