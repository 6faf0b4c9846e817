package example

// readme introduces the example project to someone who has just run `qpr init`.
const readme = `# Example County Council: a worked example for qpr

A complete quarterly performance reporting setup for a fictional county council, with six
directorates, 39 KPIs and 7 activity indicators, and data from 2020/21 Q1 to 2023/24 Q2. The
figures are synthetic; the 38 KPIs of the Quarterly Performance Report give the same summary
as a real county council's report for 2023/24 Q2: 15 Green, 15 Amber and 8 Red; 7 improving,
19 stable and 12 worsening. The 39th, council tax collected (FN10), is year to date, rated
against a collection profile by quarter, and is on the Chief Executive's Department dashboard
only. Every KPI has a definition, and the catalogue's events explain some charts.

    qpr build                  # every pack, for the latest quarter: out/qpr-2023-24-Q2.pdf ...
    qpr build --pack asch      # one directorate's dashboard
    qpr rag GL03               # one KPI's rating
    qpr rag FN10 --explain     # its definition, the profile's thresholds and the rule, in words
    qpr trend CS01             # its direction of travel (regression over 8 quarters)
    qpr trend SCS03 --method spc
    qpr validate               # check the catalogue and data without building

Files:

- qpr.yaml: the settings a bare "qpr build" uses.
- catalogue.yaml: directorates, indicators (definitions, targets, floors, a profile,
  expected ranges), events and packs.
- data/ced.xlsx: a wide table, one column per quarter.
- data/dced.xlsx: long tables; the monthly sheet holds its months as Excel date cells.
- data/get.xlsx: a wide table, and a long one with a note column and an "n/a" for a figure
  reported a quarter in arrears (WM01 shows last quarter's value, flagged stale).
- data/asch.xlsx: a long table whose values are percentages held as fractions (87.4% = 0.874).
- data/cype.xlsx: a wide table with quarters headed "Q2 2023/24".
- data/ph.xlsx: a long table.
- data/get-highways-works-monthly.csv: monthly pothole repairs (HT01), September not yet in,
  so 2023/24 Q2 is rated on two months and flagged partial.

- comparators/cipfa.csv, comparators/region.csv: LG Inform-style exports of five indicators'
  figures for sixteen fictional councils (CIPFA nearest neighbours) and seven of them (the
  region), named under comparators: in the catalogue; "qpr rag SISE4 --compare" places us.

Each workbook also has a Commentary sheet (code, period, context, actions), which the reports
print beside the indicator.
`
