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
	// Objects of a few KiB, as a build's, taken as a build takes them: the first start the
	// collection that frees the region, and from then on the runtime's page allocator gives
	// the lowest free pages, which the region is most of.
	var keep [][]byte
	landed := -1
	for i := 0; i < 2*n/4096 && landed < 0; i++ {
		b := make([]byte, 4096)
		keep = append(keep, b)
		if p := uintptr(unsafe.Pointer(&b[0])); p >= start && p < end {
			landed = i
		}
	}
	if landed < 0 {
		t.Fatalf("none of %d new objects of 4 KiB was placed in the advised region", len(keep))
	}
	in := 0
	for range 512 {
		b := make([]byte, 4096)
		keep = append(keep, b)
		if p := uintptr(unsafe.Pointer(&b[0])); p >= start && p < end {
			in++
		}
	}
	runtime.KeepAlive(keep)
	if in < 256 {
		t.Errorf("%d of the 512 objects made after the first in the region were placed in it; want most", in)
	}
	t.Logf("the first object in the region was the %dth made", landed+1)
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
