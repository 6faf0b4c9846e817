//go:build unix

package inputfile

import (
	"os"
	"syscall"
)

// openFlags open a file without waiting: opening a FIFO for reading would otherwise block
// until something writes to it, before the file could be seen to be no regular file.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
