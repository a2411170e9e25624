"""Cells that are safe to open in a spreadsheet, for every CSV and XLSX the site makes.

A cell that a spreadsheet would read as a formula (starting with = + - @, or a tab or carriage
return) gets an apostrophe in front: a name like "=HYPERLINK(...)" typed into a form, or an
organisation's text, stays text on the computer of whoever opens the export (CSV injection).
"""

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde):
    if waarde is None:
        return ""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde
