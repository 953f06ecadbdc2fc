import Foundation
import JuesuanChecks
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
        /// `.juesuan` files and directories whose names are not valid UTF-8 (a GBK name): they
        /// cannot be checked, and are reported with the bytes escaped (`\xB2\xE2.juesuan`).
        public var undecodable: [String] = []
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
        guard let rawNames = entries(of: directory) else {
            var info = stat()
            let code = stat(directory, &info) == 0 ? EACCES : errno
            expansion.problems.append(LintProblem(path: directory, message: describe(errno: code)))
            return
        }
        var names: [String] = []
        for raw in rawNames where raw.first != UInt8(ascii: ".") {
            if let name = String(validating: raw, as: UTF8.self) { names.append(name); continue }
            // Not UTF-8: reported when it would have been checked (a .juesuan file or a directory).
            let path = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8) + raw
            var info = stat()
            let isDirectory = lstatBytes(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            if isDirectory || raw.reversed().starts(with: Array(fileExtension.utf8).reversed()) {
                expansion.undecodable.append(escaped(path))
            }
        }
        let sorted = names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
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

    /// The names in a directory as raw bytes (readdir), or nil when it cannot be read.
    static func entries(of directory: String) -> [[UInt8]]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    static func lstatBytes(_ path: [UInt8], _ info: inout stat) -> Int32 {
        (path + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { lstat($0, &info) }
        }
    }

    /// A path for messages: valid UTF-8 kept, every other byte written `\xHH`.
    public static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            // The longest valid UTF-8 character starting here (1–4 bytes).
            var decoded: String?
            for length in 1...4 where index + length <= bytes.count {
                if let piece = String(validating: bytes[index..<index + length], as: UTF8.self) { decoded = piece; index += length; break }
            }
            if let decoded { text += decoded } else {
                text += "\\x" + String(bytes[index], radix: 16, uppercase: true).leftPadded(2)
                index += 1
            }
        }
        return text
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
        // A regular file of known size is read straight into its array (not through a buffer
        // copied 64 KB at a time); whatever it has grown by since is read after.
        let regular = info.st_mode & S_IFMT == S_IFREG && info.st_size <= Analysis.maximumDocumentBytes
        return readToEnd(descriptor, knownSize: regular ? Int(info.st_size) : 0, name: path)
    }

    /// Standard input, read to its end.
    public static func readStandardInput() -> Result<[UInt8], LintProblem> {
        readToEnd(STDIN_FILENO, knownSize: 0, name: "-")
    }

    /// Everything `descriptor` gives until its end: the first `knownSize` bytes straight into the
    /// array, the rest 64 KB at a time, up to `Analysis.maximumDocumentBytes`.
    static func readToEnd(_ descriptor: Int32, knownSize: Int, name: String) -> Result<[UInt8], LintProblem> {
        var bytes: [UInt8] = []
        if knownSize > 0 {
            var failure: Int32 = 0
            bytes = [UInt8](unsafeUninitializedCapacity: knownSize) { storage, initialized in
                while initialized < knownSize {
                    let count = systemRead(descriptor, storage.baseAddress! + initialized, knownSize - initialized)
                    if count < 0 { failure = errno }
                    if count <= 0 { break }
                    initialized += count
                }
            }
            if failure != 0 { return .failure(LintProblem(path: name, message: describe(errno: failure))) }
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 { return .failure(LintProblem(path: name, message: describe(errno: errno))) }
            bytes.append(contentsOf: buffer[0..<count])
            // An endless or huge input (/dev/zero) stops at the limit instead of eating memory.
            if bytes.count > Analysis.maximumDocumentBytes { return .failure(LintProblem(path: name, message: tooLarge)) }
        }
        return .success(bytes)
    }

    static let tooLarge = "超过单个文档 \(Analysis.maximumDocumentBytes >> 20) MB 的上限，未检查；请把报告拆成几个文件"

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

/// `read(2)`, tried again when a signal interrupted it: the bytes read, 0 at the end, -1 on an
/// error (in `errno`).
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    while true {
        #if canImport(Glibc)
        let read = Glibc.read(descriptor, buffer, count)
        #else
        let read = Darwin.read(descriptor, buffer, count)
        #endif
        if read >= 0 || errno != EINTR { return read }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
