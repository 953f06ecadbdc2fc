import Foundation
import XCTest
@testable import JuesuanLint

final class FileInputTests: XCTestCase {
    /// root/
    ///   b.juesuan, a.juesuan, notes.txt, .hidden.juesuan, .git/x.juesuan
    ///   sub/c.juesuan
    ///   inside-link.juesuan → sub/c.juesuan        (checked: target inside)
    ///   outside-link.juesuan → ../outside/o.juesuan (skipped: target outside)
    ///   linkdir → ../outside                         (skipped: symlinked directory)
    ///   dangling.juesuan → nowhere                   (skipped)
    func testDirectoryWalk() throws {
        let base = try temporaryDirectory(self)
        let root = base.appendingPathComponent("root")
        let outside = base.appendingPathComponent("outside")
        try write(Fixtures.clean, to: root.appendingPathComponent("b.juesuan"))
        try write(Fixtures.wrongTotal, to: root.appendingPathComponent("a.juesuan"))
        try write("not a report", to: root.appendingPathComponent("notes.txt"))
        try write(Fixtures.clean, to: root.appendingPathComponent(".hidden.juesuan"))
        try write(Fixtures.clean, to: root.appendingPathComponent(".git/x.juesuan"))
        try write(Fixtures.clean, to: root.appendingPathComponent("sub/c.juesuan"))
        try write(Fixtures.wrongTotal, to: outside.appendingPathComponent("o.juesuan"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("inside-link.juesuan").path, withDestinationPath: "sub/c.juesuan")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("outside-link.juesuan").path, withDestinationPath: "../outside/o.juesuan")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("linkdir").path, withDestinationPath: "../outside")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("dangling.juesuan").path, withDestinationPath: "nowhere")

        let expansion = FileInput.expand(root.path)
        XCTAssertTrue(expansion.problems.isEmpty)
        let names = expansion.files.map { String($0.dropFirst(root.path.count + 1)) }
        XCTAssertEqual(names, ["a.juesuan", "b.juesuan", "inside-link.juesuan", "sub/c.juesuan"])

        // Through the command: the outside file's error is never seen.
        let run = runTool(["lint", "--format", "json", root.path])
        XCTAssertEqual(run.status, 1)
        let json = try XCTUnwrap(try parseJSON(run.out) as? [String: Any])
        let paths = (json["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        XCTAssertEqual(paths, ["a.juesuan", "b.juesuan", "inside-link.juesuan", "sub/c.juesuan"].map { root.path + "/" + $0 })
        XCTAssertEqual((json["summary"] as? [String: Int])?["errors"], 2)

        // A trailing slash does not double the separator.
        XCTAssertEqual(FileInput.expand(root.path + "/").files.first, root.path + "/a.juesuan")
        // A symbolic link named on the command line is followed.
        XCTAssertEqual(FileInput.expand(root.appendingPathComponent("outside-link.juesuan").path).files.count, 1)
        // So is a symlinked directory named explicitly; its own links are judged against its target.
        XCTAssertEqual(FileInput.expand(root.appendingPathComponent("linkdir").path).files.count, 1)
    }

    func testEmptyDirectoryIsAProblem() throws {
        let base = try temporaryDirectory(self)
        let run = runTool(["lint", base.path])
        XCTAssertEqual(run.status, 2)   // checking nothing must not pass
        XCTAssertTrue(run.err.contains("目录中没有 .juesuan 文件"))
        XCTAssertTrue(run.out.contains("检查了 0 个文件"))
    }

    /// A missing file is reported on stderr, the others are still checked, and the exit status is 2.
    func testMissingFileIsReportedAndOthersChecked() throws {
        let base = try temporaryDirectory(self)
        let good = base.appendingPathComponent("bad-total.juesuan")
        try write(Fixtures.wrongTotal, to: good)
        let missing = base.appendingPathComponent("missing.juesuan").path
        let run = runTool(["lint", missing, good.path])
        XCTAssertEqual(run.status, 2, "an I/O problem wins over findings")
        XCTAssertTrue(run.err.contains("juesuan: \(missing)：无法读取：文件或目录不存在"), run.err)
        XCTAssertTrue(run.out.contains("error[A202]"))
        XCTAssertTrue(run.out.contains("检查了 1 个文件：2 个错误，0 个警告，0 个提示；1 个路径无法读取"))

        let json = runTool(["lint", "--format", "json", missing])
        XCTAssertEqual(json.status, 2)
        _ = try parseJSON(json.out)
    }

    func testUnreadableFile() throws {
        let base = try temporaryDirectory(self)
        let locked = base.appendingPathComponent("locked.juesuan")
        try write(Fixtures.clean, to: locked)
        chmod(locked.path, 0o000)
        let probe = open(locked.path, O_RDONLY)
        if probe >= 0 {
            close(probe)
            throw XCTSkip("running with privileges that ignore file permissions")
        }
        let other = base.appendingPathComponent("other.juesuan")
        try write(Fixtures.clean, to: other)
        let run = runTool(["lint", locked.path, other.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.contains("没有读取权限"), run.err)
        XCTAssertTrue(run.out.contains("检查了 1 个文件"))
    }

    /// A file that opens but cannot be read, even by root: /proc/self/mem fails at offset 0.
    func testFileThatFailsWhileReading() throws {
        let path = "/proc/self/mem"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no /proc") }
        guard case .failure(let problem) = FileInput.read(path) else { return XCTFail("read should fail") }
        XCTAssertTrue(problem.message.hasPrefix("无法读取："), problem.message)
        let base = try temporaryDirectory(self)
        let other = base.appendingPathComponent("other.juesuan")
        try write(Fixtures.wrongTotal, to: other)
        let run = runTool(["lint", path, other.path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.contains("juesuan: /proc/self/mem：无法读取："), run.err)
        XCTAssertTrue(run.out.contains("检查了 1 个文件：2 个错误"), run.out)
    }

    func testReadErrors() throws {
        let base = try temporaryDirectory(self)
        let file = base.appendingPathComponent("f.juesuan")
        try write("x", to: file)
        // A path through a regular file.
        guard case .failure(let notDirectory) = FileInput.read(file.path + "/x.juesuan") else { return XCTFail() }
        XCTAssertTrue(notDirectory.message.contains("路径中有一段不是目录"))
        guard case .failure(let directory) = FileInput.read(base.path) else { return XCTFail() }
        XCTAssertTrue(directory.message.contains("是一个目录"))
        guard case .success(let bytes) = FileInput.read(file.path) else { return XCTFail() }
        XCTAssertEqual(bytes, [UInt8(ascii: "x")])
    }

    /// A regular file is read straight into its array at its size: every byte comes back, at
    /// sizes around the old 64 KB buffer; a file that says it is empty but is not (`/proc`) is
    /// read to its end all the same.
    func testFilesReadWholeAtEverySize() throws {
        let base = try temporaryDirectory(self)
        var random = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 4095, 65_535, 65_536, 65_537, 200_003] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
            let file = base.appendingPathComponent("f\(size).juesuan")
            try Data(bytes).write(to: file)
            guard case .success(let read) = FileInput.read(file.path) else { return XCTFail("\(size)") }
            XCTAssertEqual(read, bytes, "\(size)")
        }
        if FileManager.default.fileExists(atPath: "/proc/self/status") {
            guard case .success(let status) = FileInput.read("/proc/self/status") else { return XCTFail() }
            XCTAssertTrue(String(decoding: status, as: UTF8.self).contains("Name:"))
        }
    }

    func testSameFileTwiceIsCheckedOnce() throws {
        let base = try temporaryDirectory(self)
        let file = base.appendingPathComponent("a.juesuan")
        try write(Fixtures.wrongTotal, to: file)
        let run = runTool(["lint", file.path, base.path])
        XCTAssertTrue(run.out.contains("检查了 1 个文件"), run.out)
    }
}
