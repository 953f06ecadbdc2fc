import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17 (2, 3, 5): `import -o`, `fmt` and `lint --fix` write only regular files (or through
/// symbolic links to them), keep mode, owner and hard links, refuse read-only files; output
/// that cannot be written is exit 2 with a message. All through the real binary.
final class SafeWriteTests: XCTestCase {
    /// Needs formatting (misaligned columns) and has one safe fix (合计 5.00 where 3.00 is right).
    static let unformatted = "部门 某局\n年度 2024\n单位 万元\n\n表 公开09 财政拨款“三公”经费支出决算表\n列 全年预算数 决算数\n合计   5.00 4.00\n3.公务接待费      3.00   4.00\n"

    func status(_ path: String) -> stat {
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0, path)
        return info
    }

    func write(_ text: String, _ path: String, mode: mode_t = 0o644) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, mode)
    }

    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<unreadable>" }

    /// Names in the directory other than the ones given: a leftover temporary file.
    func leftovers(_ directory: URL, expected: Set<String>) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { !expected.contains($0) }
    }

    func testSpecialFilesAreRefusedAndLeftAsTheyAre() throws {
        let dir = try temporaryDirectory(self)
        let source = dir.path + "/in.txt"
        try write("部门 某局\n年度 2024\n", source)
        let fifo = dir.path + "/fifo.juesuan"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        // fmt must refuse before opening the FIFO (opening it would block with no writer). Should
        // it open it after all, a writer comes after 10 s so the test fails instead of hanging.
        let watchdog = Thread {
            Thread.sleep(forTimeInterval: 10)
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        watchdog.start()
        let started = Date()
        var run = try runBinary(["fmt", fifo])
        XCTAssertLessThan(Date().timeIntervalSince(started), 9, "fmt opened the FIFO")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.contains("不是普通文件（命名管道）"), run.err)
        run = try runBinary(["import", source, "-o", fifo, "--quiet"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(status(fifo).st_mode & S_IFMT, S_IFIFO, "the FIFO was replaced")
        // A symbolic link to a device (here /dev/null): refused, the link and the device intact.
        let link = dir.path + "/null.juesuan"
        XCTAssertEqual(symlink("/dev/null", link), 0)
        run = try runBinary(["import", source, "-o", link, "--quiet"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.contains("字符设备"), run.err)
        XCTAssertEqual(status(link).st_mode & S_IFMT, S_IFLNK)
        XCTAssertEqual(status("/dev/null").st_mode & S_IFMT, S_IFCHR)
        // A directory, and a link that points nowhere.
        run = try runBinary(["import", source, "-o", dir.path, "--quiet"])
        XCTAssertEqual(run.status, 2)
        let dangling = dir.path + "/dangling.juesuan"
        XCTAssertEqual(symlink(dir.path + "/missing/x", dangling), 0)
        run = try runBinary(["import", source, "-o", dangling, "--quiet"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.contains("符号链接"), run.err)
        XCTAssertEqual(leftovers(dir, expected: ["in.txt", "fifo.juesuan", "null.juesuan", "dangling.juesuan"]), [])
    }

    func testSymbolicLinksAreWrittenThrough() throws {
        let dir = try temporaryDirectory(self)
        let target = dir.path + "/real.juesuan"
        try write(Self.unformatted, target)
        let link = dir.path + "/link.juesuan"
        XCTAssertEqual(symlink("real.juesuan", link), 0)
        var run = try runBinary(["fmt", link])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertEqual(status(link).st_mode & S_IFMT, S_IFLNK, "the link was replaced by a copy")
        XCTAssertNotEqual(read(target), Self.unformatted, "the target was left stale")
        XCTAssertTrue(read(target).contains("合计          5.00  4.00"), read(target))
        // lint --fix through the link: the fix lands in the target.
        run = try runBinary(["lint", "--fix", link])
        XCTAssertTrue(read(target).contains("3.00  4.00\n3.公务接待费"), read(target))
        XCTAssertEqual(status(link).st_mode & S_IFMT, S_IFLNK)
        // import -o through a link.
        let source = dir.path + "/in.txt"
        try write("部门 某局\n年度 2024\n", source)
        run = try runBinary(["import", source, "-o", link, "--quiet"])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertTrue(read(target).contains("部门 某局"))
        XCTAssertEqual(status(link).st_mode & S_IFMT, S_IFLNK)
        XCTAssertEqual(leftovers(dir, expected: ["real.juesuan", "link.juesuan", "in.txt"]), [])
    }

    func testModeOwnerAndHardLinksAreKept() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.path + "/private.juesuan"
        try write(Self.unformatted, file, mode: 0o600)
        let isRoot = geteuid() == 0
        if isRoot { XCTAssertEqual(chown(file, 12_345, 23_456), 0) }
        var run = try runBinary(["fmt", file])
        XCTAssertEqual(run.status, 0, run.err)
        var info = status(file)
        XCTAssertEqual(info.st_mode & 0o7777, 0o600, "the mode changed")
        if isRoot {
            XCTAssertEqual(info.st_uid, 12_345, "the owner changed")
            XCTAssertEqual(info.st_gid, 23_456, "the group changed")
        }
        XCTAssertNotEqual(read(file), Self.unformatted)
        // Hard links: both names see the new text, one inode.
        let first = dir.path + "/a.juesuan", second = dir.path + "/b.juesuan"
        try write(Self.unformatted, first, mode: 0o640)
        XCTAssertEqual(link(first, second), 0)
        let inode = status(first).st_ino
        run = try runBinary(["lint", "--fix", second])
        XCTAssertEqual(read(first), read(second))
        XCTAssertTrue(read(first).contains("合计   3.00 4.00"), read(first))
        run = try runBinary(["fmt", first])
        XCTAssertEqual(run.status, 0, run.err)
        info = status(first)
        XCTAssertEqual(info.st_ino, inode)
        XCTAssertEqual(info.st_nlink, 2, "the hard link was broken")
        XCTAssertEqual(info.st_mode & 0o7777, 0o640)
        XCTAssertEqual(read(first), read(second))
        XCTAssertNotEqual(read(second), Self.unformatted)
        XCTAssertEqual(leftovers(dir, expected: ["private.juesuan", "a.juesuan", "b.juesuan"]), [])
    }

    func testReadOnlyFilesAreRefused() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.path + "/readonly.juesuan"
        try write(Self.unformatted, file, mode: 0o444)
        var run = try runBinary(["fmt", file])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.err.contains("只读"), run.err)
        run = try runBinary(["lint", "--fix", file])
        XCTAssertTrue(run.err.contains("只读"), run.err)
        let source = dir.path + "/in.txt"
        try write("部门 某局\n年度 2024\n", source)
        run = try runBinary(["import", source, "-o", file, "--quiet"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(read(file), Self.unformatted, "a read-only file was rewritten")
        XCTAssertEqual(status(file).st_mode & 0o7777, 0o444)
    }

    func testNewFileIsCreatedWithTheUmaskMode() throws {
        let dir = try temporaryDirectory(self)
        let source = dir.path + "/in.txt"
        try write("部门 某局\n年度 2024\n", source)
        let mask = umask(0o022)
        umask(mask)
        let run = try runBinary(["import", source, "-o", dir.path + "/new.juesuan", "--quiet"])
        XCTAssertEqual(run.status, 0, run.err)
        XCTAssertEqual(status(dir.path + "/new.juesuan").st_mode & 0o777, 0o666 & ~mask)
        XCTAssertEqual(status(dir.path + "/new.juesuan").st_mode & S_IFMT, S_IFREG)
        let missing = try runBinary(["import", source, "-o", dir.path + "/no/such/dir.juesuan", "--quiet"])
        XCTAssertEqual(missing.status, 2)
    }

    /// 5: output that cannot be written: exit 2 with a message, never a trap.
    func testOutputFailuresExitTwo() throws {
        let dir = try temporaryDirectory(self)
        let file = dir.path + "/a.juesuan"
        // 3,000 unknown keywords: 3,000 S101 lines, far more than a pipe holds.
        try write(Self.unformatted + String(repeating: "未知关键字 一些内容\n", count: 3_000), file)
        let binary = try builtBinary()
        for redirect in [">/dev/full", ">&-", "| true"] {
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            // `| true`: the reader is gone before the output is written (a large JSON report).
            let command = redirect == "| true"
                ? "(\"$0\" lint \"$1\" 2>\"$2\"; echo $? >\"$2.status\") | (exec 0<&-; sleep 0.5); cat \"$2\" >&2; exit $(cat \"$2.status\")"
                : "\"$0\" lint \"$1\" \(redirect)"
            shell.arguments = ["-c", command, binary, file, dir.path + "/err.txt"]
            let err = Pipe()
            shell.standardError = err
            try shell.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            shell.waitUntilExit()
            XCTAssertFalse(text.contains("Fatal error") || text.contains("backtrace") || text.contains("Crash"), "\(redirect): \(text)")
            XCTAssertEqual(shell.terminationStatus, 2, "\(redirect): \(text)")
            XCTAssertTrue(text.contains("无法写入标准输出"), "\(redirect): \(text)")
        }
    }
}
