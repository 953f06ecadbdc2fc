import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding and reading the files `lint` checks.
///
/// A path named on the command line is always read (a file of any name, a
/// symbolic link, a pipe such as `/dev/stdin`). A directory is searched
/// recursively for `*.juesuan`, in byte order of the names, depth first, with
/// these exceptions:
/// - entries whose names start with `.` (`.git`, `.build`, editor backups) are skipped;
/// - symbolic links to directories are never followed;
/// - a symbolic link to a file is checked only if its target lies inside the
///   directory being searched (after resolving every link), under the link's path.
public enum FileInput {
    /// The extension of the language's files.
    public static let fileExtension = ".juesuan"

    /// What a command-line path stands for.
    public struct Expansion: Sendable {
        public var files: [String] = []
        public var problems: [LintProblem] = []
        /// True when the path is a directory (even one with no `.juesuan` file).
        public var isDirectory = false
    }

    public static func expand(_ path: String) -> Expansion {
        var expansion = Expansion()
        var info = stat()
        guard stat(path, &info) == 0 else {
            expansion.problems.append(LintProblem(path: path, message: describe(errno: errno)))
            return expansion
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            expansion.isDirectory = true
            let root = resolved(path) ?? path
            walk(directory: path, root: root, into: &expansion)
        } else {
            expansion.files.append(path)
        }
        return expansion
    }

    static func walk(directory: String, root: String, into expansion: inout Expansion) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            var info = stat()
            let code = stat(directory, &info) == 0 ? EACCES : errno
            expansion.problems.append(LintProblem(path: directory, message: describe(errno: code)))
            return
        }
        let sorted = names.filter { !$0.hasPrefix(".") }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in sorted {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(directory: path, root: root, into: &expansion)
            case S_IFREG:
                if name.hasSuffix(fileExtension) { expansion.files.append(path) }
            case S_IFLNK:
                guard name.hasSuffix(fileExtension) else { continue }
                var target = stat()
                // Dangling links and links to directories are skipped.
                guard stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG,
                      let real = resolved(path), isInside(real, root: root) else { continue }
                expansion.files.append(path)
            default:
                continue
            }
        }
    }

    /// Whether `path` (fully resolved) is `root` or lies below it.
    static func isInside(_ path: String, root: String) -> Bool {
        if root == "/" { return true }
        return path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// The path with every symbolic link resolved, or nil if that fails.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Reads a whole file, or says in Chinese why it could not.
    public static func read(_ path: String) -> Result<[UInt8], LintProblem> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(LintProblem(path: path, message: describe(errno: errno))) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            return .failure(LintProblem(path: path, message: describe(errno: EISDIR)))
        }
        var bytes: [UInt8] = []
        if info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(LintProblem(path: path, message: describe(errno: errno)))
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return .success(bytes)
    }

    /// Standard input, read to its end.
    public static func readStandardInput() -> Result<[UInt8], LintProblem> {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(LintProblem(path: "-", message: describe(errno: errno)))
            }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return .success(bytes)
    }

    /// A Chinese explanation of a system error, with the system's own words.
    static func describe(errno code: Int32) -> String {
        let system = String(cString: strerror(code))
        let chinese: String
        switch code {
        case ENOENT: chinese = "文件或目录不存在"
        case EACCES, EPERM: chinese = "没有读取权限"
        case EISDIR: chinese = "是一个目录"
        case ENOTDIR: chinese = "路径中有一段不是目录"
        case ELOOP: chinese = "符号链接循环"
        case ENAMETOOLONG: chinese = "路径太长"
        default: chinese = "读取失败"
        }
        return "无法读取：\(chinese)（\(system)）"
    }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(descriptor, buffer, count)
    #else
    return Darwin.read(descriptor, buffer, count)
    #endif
}
