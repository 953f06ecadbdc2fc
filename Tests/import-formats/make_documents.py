"""Makes a .docx and a PDF of a report text, for the import tests of scripts/test-import-formats.sh.

A line with tabs is a table row: a Word table row in the .docx, cells at fixed columns in the PDF.
Other lines are paragraphs. Usage: make_documents.py REPORT.txt OUT.docx OUT.pdf FONT.ttc
"""
import sys

from docx import Document
from reportlab.lib.pagesizes import A3, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas


def blocks(lines):
    """Runs of table rows and single paragraphs, in order."""
    run = []
    for line in lines:
        if "\t" in line:
            run.append(line.split("\t"))
            continue
        if run:
            yield "table", run
            run = []
        yield "para", line
    if run:
        yield "table", run


def make_docx(lines, path):
    document = Document()
    for kind, value in blocks(lines):
        if kind == "para":
            document.add_paragraph(value)
            continue
        width = max(len(row) for row in value)
        table = document.add_table(rows=len(value), cols=width)
        for r, row in enumerate(value):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    document.save(path)


def make_pdf(lines, path, font):
    pdfmetrics.registerFont(TTFont("CJK", font, subfontIndex=0))
    width, height = 2400, 1200
    pdf = canvas.Canvas(path, pagesize=(width, height))
    size = 7
    column = 150
    y = height - 30
    for kind, value in blocks(lines):
        rows = [value] if kind == "para" else value
        # Table columns as wide as their widest cell.
        widths = {}
        if kind == "table":
            for row in rows:
                for c, cell in enumerate(row):
                    widths[c] = max(widths.get(c, 0), pdfmetrics.stringWidth(cell, "CJK", size) + 14)
        for row in rows:
            if y < 30:
                pdf.showPage()
                y = height - 30
            pdf.setFont("CJK", size)
            if kind == "para":
                # Long paragraphs wrap at the page width, as a printed page does.
                text = row
                per_line = int((width - 60) / size)
                while True:
                    pdf.drawString(30, y, text[:per_line])
                    text = text[per_line:]
                    if not text:
                        break
                    y -= size + 3
            else:
                x = 30
                for c, cell in enumerate(row):
                    pdf.drawString(x, y, cell)
                    x += widths[c]
            y -= size + 3
    pdf.save()


def main():
    source, docx_path, pdf_path, font = sys.argv[1:5]
    with open(source, encoding="utf-8") as f:
        lines = [line.rstrip("\r\n") for line in f]
    make_docx(lines, docx_path)
    make_pdf(lines, pdf_path, font)


if __name__ == "__main__":
    main()
