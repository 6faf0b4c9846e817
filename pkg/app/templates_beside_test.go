package app

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Read beside other work, the templates are what reading them there and then gives: the
// built-in set, or a folder's error, told when asked for.
func TestTemplatesBesideGiveWhatLoadingGives(t *testing.T) {
	builtIn := &settings{}
	got, err := builtIn.templatesBeside()()
	want, wantErr := builtIn.loadTemplates()
	if err != nil || wantErr != nil || got == nil || !reflect.DeepEqual(got.Style(), want.Style()) || !reflect.DeepEqual(got.Logo(), want.Logo()) {
		t.Fatalf("built-in: got %v, %v; want the built-in set", got, err)
	}
	if a, _ := got.Key("red", nil); a == "" {
		t.Error("built-in: the key's entry for red is empty")
	} else if b, _ := want.Key("red", nil); a != b {
		t.Errorf("built-in: the key's entry for red is %q; want %q", a, b)
	}
	missing := &settings{templates: filepath.Join(t.TempDir(), "nowhere")}
	_, err = missing.templatesBeside()()
	_, wantErr = missing.loadTemplates()
	if err == nil || wantErr == nil || err.Error() != wantErr.Error() || !strings.Contains(err.Error(), "no such templates folder") {
		t.Errorf("missing folder: error %v; want %v", err, wantErr)
	}
}
