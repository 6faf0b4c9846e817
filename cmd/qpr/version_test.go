package main

import (
	"runtime/debug"
	"testing"
)

func TestFormatVersionGivesTheBuildsCommitAndTime(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"},
		{Key: "vcs.time", Value: "2026-11-26T14:02:11Z"},
		{Key: "vcs.modified", Value: "false"},
	}
	cases := []struct {
		name, linked string
		bi           *debug.BuildInfo
		want         string
	}{
		{"released module", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.4.0"}, Settings: vcs},
			"qpr v1.4.0 (commit 3f2a9c1d8e7b, 2026-11-26T14:02:11Z, go1.26.8)"},
		{"checkout with changes", "", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: append(vcs[:3:3], debug.BuildSetting{Key: "vcs.modified", Value: "true"})},
			"qpr (devel) (commit 3f2a9c1d8e7b, 2026-11-26T14:02:11Z, modified, go1.26.8)"},
		{"version set at link time wins", "v2.0.0", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"qpr v2.0.0 (go1.26.8)"},
		{"no build information", "", nil, "qpr (devel)"},
	}
	for _, c := range cases {
		if got := formatVersion(c.linked, c.bi); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}
