@testable import JuesuanLanguageService
import XCTest

/// The semantic-token delta: edits that turn the previous result into the new one, one per
/// changed place, small when two places far apart changed.
final class SemanticTokenDeltaTests: XCTestCase {
    func testEditsTurnTheOldTokensIntoTheNew() {
        var state: UInt64 = 77
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        func token() -> [Int] { [next() % 3, next() % 40, 1 + next() % 9, next() % 10, next() % 4] }
        var sent = 0, changed = 0
        for round in 0..<300 {
            let old = (0..<(next() % 4_000)).flatMap { _ in token() }
            var new = old
            // A few changed places: tokens replaced, added or removed (whole tokens, as a line's).
            for _ in 0..<(round % 4) where !new.isEmpty {
                let at = (next() % (new.count / 5)) * 5
                let removed = min(new.count - at, (next() % 4) * 5)
                new.replaceSubrange(at..<(at + removed), with: (0..<(next() % 4)).flatMap { _ in token() })
            }
            let edits = SemanticTokenEdit.edits(from: old, to: new)
            var applied = old
            for edit in edits.reversed() {
                applied.replaceSubrange(edit.start..<(edit.start + edit.deleteCount), with: edit.data)
            }
            XCTAssertTrue(applied == new, "round \(round)")
            XCTAssertTrue(zip(edits, edits.dropFirst()).allSatisfy { $0.start + $0.deleteCount <= $1.start }, "in order, apart")
            if old == new { XCTAssertTrue(edits.isEmpty) }
            sent += edits.reduce(0) { $0 + $1.data.count }
            changed += abs(new.count - old.count) + 1
        }
        XCTAssertLessThan(sent, 40 * changed, "edits carry the changed places, not what lies between them")
    }

    /// Integers stored in pieces (as a view keeps its base's runs) give the same edits as the
    /// same integers in one array, whether the pieces share memory or not.
    func testPiecesGiveTheSameEditsAsOneArray() {
        var state: UInt64 = 5
        func next() -> Int { state = state &* 6364136223846793005 &+ 1442695040888963407; return Int(state >> 33) }
        func pieces(_ array: [Int]) -> SemanticTokenIntegers {
            var chunks: [ArraySlice<Int>] = [], at = 0
            while at < array.count {
                let length = min(array.count - at, next() % 3 == 0 ? 0 : 1 + next() % 600)
                chunks.append(array[at..<(at + length)])
                at += length
            }
            return SemanticTokenIntegers(chunks: chunks)
        }
        for round in 0..<200 {
            let old = (0..<(5 * (next() % 900))).map { _ in next() % 5 }
            var new = old
            for _ in 0..<(round % 5) where !new.isEmpty {
                let at = (next() % (new.count / 5)) * 5
                let removed = min(new.count - at, (next() % 3) * 5)
                new.replaceSubrange(at..<(at + removed), with: (0..<(5 * (next() % 3))).map { _ in 7 + next() % 3 })
            }
            let flat = SemanticTokenEdit.edits(from: old, to: new)
            let oldPieces = pieces(old), newPieces = pieces(new)
            XCTAssertEqual(oldPieces.array, old)
            XCTAssertEqual(SemanticTokenEdit.edits(from: oldPieces, to: newPieces), flat, "round \(round)")
            XCTAssertEqual(oldPieces == newPieces, old == new, "round \(round)")
            for index in Swift.stride(from: 0, to: old.count, by: 37) { XCTAssertEqual(oldPieces[index], old[index]) }
            // The same memory on both sides is taken as equal without reading it.
            XCTAssertEqual(SemanticTokenEdit.commonEnds(oldPieces, oldPieces).prefix, old.count)
        }
    }

    /// Two keystrokes far apart: two small edits, not one spanning everything between.
    func testTwoDistantChangesMakeTwoSmallEdits() {
        let old = (0..<100_000).map { $0 % 7 }
        var new = old
        new[1_000] = 99
        new.replaceSubrange(90_000..<90_005, with: [])
        let edits = SemanticTokenEdit.edits(from: old, to: new)
        XCTAssertEqual(edits.count, 2)
        XCTAssertLessThan(edits.reduce(0) { $0 + $1.data.count + $1.deleteCount }, 200)
    }
}
