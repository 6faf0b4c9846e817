#!/bin/sh
# Regenerates the corpus of data files written by the programs analysts use, and manifest.json,
# which says what each file holds. Needs Debian's python3-openpyxl, python3-xlsxwriter and
# python3-pandas, LibreOffice (soffice) and Gnumeric (ssconvert); go test needs none of them,
# since the files are committed. Run from anywhere: sh testdata/corpus/make.sh
set -eu
cd "$(dirname "$0")"
exec /usr/bin/python3 make.py
