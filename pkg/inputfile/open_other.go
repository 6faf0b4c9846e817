//go:build !unix

package inputfile

import "os"

// openFlags: only unix has FIFOs that block an open; elsewhere a plain open does.
const openFlags = os.O_RDONLY
