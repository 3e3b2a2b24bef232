#!/usr/bin/env python3
"""Writes excel-workbook.xlsx the way Excel structures a workbook: a shared-strings table,
styles with a date format, a title row above the header, dates as serial numbers with a date
style, numbers as number cells, cells Excel leaves out left out. Two sheets: 说明 (notes)
first, 名单 (enterprises) and 需求 (requests) after it, so --sheet is needed.
Run: python3 Tests/Fixtures/make-excel-workbook.py"""
import os
import zipfile

strings = []
def s(text):
    if text not in strings:
        strings.append(text)
    return strings.index(text)

def col(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name

def sheet(rows):
    """rows: list of (row number, [cell]) where cell is None, ('s', text), ('n', number) or ('d', serial)."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           '<dimension ref="A1:H6"/><sheetData>']
    for number, cells in rows:
        out.append(f'<row r="{number}" spans="1:8">')
        for i, cell in enumerate(cells):
            if cell is None:
                continue
            ref = f"{col(i)}{number}"
            kind, value = cell
            if kind == "s":
                out.append(f'<c r="{ref}" t="s"><v>{s(value)}</v></c>')
            elif kind == "d":
                out.append(f'<c r="{ref}" s="1"><v>{value}</v></c>')
            else:
                out.append(f'<c r="{ref}"><v>{value}</v></c>')
        out.append("</row>")
    out.append('</sheetData><mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells></worksheet>')
    return "".join(out)

notes = sheet([(1, [("s", "填表说明：每个单位一行")])])
enterprises = sheet([
    (1, [("s", "南川区、北碚区残疾人企业名单（2020年3月）")]),
    (2, [("s", "联系电话"), ("s", "区县"), ("s", "企业名称"), ("s", "残疾职工人数"), ("s", "单位类型"), ("s", "联系人")]),
    (3, [("n", 13800000001), ("s", "南川区"), ("s", "南川九叶青花椒基地"), ("n", 32), ("s", "就业基地"), ("s", "刘毅")]),
    (4, [None, ("s", "北碚"), ("s", "北碚区盲人按摩中心"), ("s", "４"), ("s", "盲人按摩机构"), None]),
])
requests = sheet([
    (1, [("s", "单位名称"), ("s", "区县"), ("s", "物品"), ("s", "数量"), ("s", "单位"), ("s", "期限"), ("s", "登记日期")]),
    (2, [("s", "南川九叶青花椒基地"), ("s", "南川"), ("s", "化肥"), ("n", 8), ("s", "吨"), ("d", 43905), ("d", 43882)]),
    (3, [("s", "南川九叶青花椒基地"), ("s", "南川"), ("s", "口罩"), ("s", "３００"), ("s", "个"), ("s", "2020年3月20日"), ("d", 43882)]),
    (4, [("s", "南川九叶青花椒基地"), ("s", "南川"), ("s", "84消毒液"), ("n", 3), ("s", "桶"), ("s", "2020/3/5"), ("d", 43882)]),
])

shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
          f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
          + "".join(f"<si><t>{t}</t></si>" for t in strings) + "</sst>")
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<bookViews><workbookView activeTab="1"/></bookViews><sheets>'
            '<sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="名单" sheetId="2" r:id="rId2"/>'
            '<sheet name="需求" sheetId="3" r:id="rId3"/></sheets></workbook>')
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId3" Type="{rel}/worksheet" Target="worksheets/sheet3.xml"/>'
                 f'<Relationship Id="rId2" Type="{rel}/worksheet" Target="worksheets/sheet2.xml"/>'
                 f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                 f'<Relationship Id="rId4" Type="{rel}/styles" Target="styles.xml"/>'
                 f'<Relationship Id="rId5" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in (1, 2, 3))
                 + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "excel-workbook.xlsx")
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
                       ("xl/_rels/workbook.xml.rels", workbook_rels), ("xl/styles.xml", styles),
                       ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", notes),
                       ("xl/worksheets/sheet2.xml", enterprises), ("xl/worksheets/sheet3.xml", requests)]:
        info = zipfile.ZipInfo(name, date_time=(2020, 3, 5, 9, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text.encode("utf-8"))
print(path)
