package catalogue

import (
	"reflect"
	"testing"
)

const ownedCatalogue = `owners:
  - {id: FIN, name: Finance, email: finance@example.gov.uk, role: Head of Finance}
  - {id: CC, name: Contact Centre}
directorates:
  - {code: CED, name: CE, owner: FIN}
  - {code: GET, name: Growth}
indicators:
  - {code: FN01, name: Invoices, directorate: CED, polarity: higher}
  - {code: CS01, name: Calls, directorate: CED, polarity: higher, owner: cc}
  - {code: HW01, name: Potholes, directorate: GET, polarity: higher, owner: FIN}
`

func TestOwners(t *testing.T) {
	cat, err := Parse("c.yaml", []byte(ownedCatalogue))
	if err != nil {
		t.Fatal(err)
	}
	want := []Owner{
		{ID: "FIN", Name: "Finance", Email: "finance@example.gov.uk", Role: "Head of Finance"},
		{ID: "CC", Name: "Contact Centre"},
	}
	if !reflect.DeepEqual(cat.Owners, want) {
		t.Errorf("owners = %+v\nwant %+v", cat.Owners, want)
	}
	// FN01 inherits its directorate's owner; CS01's own (written in lower case) wins over it
	// and is kept in the catalogue's spelling; HW01's directorate has none.
	for code, owner := range map[string]string{"FN01": "FIN", "CS01": "CC", "HW01": "FIN"} {
		ind, _ := cat.Indicator(code)
		if ind.Owner != owner {
			t.Errorf("%s owner = %q, want %q", code, ind.Owner, owner)
		}
	}
	var got []string
	for _, ind := range cat.OwnedBy("fin") {
		got = append(got, ind.Code)
	}
	if want := []string{"FN01", "HW01"}; !reflect.DeepEqual(got, want) {
		t.Errorf("OwnedBy(fin) = %v, want %v", got, want)
	}
}

func TestOwnerProblems(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"unknown owner on an indicator",
			ownedCatalogue[:len(ownedCatalogue)-len("owner: FIN}\n")] + "owner: FNI}\n",
			`c.yaml:10: indicator HW01 has unknown owner "FNI"; known owners are FIN, CC; did you mean "FIN"?`},
		{"unknown owner on a directorate",
			"owners: [{id: FIN, name: Finance}]\ndirectorates:\n  - {code: CED, name: CE, owner: Fiance}\nindicators:\n  - {code: A1, name: A, directorate: CED, polarity: higher}\n",
			`c.yaml:3: directorate CED has unknown owner "Fiance"; known owners are FIN`},
		{"an indicator without one",
			"owners: [{id: FIN, name: Finance}]\ndirectorates:\n  - {code: CED, name: CE}\nindicators:\n  - {code: A1, name: A, directorate: CED, polarity: higher}\n",
			`c.yaml:5: indicator A1 has no owner; add owner: with one of FIN, to it or to directorate CED`},
		{"owner without owners",
			"directorates:\n  - {code: CED, name: CE}\nindicators:\n  - {code: A1, name: A, directorate: CED, polarity: higher, owner: FIN}\n",
			`c.yaml:4: indicator A1 has unknown owner "FIN"; no owners are defined; add them under owners: as - {id: FIN, name: Finance}`},
		{"owner id twice",
			"owners:\n  - {id: FIN, name: Finance}\n  - {id: fin, name: Finance again}\ndirectorates:\n  - {code: CED, name: CE, owner: FIN}\nindicators:\n  - {code: A1, name: A, directorate: CED, polarity: higher}\n",
			`c.yaml:3: owner id "fin" is already used at line 2; each owner needs its own id (ids are matched ignoring case)`},
		{"misspelt owner key",
			"owners:\n  - {id: FIN, name: Finance, emial: a@b.org}\ndirectorates:\n  - {code: CED, name: CE, owner: FIN}\nindicators:\n  - {code: A1, name: A, directorate: CED, polarity: higher}\n",
			`c.yaml:2: unknown key "emial" in owner FIN; did you mean "email"?`},
		{"bad email",
			"owners:\n  - {id: FIN, name: Finance, email: finance at example}\ndirectorates:\n  - {code: CED, name: CE, owner: FIN}\nindicators:\n  - {code: A1, name: A, directorate: CED, polarity: higher}\n",
			`c.yaml:2: email "finance at example" is not an email address; write it as name@example.gov.uk, or leave email out`},
		{"owner without a name",
			"owners:\n  - {id: FIN}\ndirectorates:\n  - {code: CED, name: CE, owner: FIN}\nindicators:\n  - {code: A1, name: A, directorate: CED, polarity: higher}\n",
			`c.yaml:2: owner FIN has no name; add name: with the person or team a return is sent to`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("c.yaml", []byte(c.src))
			if err == nil || err.Error() != c.want {
				t.Errorf("error:\n got %v\nwant %s", err, c.want)
			}
		})
	}
}
