"""Writes the corpus: data files as the programs analysts use write them, holding known values.

Each file goes into files/, and manifest.json lists, per file, the program that wrote it, the
values qpr must read from it (code, period, value, note: a value of null is a missing marker)
and the messages it must give, word for word. The values are this script's own, typed below;
the messages are what qpr's documentation (docs/data.md, docs/xlsx-reading.md) says it gives.
pkg/data's corpus test reads every file and checks both.

Run through make.sh (it uses Debian's /usr/bin/python3 with python3-openpyxl,
python3-xlsxwriter and python3-pandas; soffice and ssconvert must be on PATH).
"""

import datetime
import json
import os
import shutil
import subprocess
import tempfile

import openpyxl
import pandas as pd
import xlsxwriter
from openpyxl.styles import Font

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")

NOTE = "On track \u2013 staff\u2019s \u201cnew\u201d rota; caf\u00e9 \u00a35"  # – ’ “ ” é £
NOTE_850 = "On track - caf\u00e9 \u00a35, na\u00efve"  # code page 850 has no curly quotes or dashes

# The quarter's values: code, period, value, how a spreadsheet shows it, note.
# kind: "num" a plain number, "pct" a fraction shown as a percentage, "thou" a number shown with
# thousands separators, "na" the missing marker n/a. A month may also be given as a date cell.
ROWS = [
    ("CS01", "2023/24 Q2", 82.4, "num", NOTE),
    ("CS02", "2023/24 Q2", 0.874, "pct", ""),
    ("FN05", "2023/24 Q2", 35123, "thou", ""),
    ("HS01", "2023-09", 12, "num", ""),
    ("WM01", "2023/24 Q2", None, "na", "reported a quarter late"),
    ("ED02", "2023/24 Q2", -3.25, "num", ""),
]

manifest = []


def expected(rows=ROWS, note=NOTE, notes=True):
    """The values qpr reads: percentages scaled by 100, n/a missing."""
    out = []
    for code, per, value, kind, n in rows:
        if kind == "pct":
            value = round(value * 100, 10)
        if n == NOTE:
            n = note
        out.append([code, per, value, n if notes else ""])
    return out


def record(name, writer, values, messages=()):
    manifest.append({"file": name, "writer": writer, "values": values, "messages": list(messages)})


def path(name):
    return os.path.join(OUT, name)


# --- openpyxl ---------------------------------------------------------------------------------

def openpyxl_long(name, month_as_date=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Q2"
    ws.append(["code", "period", "value", "note"])
    for code, per, value, kind, note in ROWS:
        p = datetime.datetime(2023, 9, 30) if per == "2023-09" and month_as_date else per
        v = "n/a" if kind == "na" else value
        ws.append([code, p, v, note or None])
        c = ws.cell(row=ws.max_row, column=3)
        if kind == "pct":
            c.number_format = "0.0%"
        elif kind == "thou":
            c.number_format = "#,##0"
        if isinstance(p, datetime.datetime):
            ws.cell(row=ws.max_row, column=2).number_format = "mmm-yy"
    wb.save(path(name))


openpyxl_long("openpyxl-long.xlsx")
record("openpyxl-long.xlsx", "openpyxl", expected())

# openpyxl saves a formula with no result at all (<v></v>).
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Q2"
ws.append(["code", "period", "value"])
ws.append(["CS01", "2023/24 Q2", "=80+2.4"])
ws.append(["FN05", "2023/24 Q2", 35123])
wb.save(path("openpyxl-formulas.xlsx"))
record("openpyxl-formulas.xlsx", "openpyxl", [["FN05", "2023/24 Q2", 35123, ""]], [
    'openpyxl-formulas.xlsx:Q2!C2: column "value": cell holds a formula with no saved result; open the workbook in Excel and save it, or type the value',
])

# A title above the header, merged across the table as people make it.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Return"
ws.append(["Quarterly return: Chief Executive's"])
ws.merge_cells("A1:D1")
ws["A1"].font = Font(bold=True, size=14)
ws.append([])
ws.append(["Code", "Period", "Value", "Note"])
for code, per, value, kind, note in ROWS[:3]:
    ws.append([code, per, value, note or None])
    if kind == "pct":
        ws.cell(row=ws.max_row, column=3).number_format = "0%"
wb.save(path("openpyxl-title-above-header.xlsx"))
record("openpyxl-title-above-header.xlsx", "openpyxl", expected(ROWS[:3]), [
    'warning: openpyxl-title-above-header.xlsx: sheet "Return": read the table whose header is row 3 (Code, Period, Value, Note), below the title "Quarterly return: Chief Executive\'s" (row 1)',
])

# Code cells merged down over the rows of one indicator.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Return"
ws.append(["code", "period", "value"])
ws.append(["CS01", "2023/24 Q1", 80])
ws.append([None, "2023/24 Q2", 82.4])
ws.append(["FN05", "2023/24 Q2", 35123])
ws.merge_cells("A2:A3")
wb.save(path("openpyxl-merged-codes.xlsx"))
record("openpyxl-merged-codes.xlsx", "openpyxl",
       [["CS01", "2023/24 Q1", 80, ""], ["FN05", "2023/24 Q2", 35123, ""]], [
           "openpyxl-merged-codes.xlsx:Return!A2: cells A2:A3 are merged, and a merged cell holds its content in its first cell (A2) only, so the rest read as blank; unmerge them (Home > Merge & Center) and fill in every row",
       ])

# A header qpr does not know: the file gives no data at all.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Data"
ws.append(["Code", "Month", "Value"])
ws.append(["HS01", "2023-09", 12])
wb.save(path("openpyxl-code-month-value.xlsx"))
record("openpyxl-code-month-value.xlsx", "openpyxl", [], [
    'openpyxl-code-month-value.xlsx: sheet "Data": no table with code, period and value headers; row 1 has Code, Month, Value; did you mean "period" for "Month"?',
])

# --- xlsxwriter -------------------------------------------------------------------------------

def xlsxwriter_long(name):
    wb = xlsxwriter.Workbook(path(name))
    ws = wb.add_worksheet("Q2")
    pct = wb.add_format({"num_format": "0.0%"})
    thou = wb.add_format({"num_format": "#,##0"})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, ["code", "period", "value", "note"])
    for i, (code, per, value, kind, note) in enumerate(ROWS, start=1):
        ws.write_string(i, 0, code)
        if per == "2023-09":
            ws.write_datetime(i, 1, datetime.datetime(2023, 9, 30), date)
        else:
            ws.write_string(i, 1, per)
        if kind == "na":
            ws.write_string(i, 2, "n/a")
        else:
            ws.write_number(i, 2, value, {"pct": pct, "thou": thou}.get(kind))
        if note:
            ws.write_string(i, 3, note)
    wb.close()


xlsxwriter_long("xlsxwriter-long.xlsx")
record("xlsxwriter-long.xlsx", "xlsxwriter", expected())

# Formulas: xlsxwriter saves 0 as each formula's result and asks for recalculation on opening.
wb = xlsxwriter.Workbook(path("xlsxwriter-formulas.xlsx"))
ws = wb.add_worksheet("Q2")
ws.write_row(0, 0, ["code", "period", "value"])
ws.write_row(1, 0, ["CS01", "2023/24 Q2"])
ws.write_formula(1, 2, "=80+2.4")
ws.write_row(2, 0, ["FN05", "2023/24 Q2"])
ws.write_formula(2, 2, "=35000+123")
ws.write_row(3, 0, ["ED02", "2023/24 Q2", -3.25])
wb.close()
record("xlsxwriter-formulas.xlsx", "xlsxwriter", [["ED02", "2023/24 Q2", -3.25, ""]], [
    'xlsxwriter-formulas.xlsx:Q2!C2: column "value": cell holds a formula whose saved result cannot be trusted: the workbook asks to be recalculated when opened (fullCalcOnLoad), as files written by Python\'s openpyxl, xlsxwriter and pandas do, and such a writer saves a formula without calculating it (xlsxwriter saves 0); open the workbook in Excel and save it (Excel recalculates it on opening), or in LibreOffice choose Data > Calculate > Recalculate Hard and save it (LibreOffice does not recalculate such a file by itself), or paste the values over the formulas; no formula cell of this workbook was read',
])

# A period typed as a date into a cell formatted as General shows its serial number.
wb = xlsxwriter.Workbook(path("xlsxwriter-date-serial-period.xlsx"))
ws = wb.add_worksheet("Q2")
ws.write_row(0, 0, ["code", "period", "value"])
ws.write_row(1, 0, ["HS01", 45199, 12])   # 30 September 2023
ws.write_row(2, 0, ["CS01", "2023/24 Q2", 82.4])
wb.close()
record("xlsxwriter-date-serial-period.xlsx", "xlsxwriter", [["CS01", "2023/24 Q2", 82.4, ""]], [
    'xlsxwriter-date-serial-period.xlsx:Q2!B2: column "period": 45199 looks like an Excel date serial for 2023-09-30 (a date in a cell formatted as General or Number); format the cell as a date, or type the month as 2023-09',
])

# --- pandas -----------------------------------------------------------------------------------

long_df = pd.DataFrame(
    [(c, p, ("n/a" if k == "na" else (round(v * 100, 10) if k == "pct" else v))) for c, p, v, k, _ in ROWS],
    columns=["code", "period", "value"])
long_values = [[c, p, v if v != "n/a" else None, ""] for c, p, v in long_df.itertuples(index=False)]
wide_df = pd.DataFrame({
    "code": ["CS01", "FN05", "ED02"],
    "2023/24 Q1": [80.0, 34000, -2.5],
    "2023/24 Q2": [82.4, 35123, -3.25],
})
wide_values = []
for _, r in wide_df.iterrows():
    for per in ["2023/24 Q1", "2023/24 Q2"]:
        wide_values.append([r["code"], per, float(r[per]), ""])

INDEX_NOTE = 'warning: {f}: sheet "Sheet1": column A has no header and holds the row numbers 0 to {n}, as pandas writes its index (index=True): it was left out'

for engine in ["openpyxl", "xlsxwriter"]:
    name = f"pandas-{engine}-long-index.xlsx"
    long_df.to_excel(path(name), engine=engine)
    record(name, f"pandas {pd.__version__} ({engine})", long_values,
           [INDEX_NOTE.format(f=name, n=len(long_df) - 1)])
    name = f"pandas-{engine}-wide-index.xlsx"
    wide_df.to_excel(path(name), engine=engine)
    record(name, f"pandas {pd.__version__} ({engine})", wide_values,
           [INDEX_NOTE.format(f=name, n=len(wide_df) - 1)])
    name = f"pandas-{engine}-long.xlsx"
    long_df.to_excel(path(name), engine=engine, index=False)
    record(name, f"pandas {pd.__version__} ({engine})", long_values)

long_df.to_csv(path("pandas-long-index.csv"))
record("pandas-long-index.csv", f"pandas {pd.__version__}", long_values, [
    "warning: pandas-long-index.csv: column A has no header and holds the row numbers 0 to 5, as pandas writes its index (index=True): it was left out",
])

# --- Excel's csv flavours, byte for byte as Excel writes them ---------------------------------

def excel_csv(rows, sep=",", decimal=".", thousands=",", note=NOTE):
    """The lines Excel writes for the sheet: each cell as shown, quoted when it must be."""
    def shown(value, kind):
        if kind == "na":
            return "n/a"
        if kind == "pct":
            text = f"{value * 100:.1f}%"
        elif kind == "thou":
            text = f"{value:,.0f}"
        else:
            text = f"{value:g}"
        return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)

    def quote(field):
        if sep in field or '"' in field or "\n" in field:
            return '"' + field.replace('"', '""') + '"'
        return field

    lines = [sep.join(["code", "period", "value", "note"])]
    for code, per, value, kind, n in rows:
        n = note if n == NOTE else n
        lines.append(sep.join(quote(f) for f in [code, per, shown(value, kind), n]))
    return lines


def write_csv(name, lines, encoding, eol="\r\n", bom=b""):
    with open(path(name), "wb") as f:
        f.write(bom + eol.join(lines).encode(encoding) + eol.encode())


write_csv("excel-csv-utf8-bom.csv", excel_csv(ROWS), "utf-8", bom=b"\xef\xbb\xbf")
record("excel-csv-utf8-bom.csv", 'Excel "CSV UTF-8 (Comma delimited)"', expected())
write_csv("excel-csv-windows-1252.csv", excel_csv(ROWS), "cp1252")
record("excel-csv-windows-1252.csv", 'Excel "CSV (Comma delimited)", Windows-1252', expected())
write_csv("excel-csv-macintosh-cr.csv", excel_csv(ROWS), "mac_roman", eol="\r")
record("excel-csv-macintosh-cr.csv", 'Excel for Mac "CSV (Macintosh)", Mac OS Roman, CR line ends', expected())
write_csv("excel-csv-ms-dos-cp850.csv", excel_csv(ROWS, note=NOTE_850), "cp850")
record("excel-csv-ms-dos-cp850.csv", 'Excel "CSV (MS-DOS)", code page 850', expected(note=NOTE_850))
write_csv("excel-csv-semicolon-decimal-comma.csv", excel_csv(ROWS, sep=";", decimal=",", thousands="."), "cp1252")
record("excel-csv-semicolon-decimal-comma.csv", 'Excel "CSV" in a European locale: ; separators, decimal commas, thousands dots',
       expected())
# Only whole numbers and a thousands dot: nothing in the file says what the dot is.
write_csv("excel-csv-semicolon-ambiguous.csv", excel_csv([r for r in ROWS if r[3] in ("thou", "na")] + [("HS01", "2023-09", 12, "num", "")],
                                                        sep=";", decimal=",", thousands="."), "cp1252")
record("excel-csv-semicolon-ambiguous.csv", 'Excel "CSV" in a European locale, whole numbers only',
       [["WM01", "2023/24 Q2", None, "reported a quarter late"], ["HS01", "2023-09", 12, ""]], [
           'excel-csv-semicolon-ambiguous.csv:2: column "value": "35.123" is ambiguous in a ;-separated file: the dot could be a decimal point (35.123) or a thousands separator (35123), and no other number in the file is written in a way that settles which; write it without a thousands separator',
       ])

# --- LibreOffice and Gnumeric -----------------------------------------------------------------

def soffice(src, fmt, name, infilter=None):
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", fmt, "--outdir", tmp]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        subprocess.run(cmd + [src], check=True, capture_output=True, timeout=300)
        base = os.path.splitext(os.path.basename(src))[0] + "." + fmt.split(":")[0]
        shutil.move(os.path.join(tmp, base), path(name))


def ssconvert(src, name, *opts):
    subprocess.run(["ssconvert", *opts, src, path(name)], check=True, capture_output=True, timeout=300)


def lo_version():
    out = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.split()
    return " ".join(out[:2]) if out else "LibreOffice"


def gnumeric_version():
    out = subprocess.run(["ssconvert", "--version"], capture_output=True, text=True).stdout.strip()
    return out.splitlines()[0] if out else "ssconvert"


LO, GN = lo_version(), gnumeric_version()

with tempfile.TemporaryDirectory() as tmp:
    plain = os.path.join(tmp, "plain.csv")
    with open(plain, "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(excel_csv(ROWS)) + "\r\n")
    # CSV filter options: comma, double quote, UTF-8 (76), from line 1.
    soffice(plain, "xlsx", "libreoffice-from-csv.xlsx", infilter="CSV:44,34,76,1")
    record("libreoffice-from-csv.xlsx", f"{LO} (csv opened and saved as xlsx)", expected())
    ssconvert(plain, "gnumeric-from-csv.xlsx")
    record("gnumeric-from-csv.xlsx", f"{GN} (csv saved as xlsx)", expected())

soffice(path("openpyxl-long.xlsx"), "xlsx", "libreoffice-saved.xlsx")
record("libreoffice-saved.xlsx", f"{LO} (openpyxl's workbook opened and saved)", expected())
soffice(path("openpyxl-long.xlsx"), "ods", "libreoffice-saved.ods")
soffice(path("libreoffice-saved.ods"), "xlsx", "libreoffice-from-ods.xlsx")
os.remove(path("libreoffice-saved.ods"))
record("libreoffice-from-ods.xlsx", f"{LO} (an ods workbook saved as xlsx)", expected())

# LibreOffice does not recalculate an xlsx file on opening (its default for Excel 2007 and
# later files is "never recalculate"), so xlsxwriter's 0s survive, and fullCalcOnLoad does not.
soffice(path("xlsxwriter-formulas.xlsx"), "xlsx", "libreoffice-saved-uncalculated.xlsx")
record("libreoffice-saved-uncalculated.xlsx", f"{LO} (xlsxwriter's formulas saved without recalculating)",
       [["CS01", "2023/24 Q2", 0, ""], ["FN05", "2023/24 Q2", 0, ""], ["ED02", "2023/24 Q2", -3.25, ""]], [
           'warning: libreoffice-saved-uncalculated.xlsx:Q2!C2: column "value": the value is a formula\'s saved result of 0; if the workbook was written by a program that does not calculate formulas (Python\'s openpyxl, xlsxwriter or pandas) and saved since without recalculating, every formula in it reads 0: open the workbook in Excel and save it (Excel recalculates it on opening), or in LibreOffice choose Data > Calculate > Recalculate Hard and save it (LibreOffice does not recalculate such a file by itself), or paste the values over the formulas; if 0 is right, ignore this',
       ])
# Gnumeric with --recalc calculates them, as opening the file in Gnumeric does.
ssconvert(path("xlsxwriter-formulas.xlsx"), "gnumeric-recalculated.xlsx", "--recalc")
record("gnumeric-recalculated.xlsx", f"{GN} (xlsxwriter's formulas recalculated and saved)",
       [["CS01", "2023/24 Q2", 82.4, ""], ["FN05", "2023/24 Q2", 35123, ""], ["ED02", "2023/24 Q2", -3.25, ""]])

manifest.sort(key=lambda m: m["file"])
with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as f:
    json.dump({"files": manifest}, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"wrote {len(manifest)} files")
