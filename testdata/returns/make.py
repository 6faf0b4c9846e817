#!/usr/bin/python3
"""Make the returns of the example project's 2023/24 Q3, filled in as owners would.

Run from the repository root:  /usr/bin/python3 testdata/returns/make.py
It needs Go (to run qpr), Debian's python3-openpyxl and LibreOffice (soffice). The files it
writes are committed, so `go test` needs none of these; internal/acceptance/returns/returns_test.go
says what each file is for.

  catalogue.yaml   the example catalogue with an owner for each directorate
  issued/          what `qpr returns make` wrote for 2023/24 Q3 (as at 20 October 2023)
  round1/          the returns in by the first deadline:
                     CEX   filled with openpyxl and signed
                     DCED  filled with openpyxl, signed, then opened and saved by LibreOffice
                     GET   filled and signed on 12 January 2024
                     GET-revised  the same return corrected (HT02) and signed on 19 January 2024
                     ASCH  filled but not signed off
                     PH    signed, with PH02 typed as a fraction (0.42 for 42%)
                   CYPE's return is late: not in round1.
  round2/          what came in after: CYPE's late return, and ASCH's signed off
"""
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
QUARTER = "2023/24 Q3"
LABEL = "2023-24-Q3"


def catalogue():
    s = open(os.path.join(ROOT, "testdata/example/catalogue.yaml")).read()
    s = re.sub(r"\A(#[^\n]*\n)+", "# The example catalogue with an owner for each directorate, for the returns of 2023/24 Q3;\n"
               "# written by testdata/returns/make.py from ../example/catalogue.yaml.\n", s)
    owners = """owners:
  - {id: CEX, name: Chief Executive's Department, email: cex.performance@example.gov.uk, role: Head of Strategy}
  - {id: DCED, name: Deputy Chief Executive's Department, role: Director of Corporate Services}
  - {id: GET, name: "Growth, Environment and Transport", role: Head of Highways}
  - {id: ASCH, name: Adult Social Care and Health, role: Director of Adult Services}
  - {id: CYPE, name: "Children, Young People and Education", role: Director of Children's Services}
  - {id: PH, name: Public Health, role: Director of Public Health}
"""
    s = s.replace("directorates:\n", owners + "directorates:\n", 1)
    # comparator files are named relative to the catalogue: this copy sits beside ../example
    s = re.sub(r"(files: \[)([^\]]*)\]", lambda m: m.group(1) + ", ".join("../example/" + f.strip() for f in m.group(2).split(",")) + "]", s)
    for code in ["CED", "DCED", "GET", "ASCH", "CYPE", "PH"]:
        owner = "CEX" if code == "CED" else code
        s, n = re.subn(r"(  - \{code: %s, name: [^}]*)\}" % code, r"\1, owner: %s}" % owner, s, count=1)
        assert n == 1, code
    open(os.path.join(HERE, "catalogue.yaml"), "w").write(s)


def issue():
    out = os.path.join(HERE, "issued")
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run(["go", "run", "./cmd/qpr", "returns", "make", "--catalogue", "testdata/returns/catalogue.yaml",
                    "--data", "testdata/example/data", "--as-at", "2023-10-20", "--out", "testdata/returns/issued"],
                   cwd=ROOT, check=True)


def cell_of(wb, name):
    (sheet, ref), = list(wb.defined_names[name].destinations)
    return wb[sheet][ref.replace("$", "")]


def fill(owner, dest, signed_on=None, change=None, fraction=None):
    """Fill owner's issued return as its owner would: each figure a little on from the last one
    held, commentary and actions on the rows that take them; sign it off when signed_on."""
    wb = openpyxl.load_workbook(os.path.join(HERE, "issued", "%s-%s.xlsx" % (owner, LABEL)))
    ws = wb["Return"]
    col = {c.value: c.column for c in ws[1]}
    for row in range(2, ws.max_row + 1):
        code = ws.cell(row, col["code"]).value
        last = ws.cell(row, col["last value"]).value
        unlocked = lambda h: h in col and ws.cell(row, col[h]).protection.locked is False
        figure = round((last if isinstance(last, (int, float)) else 50) * 1.01, 2)
        if change and code in change:
            figure = change[code]
        if fraction and code in fraction:
            figure = fraction[code]
        if unlocked("value"):
            ws.cell(row, col["value"]).value = figure
        if unlocked("numerator"):
            ws.cell(row, col["numerator"]).value = round(figure * 10)
            ws.cell(row, col["denominator"]).value = 1000
        if unlocked("commentary"):
            ws.cell(row, col["commentary"]).value = "%s: in line with the plan for the quarter." % code
            ws.cell(row, col["actions"]).value = "Reviewed monthly by the service's management team."
    if signed_on:
        cell_of(wb, "SignedBy").value = {"CEX": "Ann Example", "DCED": "Raj Example", "GET": "Jo Bloggs",
                                         "ASCH": "Sam Example", "CYPE": "Lee Example", "PH": "Kim Example"}[owner]
        cell_of(wb, "SignedRole").value = "Head of service"
        on = cell_of(wb, "SignedOn")
        on.value = signed_on
        on.number_format = "dd/mm/yyyy"
    wb.save(dest)


def libreoffice_save(path):
    """Open path in LibreOffice and save it again as xlsx, in place."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + tmp + "/profile",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", tmp, path],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, os.path.basename(path)), path)


def main():
    catalogue()
    issue()
    for d in ("round1", "round2"):
        shutil.rmtree(os.path.join(HERE, d), ignore_errors=True)
        os.makedirs(os.path.join(HERE, d))
    r1 = lambda name: os.path.join(HERE, "round1", "%s-%s.xlsx" % (name, LABEL))
    r2 = lambda name: os.path.join(HERE, "round2", "%s-%s.xlsx" % (name, LABEL))
    fill("CEX", r1("CEX"), datetime.date(2024, 1, 10))
    fill("DCED", r1("DCED"), datetime.date(2024, 1, 11))
    libreoffice_save(r1("DCED"))
    fill("GET", r1("GET"), datetime.date(2024, 1, 12))
    fill("GET", r1("GET-revised"), datetime.date(2024, 1, 19), change={"HT02": 71.5})
    fill("ASCH", r1("ASCH"))
    fill("PH", r1("PH"), datetime.date(2024, 1, 15), fraction={"PH02": 0.42})
    fill("CYPE", r2("CYPE"), datetime.date(2024, 1, 24))
    fill("ASCH", r2("ASCH"), datetime.date(2024, 1, 25))


if __name__ == "__main__":
    sys.exit(main())
