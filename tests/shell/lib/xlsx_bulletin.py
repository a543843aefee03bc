"""Reads a bulletin workbook with openpyxl and checks it against the CSV
bulletin of the same report and the colours of the HTML report.

usage: xlsx_bulletin.py BOOK.xlsx HTML SHEET=CSV...

Each SHEET=CSV pair names a worksheet and the CSV file that holds the same
view: every heading and every value must be equal (numbers as numbers,
empty cells empty). The status cells of each sheet must carry the fill and
font colour of the HTML report's .s-<status> class. Each column must be at
least as wide as its widest text (a Chinese character counts two). Prints
one line per problem and exits 1 if there was any.
"""
import csv
import re
import sys
import unicodedata

import openpyxl

STATUS = {"已完成": "done", "达序时": "on-track", "欠序时": "behind", "严重滞后": "off-track",
          "已突破": "breached", "逾期": "overdue", "未报送": "missing", "未到期": "not-due"}

problems = []


def width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


def html_colours(path):
    css = open(path, encoding="utf-8").read()
    out = {}
    for name, fg, bg in re.findall(
            r"\.s-([a-z-]+) \{ --fg: #([0-9a-f]{3,6}); --bg: #([0-9a-f]{6});", css):
        fg = fg.upper()
        if len(fg) == 3:
            fg = "".join(c * 2 for c in fg)
        out[name] = ("FF" + fg, "FF" + bg.upper())
    return out


def same(cell, text):
    if text == "":
        return cell is None
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        try:
            return abs(cell - float(text)) < 1e-12
        except ValueError:
            return False
    return cell == text


book = openpyxl.load_workbook(sys.argv[1])
colours = html_colours(sys.argv[2])
if len(colours) != 8:
    problems.append(f"the HTML report has {len(colours)} status colours, not 8")
for pair in sys.argv[3:]:
    name, csv_path = pair.split("=", 1)
    if name not in book.sheetnames:
        problems.append(f"no sheet {name} in {book.sheetnames}")
        continue
    ws = book[name]
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    got = [[c.value for c in row] for row in ws.iter_rows()]
    if len(got) != len(rows):
        problems.append(f"{name}: {len(got)} rows, the CSV has {len(rows)}")
    for r, (xrow, crow) in enumerate(zip(got, rows), start=1):
        if len(xrow) != len(crow):
            problems.append(f"{name} row {r}: {len(xrow)} cells, the CSV has {len(crow)}")
        for c, (x, t) in enumerate(zip(xrow, crow), start=1):
            if not same(x, t):
                problems.append(f"{name} {ws.cell(r, c).coordinate}: {x!r}, the CSV has {t!r}")
    # Status fills: the 状态 column, or the count columns named by a status.
    header = rows[0]
    for c, heading in enumerate(header, start=1):
        letter = ws.cell(1, c).column_letter
        widest = max(width(row[c - 1]) for row in rows[1:]) if len(rows) > 1 else 0
        if ws.column_dimensions[letter].width < widest:
            problems.append(f"{name} column {letter} ({heading}): width "
                            f"{ws.column_dimensions[letter].width}, its widest text {widest}")
        for r in range(2, len(rows) + 1):
            cell = ws.cell(r, c)
            status = None
            if heading == "状态":
                status = STATUS[cell.value]
            elif heading == "逾期天数":
                status = "missing"
            elif heading in STATUS and cell.value:
                status = STATUS[heading]
            if status is None:
                continue
            want = colours[status]
            have = (cell.font.color.rgb if cell.font.color else None, cell.fill.fgColor.rgb)
            if cell.fill.fill_type != "solid" or have != want:
                problems.append(f"{name} {cell.coordinate} ({status}): font/fill {have}, "
                                f"the HTML has {want}")
    if ws.freeze_panes != "A2":
        problems.append(f"{name}: frozen at {ws.freeze_panes}, not below the heading row")
    if ws.page_setup.orientation != "landscape" or str(ws.page_setup.paperSize) != "9":
        problems.append(f"{name}: page {ws.page_setup.orientation} {ws.page_setup.paperSize}")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
