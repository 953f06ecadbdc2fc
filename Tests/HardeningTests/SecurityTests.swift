import Foundation
import JuesuanLint
import LanguageServerProtocol
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The server reads only what the client sends (and its embedded catalogue); `lint DIR` stays
/// inside DIR; no input makes the program run another program or write a file.
final class SecurityTests: XCTestCase {
    static let wrongTotal = HostileInputAnalysisTests.header + HostileInputAnalysisTests.wrongTotal
    static let clean = HostileInputAnalysisTests.header + HostileInputAnalysisTests.wrongTotal
        .replacingOccurrences(of: "合计 100.00 100.00", with: "合计 90.00 90.00")

    /// The document's uri names a file: the server analyses the text it was sent, never the
    /// file. One uri is a FIFO (reading it would block the server forever), one a file whose
    /// content differs, one /etc/passwd, one a file that does not exist.
    func testServerAnalysesOnlyTheTextItIsSent() throws {
        let directory = try temporaryDirectory(self)
        let fifo = directory.appendingPathComponent("fifo.juesuan")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        let different = directory.appendingPathComponent("different.juesuan")
        try Data(Self.wrongTotal.utf8).write(to: different)
        let server = try ServerProcess(self)
        server.initialize()
        let uris = [fifo.absoluteString, different.absoluteString, "file:///etc/passwd",
                    directory.appendingPathComponent("missing.juesuan").absoluteString, "file:///dev/zero", "untitled:Untitled-1"]
        for uri in uris {
            server.open(uri, Self.clean)
            let diagnostics = server.diagnostics(uri)
            XCTAssertEqual(codes(diagnostics).filter { $0 == "A202" }, [], "\(uri): the file's content was read")
            // Features answer from the sent text too.
            let symbols = server.request("textDocument/documentSymbol", ["textDocument": ["uri": .string(uri)]])
            XCTAssertNotNil(symbols.flatMap(resultOf), uri)
            let formatting = server.request("textDocument/formatting", ["textDocument": ["uri": .string(uri)], "options": ["tabSize": 4, "insertSpaces": true]])
            XCTAssertNotNil(formatting.flatMap(resultOf), uri)
        }
        // A document that is not open is not looked up on disk.
        XCTAssertEqual(errorCodeOf(server.request("textDocument/hover", ["textDocument": ["uri": .string(different.absoluteString + "x")], "position": ["line": 0, "character": 0]])), .requestFailed)
        server.request("shutdown")
        server.notify("exit")
        XCTAssertEqual(server.waitForExit(), 0)
        // The files are as they were, and nothing was created next to them.
        XCTAssertEqual(try String(contentsOf: different, encoding: .utf8), Self.wrongTotal)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["different.juesuan", "fifo.juesuan"])
    }

    /// A server session with every kind of request writes no file, in its working directory or
    /// next to the documents.
    func testServerWritesNoFile() throws {
        let directory = try temporaryDirectory(self)
        let server = try ServerProcess(self, workingDirectory: directory)
        server.initialize()
        let uri = directory.appendingPathComponent("a.juesuan").absoluteString
        server.open(uri, Self.wrongTotal)
        _ = server.diagnostics(uri)
        let document: JSONValue = ["uri": .string(uri)]
        let position: JSONValue = ["line": 4, "character": 3]
        let range: JSONValue = ["start": ["line": 0, "character": 0], "end": ["line": 9, "character": 0]]
        for (method, params) in [("textDocument/hover", ["textDocument": document, "position": position]),
                                 ("textDocument/completion", ["textDocument": document, "position": position]),
                                 ("textDocument/codeAction", ["textDocument": document, "range": range, "context": ["diagnostics": []]]),
                                 ("textDocument/formatting", ["textDocument": document, "options": ["tabSize": 4, "insertSpaces": true]]),
                                 ("textDocument/rangeFormatting", ["textDocument": document, "range": range, "options": ["tabSize": 4, "insertSpaces": true]]),
                                 ("textDocument/semanticTokens/full", ["textDocument": document]),
                                 ("textDocument/diagnostic", ["textDocument": document]),
                                 ("textDocument/inlayHint", ["textDocument": document, "range": range]),
                                 ("textDocument/definition", ["textDocument": document, "position": position]),
                                 ("textDocument/references", ["textDocument": document, "position": position, "context": ["includeDeclaration": true]])] as [(String, JSONValue)] {
            XCTAssertNotNil(server.request(method, params).flatMap(resultOf), method)
        }
        server.notify("textDocument/didSave", ["textDocument": document])
        server.notify("textDocument/didClose", ["textDocument": document])
        server.request("shutdown")
        server.notify("exit")
        XCTAssertEqual(server.waitForExit(), 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "the server wrote a file")
    }

    /// `lint DIR` does not follow symbolic links out of DIR (a file link, a directory link, a
    /// link to /etc/passwd, a link loop), through the built binary.
    /// (Tests/JuesuanLintTests/FileInputTests.testDirectoryWalk covers the walk in process.)
    func testLintDirectoryStaysInside() throws {
        let base = try temporaryDirectory(self)
        let root = base.appendingPathComponent("root")
        let outside = base.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(Self.clean.utf8).write(to: root.appendingPathComponent("sub/in.juesuan"))
        try Data(Self.wrongTotal.utf8).write(to: outside.appendingPathComponent("out.juesuan"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("out-link.juesuan").path, withDestinationPath: outside.appendingPathComponent("out.juesuan").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("out-dir").path, withDestinationPath: "../outside")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("passwd.juesuan").path, withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("self.juesuan").path, withDestinationPath: "self.juesuan")
        let run = try runBinary(["lint", "--format", "json", root.path])
        XCTAssertEqual(run.status, 0, run.out + run.err)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let paths = (json["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        XCTAssertEqual(paths, [root.path + "/sub/in.juesuan"])
        XCTAssertFalse(run.out.contains("passwd") || run.out.contains("out.juesuan"))
    }

    /// Sources never start a program, and write files only where a command is told to: the
    /// in-place rewrites of `lint --fix` and `fmt`, and `import -o FILE`. The modules the
    /// language server is built from open no file at all (the catalogue is embedded).
    func testSourcesNeverSpawnAndWriteOnlyWhereAllowed() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let spawn = ["Process(", "posix_spawn", "system(", "execv", "execl", "execve", "popen(", "fork(", "dlopen(", "NSTask", "Foundation.Process"]
        let write = [".write(to: URL", ".write(toFile:", "write(to: url", "createFile(", "createDirectory(", "removeItem(", "moveItem(", "copyItem(",
                     "replaceItem", "fopen(", "O_WRONLY", "O_RDWR", "O_CREAT", "unlink(", "rename(", "mkdir(", "FileHandle(forWriting", "FileHandle(forUpdating",
                     "truncate(", "symlink(", "createSymbolicLink", "chmod(", "setAttributes"]
        let read = ["open(", "fopen(", "String(contentsOf", "Data(contentsOf", "contentsOfFile", "FileManager", "FileHandle(for", "opendir(", "readlink(", "contentsOfDirectory"]
        // The one file that writes files (SafeFileWriter: regular files only, metadata kept) and
        // the calls it may make; the commands that may call it.
        let writer = "JuesuanLint/SafeFileWriter.swift"
        let writerCalls: Set<String> = ["O_WRONLY", "O_CREAT", "unlink(", "rename("]
        let allowedCallers: Set<String> = [
            "JuesuanLint/LintFix.swift",          // lint --fix: the checked file
            "JuesuanTools/FmtCommand.swift",      // fmt: the formatted file
            "JuesuanTools/ImportCommand.swift",   // import -o FILE
            "JuesuanTools/RenderCommand.swift",   // render: -o FILE, or NAME.html next to the input
        ]
        var callers: Set<String> = []
        var writerSeen: Set<String> = []
        let serverModules = ["JuesuanServer", "JuesuanLanguageService", "LanguageServerProtocol", "JuesuanChecks", "JuesuanModel",
                             "JuesuanSyntax", "JuesuanCatalogue", "JuesuanFormat"]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path))
        var files = 0
        for case let relative as String in enumerator where relative.hasSuffix(".swift") {
            files += 1
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            let code = Self.strippingCommentsAndStrings(text)
            // import of .pdf / .docx runs pdftotext / unzip (issue 13); nothing else starts a program.
            for pattern in spawn where Self.containsCall(code, pattern) && !(relative == "JuesuanImport/DocumentReaders.swift" && pattern == "Process(") {
                XCTFail("\(relative) may start a program (\(pattern))")
            }
            for pattern in write where Self.containsCall(code, pattern) {
                if relative == writer, writerCalls.contains(pattern) {
                    writerSeen.insert(pattern)
                } else {
                    XCTFail("\(relative) may write a file (\(pattern))")
                }
            }
            if relative != writer, code.contains("SafeFileWriter.write(") { callers.insert(relative) }
            let module = String(relative.prefix { $0 != "/" })
            if serverModules.contains(module) {
                for pattern in read where Self.containsCall(code, pattern) {
                    XCTFail("\(relative): the server's modules must not read files (\(pattern))")
                }
            }
        }
        XCTAssertGreaterThan(files, 50)
        XCTAssertEqual(writerSeen, writerCalls, "the writer moved: update the list")
        XCTAssertEqual(callers, allowedCallers, "a new caller of SafeFileWriter: update the list")
    }

    /// `open(` also matches `isOpen(` or `.open(`; count only a free call.
    static func containsCall(_ code: String, _ pattern: String) -> Bool {
        var search = code[...]
        while let range = search.range(of: pattern) {
            let before = range.lowerBound == code.startIndex ? " " : code[code.index(before: range.lowerBound)]
            let declaration = code[..<range.lowerBound].hasSuffix("func ")
            if pattern.first!.isLetter, before.isLetter || before.isNumber || before == "_" || before == "." || declaration {
                search = search[range.upperBound...]
                continue
            }
            return true
        }
        return false
    }

    /// Swift source without `//` and `/* */` comments and without string literal contents
    /// (enough for a grep: no nested comments, raw strings treated as plain strings).
    static func strippingCommentsAndStrings(_ text: String) -> String {
        var out = ""
        var chars = Array(text.unicodeScalars)[...]
        var inString = false
        while let c = chars.first {
            chars = chars.dropFirst()
            if inString {
                if c == "\\" { chars = chars.dropFirst(); continue }
                if c == "\"" { inString = false; out.unicodeScalars.append(c) }
                else if c == "\n" { out.unicodeScalars.append(c) }
                continue
            }
            if c == "/" && chars.first == "/" {
                while let d = chars.first, d != "\n" { chars = chars.dropFirst() }
                continue
            }
            if c == "/" && chars.first == "*" {
                chars = chars.dropFirst()
                while !chars.isEmpty && !(chars.first == "*" && chars.dropFirst().first == "/") { chars = chars.dropFirst() }
                chars = chars.dropFirst(2)
                continue
            }
            if c == "\"" { inString = true }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
