import XCTest
@testable import JuesuanLint
import JuesuanChecks
import JuesuanSyntax

final class GitHubFormatTests: XCTestCase {
    func testAnnotations() {
        let text = GitHubFormatter().format(lintResult(Fixtures.wideCharacters, path: "w.juesuan"))
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "::error file=w.juesuan,line=5,col=4,endLine=5,endColumn=9,title=A202::公开03「合计」的“本年支出合计”应为各类之和 95.00，填写为 90.00，差额 -5.00%0A修复：改为 95.00")
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning file=w.juesuan,line=6,col=5,endLine=6,endColumn=15,title=C302::") })
        XCTAssertTrue(lines.contains { $0.hasPrefix("::error file=w.juesuan,line=6,col=16,endLine=6,endColumn=21,title=A201::") })
        XCTAssertEqual(lines.dropLast().last, "检查了 1 个文件：4 个错误，1 个警告，0 个提示")
    }

    func testNoticeForInformationAndHints() {
        XCTAssertEqual(GitHubFormatter.command(.error), "error")
        XCTAssertEqual(GitHubFormatter.command(.warning), "warning")
        XCTAssertEqual(GitHubFormatter.command(.information), "notice")
        XCTAssertEqual(GitHubFormatter.command(.hint), "notice")
    }

    func testEscaping() {
        XCTAssertEqual(GitHubFormatter.escapeData("100% 完成\r\n下一行: a,b"), "100%25 完成%0D%0A下一行: a,b")
        XCTAssertEqual(GitHubFormatter.escapeProperty("dir,1/a:b%.juesuan\n"), "dir%2C1/a%3Ab%25.juesuan%0A")

        let source = SourceText("部门 x\n")
        let diagnostic = Diagnostic(code: "T999", severity: .information, range: SourceRange(start: 0, end: 6),
                                    message: "比例 50%\n第二行")
        let file = LintedFile(path: "a,b:c.juesuan", source: source, diagnostics: [diagnostic])
        XCTAssertEqual(GitHubFormatter().command(diagnostic, in: file),
                       "::notice file=a%2Cb%3Ac.juesuan,line=1,col=1,endLine=1,endColumn=3,title=T999::比例 50%25%0A第二行")
    }

    func testUnreadablePathIsAnnotated() {
        let result = LintResult(files: [], problems: [LintProblem(path: "x.juesuan", message: "无法读取：文件或目录不存在（No such file or directory）")])
        XCTAssertTrue(GitHubFormatter().format(result).hasPrefix("::error file=x.juesuan,title=无法读取::无法读取：文件或目录不存在（No such file or directory）\n"))
    }
}
