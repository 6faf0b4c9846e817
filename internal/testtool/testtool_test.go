package testtool

import "testing"

func TestInCI(t *testing.T) {
	for _, c := range []struct {
		env  string
		want bool
	}{{"true", true}, {"1", true}, {"TRUE", true}, {"false", false}, {"", false}, {"yes", false}} {
		t.Setenv("CI", c.env)
		if got := InCI(); got != c.want {
			t.Errorf("CI=%q: InCI() = %v, want %v", c.env, got, c.want)
		}
	}
}

func TestNeedFindsAProgramThatExists(t *testing.T) {
	if Need(t, "go", "https://go.dev/dl") == "" {
		t.Error("go is running this test, so it is on the PATH")
	}
}
