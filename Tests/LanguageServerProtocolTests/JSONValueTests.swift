import Foundation
import XCTest
@testable import LanguageServerProtocol

final class JSONValueTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

    private func assertRejects(_ bytes: [UInt8], _ reason: JSONParseError.Reason? = nil,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try JSONValue(parsing: bytes), "accepted \(String(decoding: bytes, as: UTF8.self))",
                             file: file, line: line) { error in
            guard let reason else { return }
            XCTAssertEqual((error as? JSONParseError)?.reason, reason, file: file, line: line)
        }
    }

    private func assertRejects(_ text: String, _ reason: JSONParseError.Reason? = nil,
                               file: StaticString = #filePath, line: UInt = #line) {
        assertRejects(Array(text.utf8), reason, file: file, line: line)
    }

    func testScalars() throws {
        XCTAssertEqual(try parse("null"), .null)
        XCTAssertEqual(try parse(" true "), .bool(true))
        XCTAssertEqual(try parse("\tfalse\r\n"), .bool(false))
        XCTAssertEqual(try parse("\"\""), .string(""))
    }

    func testNumbers() throws {
        XCTAssertEqual(try parse("0"), .int(0))
        XCTAssertEqual(try parse("-0"), .int(0))
        XCTAssertEqual(try parse("363"), .int(363))
        XCTAssertEqual(try parse("-45"), .int(-45))
        XCTAssertEqual(try parse("363.59"), .double(363.59))
        XCTAssertEqual(try parse("1e3"), .double(1000))
        XCTAssertEqual(try parse("-2.5E-3"), .double(-0.0025))
        XCTAssertEqual(try parse("9223372036854775807"), .int(Int.max))
        XCTAssertEqual(try parse("-9223372036854775808"), .int(Int.min))
        // One past Int.max no longer fits, so it degrades to a double rather than failing.
        XCTAssertEqual(try parse("9223372036854775808"), .double(9223372036854775808.0))
    }

    func testRoundTripIsCompactAndSorted() throws {
        let text = #"{ "z" : [1, 2.5, "x", null, true, false], "a" : { "c" : {}, "b" : [] }, "m": -7 }"#
        let value = try parse(text)
        XCTAssertEqual(value.serializedString(), #"{"a":{"b":[],"c":{}},"m":-7,"z":[1,2.5,"x",null,true,false]}"#)
        XCTAssertEqual(try JSONValue(parsing: value.serialized()), value)
    }

    /// Integers are written digit by digit (no String made): every width, both signs, the ends.
    func testIntegersAreWrittenExactly() throws {
        var values = [0, 7, -7, 10, -10, Int.max, Int.min, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power, power - 1, -power, -(power - 1)]
        }
        for value in values {
            XCTAssertEqual(JSONValue.int(value).serializedString(), String(value))
        }
        // Keys sorted whatever order the dictionary keeps them in, also with many members.
        let members = Dictionary(uniqueKeysWithValues: (0..<300).map { ("k\(1000 - $0)", JSONValue.int($0)) })
        let keys = try XCTUnwrap(JSONValue(parsing: JSONValue.object(members).serialized()).objectValue).keys
        XCTAssertEqual(keys.count, 300)
        let text = JSONValue.object(members).serializedString()
        let order = members.keys.sorted().map { "\"\($0)\":" }
        var from = text.startIndex
        for key in order {
            let found = try XCTUnwrap(text.range(of: key, range: from..<text.endIndex), key)
            from = found.upperBound
        }
    }

    func testCJKStringsStayRawUTF8() throws {
        let value = try parse(#"{"name":"收入支出决算总表","path":"file:///tmp/决算.jsr"}"#)
        XCTAssertEqual(value["name"]?.stringValue, "收入支出决算总表")
        let out = value.serializedString()
        XCTAssertEqual(out, #"{"name":"收入支出决算总表","path":"file:///tmp/决算.jsr"}"#)
        XCTAssertFalse(out.contains("\\u"), "non-ASCII must not be escaped")
        XCTAssertFalse(out.contains("\\/"), "slashes must not be escaped")
        // 8 CJK characters × 3 bytes each, plus the quotes.
        XCTAssertEqual(JSONValue.string("收入支出决算总表").serialized().count, 26)
    }

    func testEscapesDecode() throws {
        XCTAssertEqual(try parse(#""a\"b\\c\/d\b\f\n\r\t""#), .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        XCTAssertEqual(try parse(#""\u8868\u0041""#), .string("表A"))
        XCTAssertEqual(try parse(#""\u0000""#), .string("\u{0}"))
    }

    func testEmojiSurrogatePairEscape() throws {
        let value = try parse(#""x\ud83d\ude00y""#)
        XCTAssertEqual(value, .string("x😀y"))
        XCTAssertEqual(value.serialized(), Array("\"x😀y\"".utf8))
        XCTAssertEqual(try parse(#""\uD840\uDC0B""#), .string("𠀋"))
    }

    func testLoneSurrogatesBecomeReplacementCharacter() throws {
        XCTAssertEqual(try parse(#""\ud83d""#), .string("\u{FFFD}"))
        XCTAssertEqual(try parse(#""\ude00x""#), .string("\u{FFFD}x"))
        // A high surrogate followed by a non-surrogate escape keeps the second escape.
        XCTAssertEqual(try parse(#""\ud83d\u0041""#), .string("\u{FFFD}A"))
        XCTAssertEqual(try parse(#""\ud83d\ud83d\ude00""#), .string("\u{FFFD}😀"))
    }

    func testSerializerEscapesControlCharacters() {
        let value = JSONValue.string("a\"b\\c\n\r\t\u{1}\u{1F}/é")
        XCTAssertEqual(value.serializedString(), #""a\"b\\c\n\r\t\u0001\u001f/é""#)
        XCTAssertEqual(try JSONValue(parsing: value.serialized()), value)
    }

    func testDoubleSerialization() throws {
        XCTAssertEqual(JSONValue.double(0.1).serializedString(), "0.1")
        XCTAssertEqual(JSONValue.double(363.59).serializedString(), "363.59")
        XCTAssertEqual(JSONValue.double(.nan).serializedString(), "null")
        XCTAssertEqual(JSONValue.double(.infinity).serializedString(), "null")
        for d in [1e-7, 5e20, -0.0, 123456.789, Double.leastNonzeroMagnitude] {
            XCTAssertEqual(try JSONValue(parsing: JSONValue.double(d).serialized()).doubleValue, d)
        }
    }

    func testRejectsMalformedInput() {
        let bad = ["", " ", "{", "[", "[1,", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":}",
                   "01", "-01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "tru", "nul", "True", "NaN",
                   "Infinity", "'a'", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\", "[1] x", "{} {}",
                   "\"a\nb\"", "\"tab\there\"", "[1 2]", "{\"a\":1 \"b\":2}", "\u{FEFF}{}", "收入", "//c\n1"]
        for text in bad { assertRejects(text) }
    }

    func testRejectionReasons() {
        assertRejects("[1] x", .trailingData)
        assertRejects("01", .trailingData)
        assertRejects("[1,", .unexpectedEndOfInput)
        assertRejects("\"abc", .unexpectedEndOfInput)
        assertRejects("1e999", .numberOutOfRange)
        assertRejects("\"\\q\"", .invalidEscape)
        assertRejects("\"a\u{1}\"", .controlCharacterInString)
        assertRejects("1.e5", .invalidNumber)
    }

    func testEscapesMixedWithRawCJK() throws {
        XCTAssertEqual(try parse(#""收\n入\u8868𠀋\t""#), .string("收\n入表𠀋\t"))
        assertRejects([0x22, 0x5C, 0x6E, 0xFF, 0x22], .invalidUTF8)              // bad byte after an escape
        assertRejects([0x22, 0xE8, 0xA1, 0x5C, 0x6E, 0x22], .invalidUTF8)        // truncated 表 before an escape
    }

    /// The eight-bytes-at-a-time test (the parser's and the serializer's) finds a quote, a backslash or a control byte exactly when
    /// one is there, on random words built around the edges (0x1F/0x20, 0x21–0x23, 0x5B–0x5D, 0xFF).
    func testStringSpecialByteWordTestIsExact() {
        var rng = SplitMix64(seed: 77)
        let edges: [UInt8] = [0x00, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA2, 0xDC, 0xE8, 0xFF]
        for _ in 0..<200_000 {
            var bytes: [UInt8] = []
            for _ in 0..<8 {
                let random = rng.next()
                bytes.append(random % 5 == 0 ? edges[Int(random >> 8) % edges.count] : UInt8(truncatingIfNeeded: random >> 16))
            }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            XCTAssertEqual(JSONStringBytes.hasSpecialByte(word), bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }, "\(bytes)")
        }
    }

    /// Strings with escapes anywhere (at every offset around the eight-byte steps) and raw CJK
    /// between them decode to the text the serializer wrote; a raw control byte anywhere is refused.
    func testLongStringsWithEscapesAtEveryOffset() throws {
        var rng = SplitMix64(seed: 78)
        let pieces = ["表", "a", "0123456", "\n", "\"", "\\", "\t", "𠀋", "收入合计 ", "/", "\u{1}"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(rng.next() % 60) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let value = JSONValue.string(text)
            XCTAssertEqual(try JSONValue(parsing: value.serialized()), value, text)
            // The serializer copies the runs between escapes whole: the bytes are those of an
            // escape written byte by byte.
            var expected = Array("\"".utf8)
            for byte in text.utf8 {
                switch byte {
                case 0x22: expected += Array("\\\"".utf8)
                case 0x5C: expected += Array("\\\\".utf8)
                case 0x0A: expected += Array("\\n".utf8)
                case 0x09: expected += Array("\\t".utf8)
                case 0x00..<0x20: expected += Array(String(format: "\\u%04x", byte).utf8)
                default: expected.append(byte)
                }
            }
            expected += Array("\"".utf8)
            XCTAssertEqual(value.serialized(), expected, text)
            var raw = Array(#"{"text":""#.utf8) + Array(text.utf8.filter { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) + Array(#""}"#.utf8)
            XCTAssertEqual(try JSONValue(parsing: raw)["text"], .string(String(decoding: raw[9..<(raw.count - 2)], as: UTF8.self)))
            raw.insert(0x0A, at: 9 + Int(rng.next() % UInt64(raw.count - 10)))
            assertRejects(raw, .controlCharacterInString)
        }
    }

    func testMutatedInputNeverCrashes() {
        var rng = SplitMix64(seed: 42)
        let valid = Array(#"{"jsonrpc":"2.0","id":1,"method":"m","params":{"text":"表\ud83d\ude00","n":[1.5e3,-0,true,null]}}"#.utf8)
        let alphabet = Array(#"{}[]",:\u0123456789eE+-.tfn "#.utf8) + [0x00, 0x80, 0xBF, 0xE8, 0xED, 0xF0, 0xFF]
        for _ in 0..<5000 {
            var bytes = valid
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let position = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[position] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: position)
                }
            }
            if let value = try? JSONValue(parsing: bytes) {
                // Whatever parses must survive a serialize/parse round trip unchanged.
                XCTAssertEqual(try? JSONValue(parsing: value.serialized()), value)
            }
        }
    }

    func testRejectsInvalidUTF8() {
        assertRejects([0x22, 0xFF, 0x22], .invalidUTF8)
        assertRejects([0x22, 0xC0, 0xAF, 0x22], .invalidUTF8)              // overlong "/"
        assertRejects([0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8)        // encoded surrogate
        assertRejects([0x22, 0xE8, 0xA1, 0x22], .invalidUTF8)              // truncated 表
        assertRejects([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8)  // above U+10FFFF
        assertRejects([0xE8, 0xA1, 0xA8])                                  // non-ASCII outside a string
    }

    func testNestingLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        XCTAssertNoThrow(try parse(ok))
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        assertRejects(tooDeep, .nestingTooDeep)
        let objects = String(repeating: "{\"a\":", count: 600) + "1" + String(repeating: "}", count: 600)
        assertRejects(objects, .nestingTooDeep)
        // Unterminated and absurdly deep: must fail quickly, not overflow the stack.
        assertRejects(String(repeating: "[", count: 200_000), .nestingTooDeep)
        XCTAssertThrowsError(try JSONValue(parsing: "[[[1]]]", maximumDepth: 2))
    }

    func testAccessorsAndLiterals() throws {
        let literal: JSONValue = ["name": "表", "count": 3, "ratio": 2.0, "items": [1, "two", nil, true], "none": nil]
        let parsed = try parse(#"{"name":"表","count":3,"ratio":2.0,"items":[1,"two",null,true],"none":null}"#)
        XCTAssertEqual(literal, parsed)
        XCTAssertEqual(parsed["name"]?.stringValue, "表")
        XCTAssertEqual(parsed["count"]?.intValue, 3)
        XCTAssertEqual(parsed["ratio"]?.intValue, 2, "an integral double converts")
        XCTAssertNil(JSONValue.double(2.5).intValue)
        XCTAssertNil(parsed["count"]?.stringValue)
        XCTAssertNil(parsed["count"]?.boolValue, "numbers are never booleans")
        XCTAssertEqual(parsed["items"]?.arrayValue?.count, 4)
        XCTAssertEqual(parsed["items"]?[1], "two")
        XCTAssertNil(parsed["items"]?[9])
        XCTAssertEqual(parsed["none"]?.isNull, true)
        XCTAssertNil(parsed["missing"])
        XCTAssertNil(parsed["items"]?["name"])
        XCTAssertEqual(parsed.objectValue?.count, 5)
    }

    func testDuplicateKeysLastWins() throws {
        XCTAssertEqual(try parse(#"{"a":1,"a":2}"#)["a"], .int(2))
    }

    func testDataAndStringEntryPoints() throws {
        let data = Data(#"{"k":"值"}"#.utf8)
        XCTAssertEqual(try JSONValue(parsing: data)["k"]?.stringValue, "值")
        XCTAssertEqual(try JSONValue(parsing: #"[1]"#).serializedData(), Data("[1]".utf8))
    }

    func testErrorDescriptionMentionsOffset() {
        XCTAssertThrowsError(try parse("[1,]")) { error in
            XCTAssertTrue("\(error)".contains("byte 3"), "\(error)")
        }
    }
}

/// Deterministic generator so fuzz-style tests are reproducible.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
