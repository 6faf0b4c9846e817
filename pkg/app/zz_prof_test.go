package app
import ("testing";"io")
func TestZZProf(t *testing.T){
	err := RunValidate(Streams{Out: io.Discard, Err: io.Discard}, ValidateOptions{Inputs: Inputs{Dir: "/tmp/dexp/big", Catalogue: "/tmp/dexp/big/catalogue.yaml", Data: []string{"/tmp/dexp/big/data"}}})
	t.Log(err)
}
