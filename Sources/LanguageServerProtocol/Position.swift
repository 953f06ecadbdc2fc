// LSP positions: zero-based line and character, where "character" is counted in the
// negotiated position encoding (UTF-16 code units unless the client agreed otherwise).

/// How `Position.character` is counted on the wire.
public enum PositionEncoding: String, Sendable, Hashable, CaseIterable {
    /// Bytes of UTF-8 (cheapest for a Swift server).
    case utf8 = "utf-8"
    /// UTF-16 code units: the LSP default every client supports.
    case utf16 = "utf-16"
    /// Unicode scalars.
    case utf32 = "utf-32"

    /// Picks UTF-8 when the client offers it, otherwise the mandatory UTF-16.
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        (offered ?? []).contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }

    /// Negotiates from `initialize` params (`capabilities.general.positionEncodings`).
    public static func negotiate(initializeParams params: JSONValue?) -> PositionEncoding {
        let offered = params?["capabilities"]?["general"]?["positionEncodings"]?.arrayValue?
            .compactMap(\.stringValue)
        return negotiate(offered: offered)
    }

    /// How many units of this encoding a scalar with `utf8Length` bytes occupies.
    @inline(__always)
    func width(ofScalarWithUTF8Length utf8Length: Int) -> Int {
        switch self {
        case .utf8: return utf8Length
        case .utf16: return utf8Length == 4 ? 2 : 1  // only astral scalars need a surrogate pair
        case .utf32: return 1
        }
    }
}

/// A zero-based (line, character) position in a text document.
public struct Position: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Zero-based line.
    public var line: Int
    /// Zero-based offset within the line, in the negotiated encoding's units.
    public var character: Int

    /// Creates a position.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (a: Position, b: Position) -> Bool {
        (a.line, a.character) < (b.line, b.character)
    }

    public var description: String { "\(line):\(character)" }

    /// The `{"line", "character"}` object.
    public var json: JSONValue { ["line": .int(line), "character": .int(character)] }

    /// Reads a position; nil unless both members are integers.
    public init?(json: JSONValue) {
        guard let line = json["line"]?.intValue, let character = json["character"]?.intValue else { return nil }
        self.init(line: line, character: character)
    }
}

/// An LSP range: `start` inclusive, `end` exclusive. Not `Swift.Range`, which would trap
/// on a client-sent range whose end precedes its start.
public struct PositionRange: Sendable, Hashable, CustomStringConvertible {
    /// Inclusive start.
    public var start: Position
    /// Exclusive end.
    public var end: Position

    /// Creates a range.
    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }

    /// The `{"start", "end"}` object.
    public var json: JSONValue { ["start": start.json, "end": end.json] }

    /// Reads a range; nil unless both ends are valid positions.
    public init?(json: JSONValue) {
        guard let start = json["start"].flatMap(Position.init(json:)),
              let end = json["end"].flatMap(Position.init(json:)) else { return nil }
        self.init(start: start, end: end)
    }
}

/// One element of `didChange`'s `contentChanges`: a ranged edit, or the whole text when `range` is nil.
public struct TextDocumentContentChange: Sendable, Hashable {
    /// The replaced range, in the negotiated encoding; nil replaces the whole document.
    public var range: PositionRange?
    /// The new text for the range.
    public var text: String

    /// Creates a change.
    public init(range: PositionRange?, text: String) {
        self.range = range
        self.text = text
    }

    /// Reads a change; `rangeLength` (deprecated) is ignored. Nil when malformed.
    public init?(json: JSONValue) {
        guard let text = json["text"]?.stringValue else { return nil }
        var range: PositionRange?
        if let rawRange = json["range"], !rawRange.isNull {
            guard let parsed = PositionRange(json: rawRange) else { return nil }
            range = parsed
        }
        self.init(range: range, text: text)
    }
}
