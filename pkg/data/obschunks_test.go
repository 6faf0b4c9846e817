package data

import "testing"

// obsChunks gives back every record stored, in order, across the growth of the first block
// (from the size expected, or not) and the start of each new one.
func TestObsChunksKeepEveryRecord(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 128, 1<<obsChunkBits - 1, 1 << obsChunkBits, 1<<obsChunkBits + 1, 3<<obsChunkBits + 5} {
		for _, expect := range []int{0, 1, 100, n, n + 1, 3000, 1<<obsChunkBits + 3} {
			checkObsChunks(t, n, expect)
		}
	}
}

// checkObsChunks stores n records in blocks whose first is made for expect of them.
func checkObsChunks(t *testing.T, n, expect int) {
	t.Helper()
	c := obsChunks{expect: expect}
	for i := range n {
		c.add(obsRecord{value: float64(i), line: uint32(i) * 3})
	}
	if c.n != n {
		t.Fatalf("%d records added, %d held", n, c.n)
	}
	for i := range n {
		if r := c.at(i); r.value != float64(i) || r.line != uint32(i)*3 {
			t.Fatalf("%d records, %d expected: record %d reads %+v", n, expect, i, *r)
		}
	}
	if want := (n + 1<<obsChunkBits - 1) >> obsChunkBits; len(c.chunks) != want {
		t.Errorf("%d records, %d expected: %d blocks, want %d", n, expect, len(c.chunks), want)
	}
	// As many as expected fit the first block as it was first made.
	if first := max(expect, 64); n > 0 && n <= first && first <= 1<<obsChunkBits && len(c.chunks[0]) != first {
		t.Errorf("%d records, %d expected: the first block grew to %d", n, expect, len(c.chunks[0]))
	}
}
