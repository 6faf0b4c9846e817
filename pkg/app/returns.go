package app

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
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
	src, err := s.catalogueSource(o.Catalogue)
	if err != nil {
		return s.orConfigErr(err)
	}
	sum := sha256.Sum256(src)
	digest := hex.EncodeToString(sum[:])
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
		b, err := returns.Workbook(returns.Issue{Catalogue: cat, Digest: digest, Store: store, Owner: owner, Quarter: q, Issued: issued})
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
