package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/example/qpr/pkg/catalogue"
	"github.com/example/qpr/pkg/data"
	"github.com/example/qpr/pkg/diag"
	"github.com/example/qpr/pkg/period"
	"github.com/example/qpr/pkg/report"
	"github.com/example/qpr/pkg/returns"
	"github.com/example/qpr/pkg/suggest"
)

// defaultReturnsOut is where returns make writes by default.
const defaultReturnsOut = "returns"

// ReturnsMakeOptions are returns make's flags.
type ReturnsMakeOptions struct {
	Inputs
	Out    string
	Owners []string // --owner: only these owners' returns
}

// RunReturnsMake writes one return workbook per owner for the quarter being collected.
func RunReturnsMake(streams Streams, o ReturnsMakeOptions) error {
	s, err := o.settings(Outputs{})
	if err != nil {
		return err
	}
	var cat *catalogue.Catalogue
	store := data.NewStore()
	if len(s.data) > 0 {
		l, err := o.load(Outputs{})
		if err != nil {
			return err
		}
		if err := l.problems.Err(); err != nil {
			return err
		}
		cat, store = l.cat, l.store
	} else if cat, err = s.loadCatalogue(o.Catalogue); err != nil {
		return err
	}
	if len(cat.Owners) == 0 {
		return diag.Problem{Place: diag.Place{File: cat.File}, Message: "the catalogue lists no owners, so there is no one to send a return to; add owners: and an owner: on each indicator or directorate (see docs/returns.md)"}
	}
	owners, err := chooseOwners(cat, o.Owners)
	if err != nil {
		return err
	}
	q, err := collectedQuarter(s, cat, store)
	if err != nil {
		return err
	}
	issued := s.stamp
	if issued.IsZero() {
		issued = report.EndOf(cat.Calendar, q)
	}
	out := first(o.Out, filepath.Join(first(o.Dir, "."), defaultReturnsOut))
	if err := os.MkdirAll(out, 0o755); err != nil {
		return diag.Problem{Place: diag.Place{File: out}, Message: "cannot create the returns folder: " + osReason(err)}
	}
	var files []staged
	for _, owner := range owners {
		if len(cat.OwnedBy(owner.ID)) == 0 {
			continue
		}
		b, err := returns.Workbook(returns.Issue{Catalogue: cat, Digest: cat.Digest, Store: store, Owner: owner, Quarter: q, Issued: issued})
		if err != nil {
			discard(files)
			return fmt.Errorf("making %s's return: %w", owner.ID, err)
		}
		f, err := stage(filepath.Join(out, returns.FileName(cat, owner.ID, q)), b)
		if err != nil {
			discard(files)
			return err
		}
		files = append(files, f)
	}
	if err := publish(files); err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(streams.Out, f.path)
	}
	return nil
}

// collectedQuarter is the quarter returns are made for: --period (or period:), else the
// quarter after the report quarter the data would give, the one being collected.
func collectedQuarter(s *settings, cat *catalogue.Catalogue, store *data.Store) (period.Quarter, error) {
	if s.periodText != "" {
		q, err := cat.Calendar.ParseQuarter(s.periodText)
		if err != nil {
			if s.periodPlace != nil {
				return q, diag.Problem{Place: *s.periodPlace, Message: "period: " + err.Error()}
			}
			return q, UsageError("--period: %v", err)
		}
		return q, nil
	}
	c := report.ChooseQuarter(cat, store, s.asAt)
	if c.Quarter.IsZero() {
		return period.Quarter{}, UsageError("no data says which quarter is being collected: give --period, e.g. --period %q", cat.Calendar.Label(period.Quarter{Year: s.asAt.Year(), Q: 1}))
	}
	return c.Quarter.Add(1), nil
}

// chooseOwners is the owners asked for with --owner (any case, comma-separated), or all.
func chooseOwners(cat *catalogue.Catalogue, asked []string) ([]catalogue.Owner, error) {
	if len(asked) == 0 {
		return cat.Owners, nil
	}
	var ids []string
	for _, o := range cat.Owners {
		ids = append(ids, o.ID)
	}
	var out []catalogue.Owner
	for _, a := range asked {
		for _, id := range strings.Split(a, ",") {
			id = strings.TrimSpace(id)
			o, ok := cat.Owner(id)
			if !ok {
				msg := fmt.Sprintf("--owner: no owner %q in %s; owners are %s", id, cat.File, strings.Join(ids, ", "))
				if s := suggest.Nearest(id, ids); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				return nil, UsageError("%s", msg)
			}
			out = append(out, o)
		}
	}
	return out, nil
}

// ReturnsStatusOptions are returns status's flags.
type ReturnsStatusOptions struct {
	Inputs
	JSON   bool
	FailOn []string // missing, unsigned, incomplete, commentary
}

// RunReturnsStatus says, per owner, whether the quarter's return is in, signed off and
// complete, and which red or amber KPIs still lack commentary: whom to chase today.
func RunReturnsStatus(streams Streams, o ReturnsStatusOptions) error {
	failOn, err := parseWords("--fail-on", o.FailOn, returns.FailOnWords)
	if err != nil {
		return err
	}
	l, err := o.load(Outputs{})
	if err != nil {
		return err
	}
	if err := l.problems.Err(); err != nil {
		return err
	}
	if len(l.cat.Owners) == 0 {
		return diag.Problem{Place: diag.Place{File: l.cat.File}, Message: "the catalogue lists no owners, so no returns are collected; add owners: and an owner: on each indicator or directorate (see docs/returns.md)"}
	}
	q, err := statusQuarter(l)
	if err != nil {
		return err
	}
	r, err := report.Build(report.Options{Catalogue: l.cat, Store: l.store, Pack: catalogue.Pack{ID: "status"}, Period: q})
	if err != nil && !errors.Is(err, report.ErrNoData) {
		return err
	}
	if r == nil {
		r = &report.Report{}
	}
	st := returns.StatusOf(l.cat, l.store, q, r)
	if o.JSON {
		if err := encodeJSON(streams.Out, st); err != nil {
			return err
		}
	} else {
		writeStatusText(streams, st)
	}
	var matched diag.List
	for _, os := range st.Owners {
		for _, w := range os.Outstanding() {
			if slices.Contains(failOn, w) {
				matched.Errorf(diag.Place{}, "%s's return for %s is %s, which --fail-on names", os.ID, st.Period, outstandingWords[w])
			}
		}
	}
	if err := matched.Err(); err != nil {
		return &ExitError{Code: ExitFailOn, Err: err}
	}
	return nil
}

var outstandingWords = map[string]string{
	returns.FailMissing:    "missing",
	returns.FailUnsigned:   "not signed off",
	returns.FailIncomplete: "incomplete",
	returns.FailCommentary: "short of commentary",
}

// statusQuarter is the quarter asked for, else the latest for which any return was read,
// else the quarter being collected (as returns make would choose it).
func statusQuarter(l *loaded) (period.Quarter, error) {
	s := l.settings
	if s.periodText == "" {
		var latest period.Quarter
		for _, r := range l.store.Returns {
			if q, err := l.cat.Calendar.ParseQuarter(r.Manifest.Period); err == nil && latest.Before(q) {
				latest = q
			}
		}
		if !latest.IsZero() {
			return latest, nil
		}
	}
	return collectedQuarter(s, l.cat, l.store)
}

func writeStatusText(streams Streams, st returns.Status) {
	w := streams.Out
	fmt.Fprintf(w, "Returns for %s\n", st.Period)
	in, signed := 0, 0
	for _, o := range st.Owners {
		var parts []string
		switch {
		case !o.Received:
			parts = append(parts, "not received")
		case o.Signed:
			in++
			signed++
			parts = append(parts, fmt.Sprintf("signed off by %s on %s", *o.SignedBy, *o.SignedOn))
		default:
			in++
			parts = append(parts, "received, not signed off")
		}
		if len(o.Missing) > 0 {
			var rows []string
			for _, m := range o.Missing {
				rows = append(rows, m.Code+" "+m.Period)
			}
			parts = append(parts, fmt.Sprintf("%d missing: %s", len(rows), strings.Join(rows, ", ")))
		} else {
			parts = append(parts, "complete")
		}
		if len(o.NeedsCommentary) > 0 {
			parts = append(parts, "commentary or actions needed for "+strings.Join(o.NeedsCommentary, ", "))
		}
		file := ""
		if o.File != nil {
			file = " (" + *o.File + ")"
		}
		fmt.Fprintf(w, "  %s %s%s: %s\n", o.ID, o.Name, file, strings.Join(parts, "; "))
	}
	fmt.Fprintf(w, "%d of %d returns in, %d signed off\n", in, len(st.Owners), signed)
}

// parseWords reads a comma-separated flag of words from a fixed list.
func parseWords(flag string, given, valid []string) ([]string, error) {
	var out []string
	for _, f := range given {
		for _, w := range strings.Split(f, ",") {
			w = strings.ToLower(strings.TrimSpace(w))
			if w == "" {
				continue
			}
			if !slices.Contains(valid, w) {
				return nil, UsageError("%s: %q is not one of %s", flag, w, strings.Join(valid, ", "))
			}
			out = append(out, w)
		}
	}
	return out, nil
}
