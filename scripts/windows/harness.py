#!/usr/bin/env python3
"""Helpers of scripts/check-windows, in Python so the shell script stays readable.

  same-report LINUX_JSON WINDOWS_JSON LINUX_PATH WINDOWS_PATH
      The two `validate --format json` outputs are the same once each names its file the
      same way: byte-for-byte after the path is normalised. Prints the first difference.
  write-leads FILE ROWS PREFIX
      A CSV of ROWS valid leads whose names start with PREFIX, CRLF line ends.
  count-records BASE_URL TOKEN PREFIX ROWS
      Lists every lead of the sandbox (all pages) and fails unless each of the ROWS names
      starting with PREFIX is there exactly once.
  count-so-far BASE_URL TOKEN PREFIX
      Prints how many leads whose names start with PREFIX the sandbox holds.
  not-blank PNG
      Fails when the screenshot is one flat colour (a window that drew nothing).
"""
import json
import sys
import urllib.request


def same_report(linux_json, windows_json, linux_path, windows_path):
    with open(linux_json, "rb") as f:
        linux = f.read().decode("utf-8")
    with open(windows_json, "rb") as f:
        windows = f.read().decode("utf-8")
    # In JSON a Windows path's backslashes are escaped.
    linux = linux.replace(json.dumps(linux_path)[1:-1], "FILE")
    windows = windows.replace(json.dumps(windows_path)[1:-1], "FILE")
    if linux == windows:
        return
    for number, (a, b) in enumerate(zip(linux.splitlines(), windows.splitlines()), 1):
        if a != b:
            sys.exit(f"line {number} differs:\n  linux:   {a[:300]}\n  windows: {b[:300]}")
    sys.exit(f"the outputs differ in length: {len(linux)} and {len(windows)} characters")


def write_leads(path, rows, prefix):
    with open(path, "w", newline="") as f:
        f.write("full_name,phone,city,address,sku,quantity,total\r\n")
        for n in range(int(rows)):
            f.write(f"{prefix}{n:05},06{30_000_000 + n:08},Fès,{n} Rue Talaa,ARG-100,1,149\r\n")


def names(base_url, token, prefix):
    """How many times each name starting with `prefix` is among the sandbox's leads."""
    seen = {}
    page, pages = 1, 1
    while page <= pages:
        request = urllib.request.Request(
            f"{base_url.rstrip('/')}/leads?page={page}&per_page=100",
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            body = json.load(answer)
        pagination = body.get("meta", {}).get("pagination", {})
        pages = int(pagination.get("pages") or 1)
        for record in body.get("data", []):
            name = str(record.get("full_name") or record.get("name") or "")
            if name.startswith(prefix):
                seen[name] = seen.get(name, 0) + 1
        page += 1
    return seen


def count_so_far(base_url, token, prefix):
    print(sum(names(base_url, token, prefix).values()))


def count_records(base_url, token, prefix, rows):
    seen = names(base_url, token, prefix)
    expected = {f"{prefix}{n:05}" for n in range(int(rows))}
    missing = sorted(expected - set(seen))
    twice = sorted(name for name, count in seen.items() if count > 1)
    print(f"{len(seen)} records for {rows} rows: {len(missing)} missing, {len(twice)} duplicated")
    if missing or twice:
        sys.exit(f"missing: {missing[:5]} duplicated: {twice[:5]}")


def not_blank(png):
    import subprocess

    colours = int(subprocess.check_output(["identify", "-format", "%k", png]).decode())
    print(f"{colours} colours in {png}")
    if colours < 50:
        sys.exit(f"{png} is nearly one flat colour: the window drew nothing")


COMMANDS = {
    "same-report": same_report,
    "write-leads": write_leads,
    "count-records": count_records,
    "count-so-far": count_so_far,
    "not-blank": not_blank,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    COMMANDS[sys.argv[1]](*sys.argv[2:])
