// Package acceptance holds the end-to-end tests of a report pack: the example project read
// through the real loaders, built into a report and rendered to JSON, PDF, XLSX and HTML,
// checked against golden files and against figures worked out by hand from the example's data, plus the
// determinism, atomic-output and whole-pack performance checks. It has no code of its own.
package acceptance
