import Foundation
import XCTest

/// stdout carries the protocol, so the library must never print to it.
final class SourceHygieneTests: XCTestCase {
    func testLibraryNeverPrints() throws {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/LanguageServerProtocol")
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        XCTAssertFalse(files.isEmpty, "sources not found at \(sources.path)")
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for forbidden in ["print(", "debugPrint(", "FileHandle.standardOutput", "putchar(", "puts("] {
                XCTAssertFalse(text.contains(forbidden), "\(file) uses \(forbidden)")
            }
        }
    }
}
