/// Documents with extreme figures (up to 42 digits, up to 14 decimals, signs, separators) in
/// every place a figure may stand: table cells, prose claims (amount, 占, 完成预算的, 增长),
/// performance funds and targets, `校验` lines. Driven by a byte stream so that a fuzzer and a
/// seeded test share it. Also a fixed deliberate error (A206 in 公开07) that must always be found.
public enum ExtremeNumberDocument {
    public static let template = """
    部门 测试县某某局
    年度 2024
    单位 万元

    表 公开01 收入支出决算总表
    收入
    一、一般公共预算财政拨款收入   {}
    本年收入合计                   {}
    总计                           {}
    支出
    八、社会保障和就业支出          {}
    本年支出合计                    {}
    总计                            {}

    表 公开03 支出决算表
    合计                      {}  {}  {}
    208      社会保障和就业支出  {}  {}  {}
    20805    行政事业单位养老支出  {}  {}  {}

    表 公开09 财政拨款“三公”经费支出决算表
    列 全年预算数 决算数
    合计                          {}  {}
    3.公务接待费                  {}  {}

    表 公开07 政府性基金预算财政拨款收入支出决算表
    合计        10.00  5.00  12.00  2.00  10.00  4.00
    229         其他支出  10.00  5.00  12.00  2.00  10.00  4.00

    说明 一、收入支出决算总体情况说明
    2024年度收入总计{}万元，支出总计{}万元，比上年增长{}%，占{}%。
    公务接待费预算为{}万元，支出决算为{}万元，完成预算的{}%。其中社会保障和就业支出{}万元，占{}%。

    绩效 项目一
    资金 年初预算数 {} 全年预算数 {} 全年执行数 {}
    执行率 分值 10 得分 10
    指标 产出指标/数量指标/完成率 目标 ≥{}% 实际 {} 分值 10 得分 10

    校验 公开01.本年收入合计 = {} + 公开03.合计
    """

    /// The lines before this one are tables (their figures are cells).
    public static let firstProseLine = 28

    /// One figure from the stream: an ordinary amount two times in three, else an extreme one.
    public static func figure<I: IteratorProtocol<UInt8>>(_ bytes: inout I) -> String {
        func next() -> UInt8 { bytes.next() ?? 0 }
        let kind = next()
        if kind % 3 != 0 { return "\(Int(next()) * 97 + Int(next())).\(next() % 10)\(next() % 10)" }
        let integerDigits = Int(next() % 43)
        let decimals = Int(next() % 15)
        let flags = next()
        var integer = ""
        for i in 0..<max(integerDigits, 1) {
            let digit = next() % 10
            integer.append(Character(String(i == 0 && integerDigits > 1 && digit == 0 ? 9 : (integerDigits == 0 ? 0 : digit))))
        }
        if flags & 1 != 0, integer.count > 3 {
            // Thousands separators every three digits from the right.
            var grouped = ""
            for (i, c) in integer.reversed().enumerated() {
                if i > 0 && i % 3 == 0 { grouped.append(",") }
                grouped.append(c)
            }
            integer = String(grouped.reversed())
        }
        var text = (flags & 2 != 0 ? "-" : "") + integer
        if decimals > 0 {
            text += "."
            for _ in 0..<decimals { text.append(Character(String(next() % 10))) }
        }
        return text
    }

    /// The template with every `{}` filled from the stream; the figures in slot order.
    public static func make<I: IteratorProtocol<UInt8>>(_ bytes: inout I) -> (text: String, figures: [(line: Int, text: String)]) {
        var text = ""
        var figures: [(Int, String)] = []
        for (line, content) in template.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var pieces = content.split(separator: "{}", omittingEmptySubsequences: false).map(String.init)
            for i in pieces.indices.dropFirst() {
                let value = figure(&bytes)
                figures.append((line, value))
                pieces[i] = value + pieces[i]
            }
            text += pieces.joined() + "\n"
        }
        return (text, figures)
    }
}

/// Bytes from a SplitMix64 stream, for seeded tests.
public struct RandomBytes: IteratorProtocol {
    var random: SplitMix64
    var buffer: UInt64 = 0
    var left = 0
    public init(seed: UInt64) { random = SplitMix64(seed: seed) }
    public mutating func next() -> UInt8? {
        if left == 0 { buffer = random.next(); left = 8 }
        defer { buffer >>= 8; left -= 1 }
        return UInt8(truncatingIfNeeded: buffer)
    }
}
