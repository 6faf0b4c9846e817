package app

import "github.com/example/qpr/templates"

// templatesBeside starts reading the templates (the built-in set takes a millisecond or two
// to parse) on a goroutine of its own, beside the choice of the report quarter, which keeps
// one core busy and the other idle; the returned function waits for them. Their errors are
// told where they were before, when the function is called; a panic there is carried to the
// caller's goroutine, where the command tells it as a bug.
func (s *settings) templatesBeside() func() (*templates.Set, error) {
	type read struct {
		set     *templates.Set
		err     error
		failure any
	}
	done := make(chan read, 1) // the goroutine never waits, even when nobody asks
	go func() {
		var r read
		defer func() {
			if p := recover(); p != nil {
				r = read{failure: p}
			}
			done <- r
		}()
		r.set, r.err = s.loadTemplates()
	}()
	return func() (*templates.Set, error) {
		r := <-done
		if r.failure != nil {
			panic(r.failure)
		}
		return r.set, r.err
	}
}
