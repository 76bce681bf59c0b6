"""Reads every cell of an .xlsx the way Python users do, for scripts/bench-workbook.

    read_workbook.py openpyxl FILE   # openpyxl's fastest mode: read-only, values only
    read_workbook.py pandas FILE     # pandas.read_excel, the usual one-liner
    read_workbook.py unzipped FILE   # the size of the workbook's parts once unzipped

Prints the number of data rows read (or the size), so the runs can be checked against
each other.
"""

import sys
import zipfile


def with_openpyxl(path):
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return rows - 1


def with_pandas(path):
    import pandas

    return len(pandas.read_excel(path, dtype=str))


def unzipped(path):
    return sum(part.file_size for part in zipfile.ZipFile(path).infolist())


if __name__ == "__main__":
    how, path = sys.argv[1], sys.argv[2]
    print({"openpyxl": with_openpyxl, "pandas": with_pandas, "unzipped": unzipped}[how](path))
