import Foundation
import JuesuanCatalogue
import JuesuanChecks
import JuesuanSyntax

/// `juesuan lint --fix`: applies the safe fixes of each file in place (`SafeFixer`: nothing
/// but the one figure or name changes, totals fixed bottom-up, a fix kept only when it does
/// not move the error elsewhere), then the files are linted again as usual.
public enum LintFix {
    /// One line per change: `path:line: old → new（CODE）`.
    public static func describe(_ fix: AppliedFix, path: String) -> String {
        "\(path):\(fix.line + 1): \(fix.old) → \(fix.new)（\(fix.code)）"
    }

    /// Fixes the files among `inputs`; returns the lines describing the changes and the
    /// problems met (a file that could not be written, standard input, invalid UTF-8).
    public static func apply(_ inputs: [LintRunner.Input], catalogue: Catalogue) -> (changes: [String], problems: [LintProblem]) {
        var changes: [String] = []
        var problems: [LintProblem] = []
        for input in inputs {
            guard case .file(let path) = input else {
                problems.append(LintProblem(path: "-", message: "--fix 不修改标准输入，只检查"))
                continue
            }
            guard case .success(let bytes) = FileInput.read(path) else { continue }  // reported by the lint run
            guard let text = String(validating: bytes, as: UTF8.self) else {
                problems.append(LintProblem(path: path, message: "文件含有无效的 UTF-8 字节，未作修正"))
                continue
            }
            let result = SafeFixer.fix(text: text, catalogue: catalogue)
            guard !result.applied.isEmpty else { continue }
            do {
                try SafeFileWriter.write(result.text, to: path)
            } catch {
                problems.append(LintProblem(path: path, message: "无法写回修正：\(error.message)"))
                continue
            }
            changes += result.applied.map { describe($0, path: path) }
        }
        return (changes, problems)
    }
}
