import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way `import -o`, `fmt` and `lint --fix` write a file (issue 17).
///
/// - Only a regular file, or a symbolic link to one, is written; a FIFO, a device, a socket or
///   a directory is refused, and so is a file without write permission (even for root).
/// - A symbolic link is written through: its target gets the text, the link stays a link.
/// - The file keeps its mode, owner and group. With one link it is replaced atomically: a
///   temporary file in the target's own directory, given the same mode and owner, renamed over
///   it. With hard links (or when the owner cannot be given to a new file) it is rewritten in
///   place so every link sees the new text; a copy of the new text is kept beside it until
///   the write is complete, so an interrupted write never loses it.
/// - A path that does not exist yet is created (mode from the umask), also via rename.
public enum SafeFileWriter {
    /// Why a write was refused or failed, in the user's words.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
    }

    public static func write(_ text: String, to path: String) throws(Problem) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws(Problem) {
        guard let (target, info) = try inspect(path) else {
            try create(bytes, at: path)
            return
        }
        if info.st_nlink == 1, (try? replace(bytes, target: target, like: info)) != nil { return }
        try rewriteInPlace(bytes, target: target, like: info)
    }

    /// Why `path` may not be rewritten, or nil when it may (checked before reading it, so a
    /// FIFO is never opened).
    public static func refusal(for path: String) -> Problem? {
        do { _ = try inspect(path); return nil } catch { return error }
    }

    /// The file a write would change and its status; nil when the path does not exist yet.
    static func inspect(_ path: String) throws(Problem) -> (String, stat)? {
        var linkInfo = stat()
        guard !path.isEmpty else { throw Problem(message: "路径为空") }
        if lstat(path, &linkInfo) != 0 {
            guard errno == ENOENT else { throw Problem(message: "无法访问：\(reason(errno))") }
            return nil
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            throw Problem(message: linkInfo.st_mode & S_IFMT == S_IFLNK ? "是指向不存在的文件的符号链接，拒绝写入（\(reason(code))）" : "无法访问：\(reason(code))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Problem(message: "不是普通文件（\(kind(info.st_mode))），拒绝写入；只改写普通文件或指向普通文件的符号链接")
        }
        // Write through symbolic links to the file they finally name.
        var target = path
        if linkInfo.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else { throw Problem(message: "无法解析符号链接：\(reason(errno))") }
            target = String(cString: resolved)
            free(resolved)
        }
        guard info.st_mode & 0o222 != 0, access(target, W_OK) == 0 else {
            throw Problem(message: "文件只读（权限 \(String(info.st_mode & 0o7777, radix: 8))），拒绝改写；需要改写时请先加上写权限")
        }
        return (target, info)
    }

    // MARK: Strategies

    /// A temporary file beside the target with the target's mode and owner, renamed over it.
    static func replace(_ bytes: [UInt8], target: String, like info: stat) throws(Problem) {
        let (fd, temporary) = try temporaryFile(besides: target, mode: 0o600)
        var ok = false
        defer { if !ok { close(fd); unlink(temporary) } }
        // The owner first: changing it may clear set-id bits, which fchmod then restores.
        if info.st_uid != geteuid() || info.st_gid != getegid() {
            guard fchown(fd, info.st_uid, info.st_gid) == 0 else { throw Problem(message: "无法保留文件的属主") }
        }
        guard fchmod(fd, info.st_mode & 0o7777) == 0 else { throw Problem(message: "无法保留文件的权限") }
        try writeAll(fd, bytes)
        guard fsync(fd) == 0 else { throw Problem(message: "写入失败：\(reason(errno))") }
        close(fd)
        ok = true
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            throw Problem(message: "无法替换文件：\(reason(code))")
        }
    }

    /// Keeps the inode (hard links, owner, mode, extended attributes): the new text goes over
    /// the old one, after a safety copy of it beside the file.
    static func rewriteInPlace(_ bytes: [UInt8], target: String, like info: stat) throws(Problem) {
        var safetyCopy: String?
        if let (fd, temporary) = try? temporaryFile(besides: target, mode: 0o600) {
            if (try? writeAll(fd, bytes)) != nil, fsync(fd) == 0 { safetyCopy = temporary } else { unlink(temporary) }
            close(fd)
        }
        let fd = open(target, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else {
            if let safetyCopy { unlink(safetyCopy) }
            throw Problem(message: "无法打开以写入：\(reason(errno))")
        }
        defer { close(fd) }
        do throws(Problem) {
            try writeAll(fd, bytes)
            guard ftruncate(fd, off_t(bytes.count)) == 0, fsync(fd) == 0 else { throw Problem(message: "写入失败：\(reason(errno))") }
        } catch {
            let kept = safetyCopy.map { "；新内容完整保存在 \($0)" } ?? ""
            throw Problem(message: error.message + kept)
        }
        if let safetyCopy { unlink(safetyCopy) }
    }

    /// A new file: written beside its final name, then renamed (the umask gives the mode).
    static func create(_ bytes: [UInt8], at path: String) throws(Problem) {
        let (fd, temporary) = try temporaryFile(besides: path, mode: 0o666)
        var ok = false
        defer { if !ok { close(fd); unlink(temporary) } }
        try writeAll(fd, bytes)
        guard fsync(fd) == 0 else { throw Problem(message: "写入失败：\(reason(errno))") }
        close(fd)
        ok = true
        // link() would refuse an existing name, but a name that appeared meanwhile is replaced
        // like any file: only the moment is different.
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Problem(message: "无法创建文件：\(reason(code))")
        }
    }

    // MARK: Helpers

    static func temporaryFile(besides path: String, mode: mode_t) throws(Problem) -> (Int32, String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        for attempt in 0..<16 {
            let temporary = "\(directory).\(name).juesuan-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(attempt).tmp"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
            if fd >= 0 { return (fd, temporary) }
            if errno != EEXIST { throw Problem(message: "无法在文件所在的目录中写入：\(reason(errno))") }
        }
        throw Problem(message: "无法在文件所在的目录中创建临时文件")
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Problem) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Problem(message: "写入失败：\(reason(errno))")
            }
            written += n
        }
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "目录"
        case S_IFIFO: "命名管道"
        case S_IFCHR: "字符设备"
        case S_IFBLK: "块设备"
        case S_IFSOCK: "套接字"
        default: "特殊文件"
        }
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "目录不存在"
        case EACCES, EPERM: "没有权限"
        case EROFS: "文件系统只读"
        case ENOSPC: "磁盘已满"
        case EISDIR: "是目录"
        case ENOTDIR: "路径中有一部分不是目录"
        default: String(cString: strerror(code))
        }
    }
}
