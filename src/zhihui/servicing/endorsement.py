"""The endorsement (批单) PDF: server-side, masked data only, in reportlab's built-in CJK font.

``STSong-Light`` is one of the Adobe CID fonts reportlab knows without any font file, so the PDF renders
Chinese on any machine that has a standard PDF viewer (the viewer supplies the glyphs).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT = "STSong-Light"
COMPANY = "智慧人寿保险股份有限公司"
_registered = False


def _font() -> str:
    global _registered
    if not _registered:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        _registered = True
    return FONT


@dataclass(frozen=True)
class EndorsementData:
    number: str
    policy_no: str
    product_name: str
    item_name: str
    applicant: str
    """Masked name and role, e.g. ``张*（投保人）``."""
    submitted_on: dt.date
    effective_on: dt.date
    review: str
    lines: list[tuple[str, str, str]]


def render_endorsement(data: EndorsementData) -> bytes:
    font = _font()
    title = ParagraphStyle("title", fontName=font, fontSize=18, leading=24, alignment=1)
    normal = ParagraphStyle("normal", fontName=font, fontSize=10.5, leading=16)
    cell = ParagraphStyle("cell", fontName=font, fontSize=9.5, leading=13)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"批单 {data.number}",
        author=COMPANY,
    )
    head = [
        ["批单号", data.number, "保单号", data.policy_no],
        ["保险产品", data.product_name, "保全项目", data.item_name],
        ["申请人", data.applicant, "申请日期", f"{data.submitted_on:%Y-%m-%d}"],
        ["审核方式", data.review, "生效日期", f"{data.effective_on:%Y-%m-%d}"],
    ]
    head_table = Table(
        [[Paragraph(str(c), cell) for c in row] for row in head], colWidths=[22 * mm, 58 * mm, 22 * mm, 58 * mm]
    )
    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
    )
    head_table.setStyle(grid)
    body = [[Paragraph(t, cell) for t in ("变更项目", "变更前", "变更后")]]
    body += [
        [Paragraph(what, cell), Paragraph(before, cell), Paragraph(after, cell)] for what, before, after in data.lines
    ]
    body_table = Table(body, colWidths=[34 * mm, 63 * mm, 63 * mm], repeatRows=1)
    body_table.setStyle(TableStyle([*grid.getCommands(), ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2ff"))]))
    story = [
        Paragraph(COMPANY, title),
        Paragraph("保 全 批 单", title),
        Spacer(1, 6 * mm),
        head_table,
        Spacer(1, 5 * mm),
        Paragraph("经审核，同意对上述保单办理以下变更：", normal),
        Spacer(1, 2 * mm),
        body_table,
        Spacer(1, 6 * mm),
        Paragraph("本批单是保险合同的组成部分，与保险合同具有同等效力。个人信息已做脱敏处理。", normal),
        Paragraph(f"如有疑问请拨打客服热线 95500。{COMPANY} 保全部", normal),
    ]
    doc.build(story)
    return buf.getvalue()
