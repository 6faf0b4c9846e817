package data

import "testing"

// obsChunks gives back every record stored, in order, across the growth of the first block
// and the start of each new one.
func TestObsChunksKeepEveryRecord(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 128, 1<<obsChunkBits - 1, 1 << obsChunkBits, 1<<obsChunkBits + 1, 3<<obsChunkBits + 5} {
		var c obsChunks
		for i := range n {
			c.add(obsRecord{value: float64(i), line: uint32(i) * 3})
		}
		if c.n != n {
			t.Fatalf("%d records added, %d held", n, c.n)
		}
		for i := range n {
			if r := c.at(i); r.value != float64(i) || r.line != uint32(i)*3 {
				t.Fatalf("%d records: record %d reads %+v", n, i, *r)
			}
		}
		if want := (n + 1<<obsChunkBits - 1) >> obsChunkBits; len(c.chunks) != want {
			t.Errorf("%d records in %d blocks, want %d", n, len(c.chunks), want)
		}
	}
}
