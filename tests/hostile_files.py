"""Files built to sink a server, made on the spot (none is committed): an archive that
inflates, workbooks whose sheets claim or hold far more than their data, XML that nests
or declares entities, a single 60 MB line, and a real workbook of 200,000 rows."""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from dashboard.present.workbook import edit_workbook

ZEROS = b"\0" * (1024 * 1024)


def inflating_zip(megabytes: int, name: str = "projects.csv") -> bytes:
    """A zip whose one member unpacks to `megabytes` MB of zeros (about a thousandth of it packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive, archive.open(name, "w", force_zip64=True) as member:
        for _ in range(megabytes):
            member.write(ZEROS)
    return buffer.getvalue()


def sheet_member(workbook: bytes, sheet: str) -> str:
    """The archive path of a sheet's XML, as the workbook's relationships say."""
    archive = zipfile.ZipFile(io.BytesIO(workbook))
    rel = re.search(rf'<sheet [^>]*name="{sheet}"[^>]*r:id="(rId\d+)"', archive.read("xl/workbook.xml").decode()).group(1)
    target = re.search(rf'Target="/?([^"]+)" Id="{rel}"', archive.read("xl/_rels/workbook.xml.rels").decode()).group(1)
    return target if target.startswith("xl/") else f"xl/{target}"


def with_sheet_xml(workbook: bytes, sheet: str, edit) -> bytes:
    """The workbook with `edit(xml text) -> xml text` applied to one sheet's XML."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    member = sheet_member(workbook, sheet)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            archive.writestr(info.filename, edit(data.decode("utf-8")).encode("utf-8") if info.filename == member else data)
    return out.getvalue()


def declared_grid(workbook: bytes, sheet: str) -> bytes:
    """The sheet claims the whole grid, A1:XFD1048576, as one stray cell or whole-column
    formatting leaves behind; its cells are unchanged."""
    return with_sheet_xml(workbook, sheet, lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml))


def formatted_rows_to_the_end(workbook: bytes, sheet: str) -> bytes:
    """Every row below the data down to 1,048,576 exists, formatted and empty."""
    def edit(xml: str) -> str:
        last = max(int(r) for r in re.findall(r'<row r="(\d+)"', xml))
        rows = "".join(f'<row r="{r}" s="1" customFormat="1"/>' for r in range(last + 1, 1_048_577))
        return xml.replace("</sheetData>", rows + "</sheetData>")
    return with_sheet_xml(workbook, sheet, edit)


def stray_cell_far_away(workbook: bytes, sheet: str) -> bytes:
    """One cell with a value at XFD1048576, the last cell of the grid."""
    cell = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return with_sheet_xml(workbook, sheet, lambda xml: xml.replace("</sheetData>", cell + "</sheetData>"))


def rows_workbook(frames, table: str, columns: list[str], rows) -> bytes:
    """The workbook to edit (`edit_workbook(frames)`) with the sheet `table` holding
    `rows` (lists of text under `columns`): a real workbook of any length, made fast."""
    def cell(r: int, c: int, value: str) -> str:
        return f'<c r="{get_column_letter(c)}{r}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'

    def edit(xml: str) -> str:
        body = [f'<row r="1">{"".join(cell(1, c, v) for c, v in enumerate(columns, 1))}</row>']
        body += [f'<row r="{r}">{"".join(cell(r, c, v) for c, v in enumerate(values, 1) if v)}</row>' for r, values in enumerate(rows, 2)]
        return re.sub(r"<sheetData>.*</sheetData>|<sheetData\s*/>", lambda _: "<sheetData>" + "".join(body) + "</sheetData>", xml, flags=re.S)
    return with_sheet_xml(edit_workbook(frames), table, edit)


def entity_expansion() -> bytes:
    """The 'billion laughs': entities nine levels deep, each ten of the one below."""
    entities = '<!ENTITY l0 "ha">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?>\n<!DOCTYPE iati-activities [{entities}]>\n'
            '<iati-activities version="2.03"><iati-activity><iati-identifier>&l9;</iati-identifier></iati-activity></iati-activities>\n').encode()


def one_entity() -> bytes:
    """A harmless-looking declared entity: still a DOCTYPE an IATI file never has."""
    return ('<?xml version="1.0"?>\n<!DOCTYPE iati-activities [<!ENTITY x "x">]>\n'
            '<iati-activities version="2.03"><iati-activity><iati-identifier>&x;</iati-identifier></iati-activity></iati-activities>\n').encode()


def deeply_nested(depth: int) -> bytes:
    """An IATI root holding `depth` nested elements."""
    return ('<?xml version="1.0"?>\n<iati-activities version="2.03">' + "<n>" * depth + "</n>" * depth + "</iati-activities>\n").encode()


def single_line_csv(megabytes: int) -> bytes:
    """A projects.csv whose second line is one cell of `megabytes` MB."""
    return b"project_id,title\n" + b"x" * (megabytes * 1024 * 1024) + b"\n"


def single_line_xml(megabytes: int) -> bytes:
    """An IATI file on one line whose one text node is `megabytes` MB."""
    return (b'<?xml version="1.0"?><iati-activities version="2.03"><iati-activity><iati-identifier>'
            + b"x" * (megabytes * 1024 * 1024) + b"</iati-identifier></iati-activity></iati-activities>")


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
