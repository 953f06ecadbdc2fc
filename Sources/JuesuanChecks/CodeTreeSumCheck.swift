import JuesuanModel
import JuesuanSyntax

/// A201: a parent code row equals the sum of its child rows; A202: the total row equals the
/// sum of the top-level rows (in a custom table of label rows, of all other rows). Per column,
/// with the rounding tolerance of spec 9.2.
enum CodeTreeSumCheck: ReportCheck {
    static let rules = [
        Rule("A201", .error, "上级科目行不等于下级科目行之和"),
        Rule("A202", .error, "合计行不等于各顶层科目行之和"),
        Rule("A290", .information, "尾数误差：差额在舍入容差以内"),
    ]

    static func run(_ context: CheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for table in context.report.tables {
            for section in table.sections {
                let tree = CodeTree(section)
                guard !tree.codeRows.isEmpty else {
                    // A custom table of label rows: its 合计 row is the sum of the other rows.
                    if table.spec == nil {
                        let addends = section.rows.indices.filter { !section.rows[$0].isTotal && !section.rows[$0].isDetail }
                        for total in section.rows.indices where section.rows[total].isTotal && !addends.isEmpty {
                            check(parent: total, addends: addends[...], rule: "A202", basis: "其余各行之和", table, section, context, &findings)
                        }
                    }
                    continue
                }
                for parent in tree.codeRows where !tree.children[parent].isEmpty {
                    check(parent: parent, addends: tree.children[parent], rule: "A201", basis: "下级科目之和", table, section, context, &findings)
                }
                let topBasis = tree.topLevel.allSatisfy { section.rows[$0].code?.count == 3 } ? "各类之和" : "各顶层科目之和"
                for total in section.rows.indices where section.rows[total].isTotal && section.rows[total].code == nil {
                    check(parent: total, addends: tree.topLevel[...], rule: "A202", basis: topBasis, table, section, context, &findings)
                }
            }
        }
        return findings
    }

    static func check(parent: Int, addends: ArraySlice<Int>, rule: String, basis: String, _ table: Table, _ section: TableSection, _ context: CheckContext, _ findings: inout [Diagnostic]) {
        let rows = section.rows
        let row = rows[parent]
        let columnCount = section.columns.count
        // Summed in place, addend by addend with every column at once, in addend order: an
        // addend's row is read once, not once per column (and no array of parts is made).
        withUnsafeTemporaryAllocation(of: DecimalNumber.self, capacity: columnCount) { sums in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: columnCount) { parts in
                // Figures summed per column; -1 where the parent's or a part's value is
                // unknown (S102): that column is left unchecked.
                for column in 0..<columnCount {
                    sums.initializeElement(at: column, to: .zero)
                    parts.initializeElement(at: column, to: row.isUnknown(column) ? -1 : 0)
                }
                for addend in addends {
                    let part = rows[addend]
                    for column in 0..<columnCount where parts[column] >= 0 {
                        if part.isUnknown(column) { parts[column] = -1; continue }
                        if let value = part.number(column) {
                            parts[column] += 1
                            sums[column] = sums[column] + value
                        }
                    }
                }
                // Every part empty: the parent reported no breakdown in this column (spec 9.2).
                for (column, columnInfo) in section.columns.enumerated() where parts[column] > 0 {
                    if let finding = context.sumFinding(
                        rule: rule, cell: row.cell(column), fallbackRange: row.nameRange, written: row.number(column) ?? .zero, expected: sums[column],
                        addendCount: parts[column], counting: row.isCount,
                        subject: CheckContext.subject(row, columnInfo, in: section, table: table), basis: basis,
                        related: addends.map { context.addendLocation(section.rows[$0], section.rows[$0].cell(column)) }) {
                        findings.append(finding)
                    }
                }
            }
        }
    }
}

/// The code rows of a section as a tree by prefix: a row's parent is its nearest present ancestor.
struct CodeTree {
    var codeRows: [Int] = []
    /// Row index → the rows of its children (empty for a row that is not a parent).
    var children: ChildLists
    var topLevel: [Int] = []

    init(_ section: TableSection) {
        let rows = section.rows
        // Codes are looked up by a number made of their digits and length (`CodeIndex`).
        var index = CodeIndex(capacity: rows.count)
        var codes: [CodeIndex.Code] = []
        codes.reserveCapacity(rows.count)
        codeRows.reserveCapacity(rows.count)
        for (row, tableRow) in rows.enumerated() where !tableRow.isDetail {
            guard let text = tableRow.code else { continue }
            let code = CodeIndex.Code(text)
            guard index.insertIfAbsent(code, row) else { continue }
            codeRows.append(row)
            codes.append(code)
        }
        // The nearest ancestor present: the 5-digit prefix (款 of a 项), else the 3-digit one.
        let parents = codes.map { index.ancestor(of: $0, length: 5) ?? index.ancestor(of: $0, length: 3) }
        children = ChildLists(rowCount: rows.count, rows: codeRows, parents: parents)
        for k in codeRows.indices where parents[k] == nil { topLevel.append(codeRows[k]) }
    }

    static let valueMask = (1 << 58) - 1

    /// `code`'s digits as a number, with its length in the top bits (`012` ≠ `12`); nil unless
    /// it is 1 to 17 ASCII digits.
    static func key(_ code: String) -> Int? {
        // Through the contiguous bytes (a code is a small string, kept inline): iterating the
        // UTF-8 view byte by byte cost more than the lookups it serves.
        var code = code
        return code.withUTF8 { bytes -> Int? in
            guard !bytes.isEmpty, bytes.count <= 17 else { return nil }
            var value = 0
            for byte in bytes {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value &* 10 &+ Int(byte &- 0x30)  // at most 17 digits: below 2^58
            }
            return key(value: value, length: bytes.count)
        }
    }

    static func key(value: Int, length: Int) -> Int { length << 58 | value }

    /// The first `length` digits of a code of `codeLength` digits whose value is `value`.
    static func prefix(_ value: Int, _ codeLength: Int, _ length: Int) -> Int {
        var result = value
        for _ in length..<codeLength { result /= 10 }
        return result
    }
}

/// Each row's children in one array, row after row (a row's are `flat[starts[row]..<starts[row + 1]]`,
/// in document order): an array per parent was a tenth of a code tree's making (issue 15).
struct ChildLists {
    private var starts: [Int]
    private var flat: [Int]

    /// `rows[k]`'s parent is `parents[k]` (nil: none).
    init(rowCount: Int, rows: [Int], parents: [Int?]) {
        var starts = [Int](repeating: 0, count: rowCount + 1)
        for case let parent? in parents { starts[parent + 1] += 1 }
        for row in 0..<rowCount { starts[row + 1] += starts[row] }
        var next = starts
        var flat = [Int](repeating: 0, count: starts[rowCount])
        for k in rows.indices {
            guard let parent = parents[k] else { continue }
            flat[next[parent]] = rows[k]
            next[parent] += 1
        }
        self.starts = starts
        self.flat = flat
    }

    subscript(row: Int) -> ArraySlice<Int> { flat[starts[row]..<starts[row + 1]] }
}

/// Non-negative integer keys → row indexes, open addressing: the code lookups of a table, cheaper
/// than a `Dictionary` (whose hashing is built to resist hostile keys, which row codes are not).
struct IntIndexMap {
    private var keys: [Int]
    private var values: [Int]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: -1, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(_ key: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Adds `key` → `value` unless `key` is there; whether it was added.
    mutating func insertIfAbsent(_ key: Int, _ value: Int) -> Bool {
        precondition(key >= 0)
        var index = slot(key)
        while keys[index] >= 0 {
            if keys[index] == key { return false }
            index = (index + 1) & mask
        }
        keys[index] = key
        values[index] = value
        return true
    }

    subscript(key: Int) -> Int? {
        var index = slot(key)
        while keys[index] >= 0 {
            if keys[index] == key { return values[index] }
            index = (index + 1) & mask
        }
        return nil
    }
}

/// Rows by code, for the checks that look codes up row by row: a code of 1 to 17 digits (every
/// code the parser makes) by its number (`CodeTree.key`: no String hashed or made per row), any
/// other by its text.
struct CodeIndex {
    /// A code as it is looked up: its number, or its text when it is not digits.
    enum Code {
        case number(Int)
        case text(String)

        init(_ code: String) { self = CodeTree.key(code).map(Code.number) ?? .text(code) }
    }

    private var byNumber: IntIndexMap
    private var byText: [String: Int] = [:]

    init(capacity: Int) { byNumber = IntIndexMap(capacity: capacity) }

    /// Records `index` for `code` unless the code is there already; whether it was recorded.
    mutating func insertIfAbsent(_ code: Code, _ index: Int) -> Bool {
        switch code {
        case .number(let key): return byNumber.insertIfAbsent(key, index)
        case .text(let text):
            guard byText[text] == nil else { return false }
            byText[text] = index
            return true
        }
    }

    subscript(code: Code) -> Int? {
        switch code {
        case .number(let key): byNumber[key]
        case .text(let text): byText[text]
        }
    }

    /// The row of the code made of `code`'s first `length` characters (its ancestor at that
    /// level); nil when there is none or `code` is not longer.
    func ancestor(of code: Code, length: Int) -> Int? {
        switch code {
        case .number(let key):
            let own = key >> 58
            guard own > length else { return nil }
            return byNumber[CodeTree.key(value: CodeTree.prefix(key & CodeTree.valueMask, own, length), length: length)]
        case .text(let text):
            guard text.utf8.count > length else { return nil }
            return self[Code(String(text.prefix(length)))]
        }
    }
}
