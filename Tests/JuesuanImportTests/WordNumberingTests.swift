import XCTest
@testable import JuesuanImport

/// Word's automatic numbering is not in a paragraph's text: `一、` before a heading and `1.` before
/// a list item come from numbering.xml, by the paragraph's own list or its style's (session 31: a
/// .docx probe whose numbered headings ran all thirteen 说明 sections into one).
final class WordNumberingTests: XCTestCase {
    static let numbering = """
    <w:numbering>
    <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
    <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>
    """
    static let styles = """
    <w:styles><w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>
    """

    func paragraph(_ text: String, numId: String? = nil, level: Int? = nil, style: String? = nil) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if numId != nil || level != nil {
            properties += "<w:numPr>" + (level.map { "<w:ilvl w:val=\"\($0)\"/>" } ?? "") + (numId.map { "<w:numId w:val=\"\($0)\"/>" } ?? "") + "</w:numPr>"
        }
        return "<w:p><w:pPr>\(properties)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    func testHeadingsAndItemsGetTheirLabels() {
        let body = "<w:body>" + [
            paragraph("收入支出决算总体情况说明", numId: "1", level: 0),
            paragraph("总体情况", numId: "1", level: 1),
            paragraph("结构情况", numId: "1", level: 1),
            paragraph("收入决算情况说明", numId: "1", level: 0),
            paragraph("总体情况", numId: "1", level: 1),
            paragraph("教育支出（类）", style: "ListNumber"),
            paragraph("卫生健康支出（类）", style: "ListNumber"),
            paragraph("要点", numId: "3"),
            paragraph("不编号", numId: "0"),
            paragraph("正文"),
        ].joined() + "</w:body>"
        let text = DocumentReaders.wordXMLText(body, numbering: WordNumbering(numbering: Self.numbering, styles: Self.styles))
        XCTAssertEqual(text.split(separator: "\n").map(String.init), [
            "一、收入支出决算总体情况说明", "（一）总体情况", "（二）结构情况", "二、收入决算情况说明", "（一）总体情况",
            "1.教育支出（类）", "2.卫生健康支出（类）", "要点", "不编号", "正文"])
    }

    func testWithoutNumberingTheTextIsAsWritten() {
        let body = "<w:body>" + paragraph("收入支出决算总体情况说明", numId: "1", level: 0) + "</w:body>"
        XCTAssertEqual(DocumentReaders.wordXMLText(body), "收入支出决算总体情况说明\n")
    }

    func testChineseNumerals() {
        XCTAssertEqual([1, 9, 10, 11, 19, 20, 21, 99, 100].map { WordNumbering.chinese($0) }, ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "100"])
    }
}
