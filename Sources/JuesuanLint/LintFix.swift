import Foundation
import JuesuanCatalogue
import JuesuanChecks
import JuesuanSyntax

/// `juesuan lint --fix`: applies the safe fixes of each file (`SafeFixer`: each fix judged
/// against the original findings, none cascading), then the files are linted again as usual.
/// `--fix --diff` shows the same changes as a unified diff and writes nothing.
public enum LintFix {
    /// One line per change: `path:line: old → new（CODE）`.
    public static func describe(_ fix: AppliedFix, path: String) -> String {
        "\(path):\(fix.line + 1): \(fix.old) → \(fix.new)（\(fix.code)）"
    }

    /// How a fixed file is written back: the one place that writes, through `SafeFileWriter`
    /// (regular files and symbolic links to them only; mode, owner and hard links kept).
    public typealias Writer = @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void

    public static let writeInPlace: Writer = { path, bytes in
        do { try SafeFileWriter.write(bytes, to: path) } catch let problem as SafeFileWriter.Problem {
            throw WriteProblem(message: problem.message)
        }
    }

    /// A write that was refused or failed, with the writer's Chinese message.
    public struct WriteProblem: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The outcome for one file.
    public struct FileFix: Sendable {
        public var path: String
        public var original: String
        public var result: SafeFixResult
    }

    /// Computes the fixes of the files among `inputs` (standard input and invalid UTF-8 are
    /// problems, not fixed).
    /// `setupFor` gives a file's project settings, nil when its `juesuan.toml` is broken (the
    /// file is then left alone; the lint run reports why); without it the defaults apply.
    public static func compute(_ inputs: [LintRunner.Input], catalogue: Catalogue,
                               setupFor: ((String) -> (settings: ProjectConfiguration.Settings, catalogue: Catalogue)?)? = nil) -> (files: [FileFix], problems: [LintProblem]) {
        var files: [FileFix] = []
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
            let setup: (settings: ProjectConfiguration.Settings, catalogue: Catalogue)
            if let setupFor {
                guard let found = setupFor(path) else { continue }
                setup = found
            } else {
                setup = (.init(), catalogue)
            }
            let result = SafeFixer.fix(text: text, catalogue: setup.catalogue, settings: setup.settings)
            files.append(FileFix(path: path, original: text, result: result))
        }
        return (files, problems)
    }

    /// Fixes the files among `inputs` in place; returns the lines describing the changes and
    /// the problems met (a file that could not be written, standard input, invalid UTF-8).
    public static func apply(_ inputs: [LintRunner.Input], catalogue: Catalogue,
                             setupFor: ((String) -> (settings: ProjectConfiguration.Settings, catalogue: Catalogue)?)? = nil,
                             write: Writer = writeInPlace) -> (changes: [String], problems: [LintProblem]) {
        var (files, problems) = compute(inputs, catalogue: catalogue, setupFor: setupFor)
        var changes: [String] = []
        for file in files {
            if file.result.declined > 0 {
                changes.append("\(file.path)：另有 \(file.result.declined) 处修正未采用（改了会使别处的检查结果变化，或与另一处修正矛盾），请人工核对")
            }
            guard !file.result.applied.isEmpty else { continue }
            do {
                try write(file.path, Array(file.result.text.utf8))
            } catch {
                problems.append(LintProblem(path: file.path, message: "无法写回修正：\((error as? WriteProblem)?.message ?? error.localizedDescription)"))
                continue
            }
            changes += file.result.applied.map { describe($0, path: file.path) }
        }
        files.removeAll()
        return (changes, problems)
    }

    /// `--fix --diff`: the unified diff of every file that would change.
    public static func diff(_ files: [FileFix]) -> String {
        files.filter { !$0.result.applied.isEmpty }
            .map { file in
                // `a/` and `b/` for relative paths, as git and `patch -p1` expect.
                let relative = !file.path.hasPrefix("/")
                return UnifiedDiff.render(old: file.original, new: file.result.text,
                                          oldName: relative ? "a/" + file.path : file.path, newName: relative ? "b/" + file.path : file.path)
            }
            .joined()
    }
}

/// A unified diff (`diff -u`, three lines of context) of two texts.
public enum UnifiedDiff {
    public static func render(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        // Hunks: runs of changes with up to `context` equal lines around them, merged when close.
        var index = 0
        while index < script.count {
            guard let firstChange = script[index...].firstIndex(where: { $0.kind != .same }) else { break }
            let start = max(index, firstChange - context)
            var end = firstChange
            var cursor = firstChange
            while cursor < script.count {
                if script[cursor].kind != .same { end = cursor + 1; cursor += 1; continue }
                let nextChange = script[cursor...].firstIndex { $0.kind != .same }
                if let nextChange, nextChange - end <= 2 * context { cursor = nextChange } else { break }
            }
            let stop = min(script.count, end + context)
            let hunk = script[start..<stop]
            let oldStart = hunk.first!.oldLine, newStart = hunk.first!.newLine
            let oldCount = hunk.filter { $0.kind != .inserted }.count
            let newCount = hunk.filter { $0.kind != .deleted }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            let marker = "\\ No newline at end of file\n"
            for step in hunk {
                switch step.kind {
                case .same:
                    output += " " + a[step.oldLine] + "\n"
                    if step.oldLine == a.count - 1 && !endsWithBreak(old) { output += marker }
                case .deleted:
                    output += "-" + a[step.oldLine] + "\n"
                    if step.oldLine == a.count - 1 && !endsWithBreak(old) { output += marker }
                case .inserted:
                    output += "+" + b[step.newLine] + "\n"
                    if step.newLine == b.count - 1 && !endsWithBreak(new) { output += marker }
                }
            }
            index = stop
        }
        return output
    }

    static func endsWithBreak(_ text: String) -> Bool { text.isEmpty || text.utf8.last == UInt8(ascii: "\n") }

    static func range(_ start: Int, _ count: Int) -> String {
        // 1-based; an empty range names the line before it.
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// The lines of `text`, split at LF only: a CR before it stays in the line, as in
    /// `diff -u`, so the diff of a CRLF file shows its line endings and applies with `patch`.
    static func lines(_ text: String) -> [String] {
        var result = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        if result.last == "" { result.removeLast() }   // the empty "line" after a final line break
        return result
    }

    struct Step {
        enum Kind { case same, deleted, inserted }
        var kind: Kind
        var oldLine: Int
        var newLine: Int
    }

    /// Lines kept, deleted and inserted. Fixes keep the number of lines, so the common case is
    /// a line-by-line comparison; otherwise a longest common subsequence of the changed middle.
    static func editScript(_ a: [String], _ b: [String]) -> [Step] {
        var steps: [Step] = []
        if a.count == b.count {
            for i in a.indices {
                if a[i] == b[i] { steps.append(Step(kind: .same, oldLine: i, newLine: i)) } else {
                    steps.append(Step(kind: .deleted, oldLine: i, newLine: i))
                    steps.append(Step(kind: .inserted, oldLine: i + 1, newLine: i))
                }
            }
            // Keep each changed run's deletions before its insertions, as diff -u does.
            return regroup(steps)
        }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var endA = a.count, endB = b.count
        while endA > prefix, endB > prefix, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        for i in 0..<prefix { steps.append(Step(kind: .same, oldLine: i, newLine: i)) }
        // The middle: everything deleted, then everything inserted (no alignment inside).
        for i in prefix..<endA { steps.append(Step(kind: .deleted, oldLine: i, newLine: prefix)) }
        for j in prefix..<endB { steps.append(Step(kind: .inserted, oldLine: endA, newLine: j)) }
        for k in 0..<(a.count - endA) { steps.append(Step(kind: .same, oldLine: endA + k, newLine: endB + k)) }
        return steps
    }

    static func regroup(_ steps: [Step]) -> [Step] {
        var result: [Step] = []
        var deleted: [Step] = []
        var inserted: [Step] = []
        func flush() { result += deleted + inserted; deleted.removeAll(); inserted.removeAll() }
        for step in steps {
            switch step.kind {
            case .same: flush(); result.append(step)
            case .deleted: deleted.append(step)
            case .inserted: inserted.append(step)
            }
        }
        flush()
        return result
    }
}
