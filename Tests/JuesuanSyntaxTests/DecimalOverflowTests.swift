import JuesuanSyntax
import XCTest

/// DecimalNumber never traps: exact whenever the result fits, a close rounding otherwise,
/// comparisons always exact; figures beyond the checkable limits are read as `.oversized`.
final class DecimalOverflowTests: XCTestCase {
    func d(_ text: String) -> DecimalNumber { DecimalNumber(text)! }
    func big(_ mantissa: String, _ scale: Int) -> DecimalNumber { DecimalNumber(mantissa: Int128(mantissa)!, scale: scale) }

    func testOrdinaryArithmeticIsExact() {
        XCTAssertEqual((d("13.80") + d("0.2")).description, "14.00")
        XCTAssertEqual((d("1,200.50") - d("1300.50")).description, "-100.00")
        XCTAssertEqual((d("1.5") * d("-2.25")).description, "-3.375")
        XCTAssertEqual(d("1").divided(by: d("3"), scale: 2)?.description, "0.33")
        XCTAssertEqual(d("2").divided(by: d("3"), scale: 2)?.description, "0.67")
        XCTAssertEqual(d("-2").divided(by: d("3"), scale: 2)?.description, "-0.67")
        XCTAssertEqual(d("0.125").rounded(toScale: 2).description, "0.13")
        XCTAssertEqual(d("-0.125").rounded(toScale: 2).description, "-0.13")
        XCTAssertEqual(d("151.01").divided(by: d("0.5"), scale: 1)?.description, "302.0")
        XCTAssertNil(d("1").divided(by: d("0.00"), scale: 2))
        XCTAssertEqual(d("88.50").trimmed.description, "88.5")
    }

    /// A sum that starts at zero of a smaller scale (`.zero`, `0.0`) keeps the other figure's
    /// scale and value exactly, in either order and for subtraction too, extremes included: the
    /// same result as rescaling the zero first (issue 15 takes that step away).
    func testZeroOfASmallerScaleTakesTheOtherScale() {
        let figures = [d("13.80"), d("-0.125"), d("7"), big("170141183460469231731687303715884105727", 3),
                       big("-170141183460469231731687303715884105727", 12), d("0.00")]
        for zero in [DecimalNumber.zero, d("0.0"), DecimalNumber(mantissa: 0, scale: -2)] {
            for figure in figures where figure.scale > zero.scale {
                for (sum, expected) in [(zero + figure, figure), (figure + zero, figure), (figure - zero, figure), (zero - figure, -figure)] {
                    XCTAssertEqual(sum.mantissa, expected.mantissa, "\(zero) \(figure)")
                    XCTAssertEqual(sum.scale, figure.scale, "\(zero) \(figure)")
                }
            }
        }
        // A zero of the larger scale still sets the scale.
        XCTAssertEqual((d("0.000") + d("1.5")).description, "1.500")
        XCTAssertEqual((d("1.5") - d("0.000")).description, "1.500")
    }

    /// The value is stored in two words and a 32-bit scale (issue 15): every mantissa reads back
    /// as written, including both ends of Int128 and values that straddle the word boundary.
    func testStorageKeepsEveryMantissaAndScale() {
        let mantissas: [Int128] = [0, 1, -1, .max, .min, .max - 1, .min + 1, Int128(UInt64.max), -Int128(UInt64.max),
                                   Int128(UInt64.max) + 1, -(Int128(UInt64.max) + 1), Int128(Int64.min), Int128(Int64.max) + 1]
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2_000).map { _ in Int128(Int64(bitPattern: generator.next())) << Int128.random(in: 0...63) | Int128(generator.next() as UInt64) }
        for mantissa in mantissas + random {
            for scale in [0, 2, 12, -5, 38, 76] {
                var value = DecimalNumber(mantissa: mantissa, scale: scale)
                XCTAssertEqual(value.mantissa, mantissa)
                XCTAssertEqual(value.scale, scale)
                value.mantissa = -(mantissa / 3)
                XCTAssertEqual(value.mantissa, -(mantissa / 3))
                XCTAssertEqual(value.scale, scale)
            }
        }
        // A scale no computation reaches is clamped, not a trap.
        XCTAssertEqual(DecimalNumber(mantissa: 1, scale: Int.max).scale, Int(Int32.max))
        XCTAssertEqual(DecimalNumber(mantissa: 1, scale: Int.min).scale, Int(Int32.min))
        // A cell's value (`CellValue?`) and an optional figure are 24 bytes, aligned to 8 so
        // that arrays of them are allocated without posix_memalign.
        XCTAssertEqual(MemoryLayout<DecimalNumber>.alignment, 8)
        XCTAssertEqual(MemoryLayout<DecimalNumber?>.stride, 24)
        XCTAssertEqual(MemoryLayout<CellValue?>.stride, 24)
    }

    func testReadingLimits() {
        XCTAssertEqual(DecimalNumber.classify("999999999999999999.999999999999"), .number(big("999999999999999999999999999999", 12)))
        XCTAssertEqual(DecimalNumber.classify("1000000000000000000"), .oversized) // 19 integer digits
        XCTAssertEqual(DecimalNumber.classify("-1,000,000,000,000,000,000.5"), .oversized)
        XCTAssertEqual(DecimalNumber.classify("0.1234567890123"), .oversized) // 13 decimals
        XCTAssertEqual(DecimalNumber.classify(String(repeating: "9", count: 400)), .oversized)
        XCTAssertEqual(DecimalNumber.classify("000000000000000000000001.5"), .number(d("1.5"))) // leading zeros are not digits of size
        XCTAssertEqual(DecimalNumber.classify("1,2345"), .notANumber)
        XCTAssertEqual(DecimalNumber.classify("12a"), .notANumber)
        XCTAssertNil(DecimalNumber("1000000000000000000"))
    }

    func testSumsBeyondInt128AreRoundedNotTrapped() {
        // 30 integer digits at 12 decimals would need a 42-digit mantissa.
        let huge = big("123456789012345678901234567890", 0)
        let tiny = big("1", 12)
        let sum = huge + tiny
        XCTAssertEqual(sum, huge) // the 10^-12 is rounded away, the integer part is exact
        XCTAssertTrue(huge + tiny > huge - tiny || huge + tiny == huge - tiny)
        let difference = huge - huge
        XCTAssertTrue(difference.isZero)
        // A half in the first dropped digit rounds away from zero.
        let max = DecimalNumber(mantissa: Int128.max, scale: 0)
        XCTAssertEqual((max + max).description, "340282366920938463463374607431768211450") // the last digit rounded away
        XCTAssertEqual((-max - max).description, "-340282366920938463463374607431768211450")
        XCTAssertEqual(((max + max) - max).description.count, String(Int128.max).count)
    }

    func testProductsAndQuotientsBeyondInt128() {
        let a = big("999999999999999999999999999999", 12)
        let product = a * a * a * a
        XCTAssertFalse(product.isNegative)
        XCTAssertTrue(product > a)
        XCTAssertEqual((a * -a).isNegative, true)
        // 10^29 ÷ 10^-12 at 12 decimals is 10^41: rounded, but ordered right.
        let q = big("100000000000000000000000000000", 0).divided(by: big("1", 12), scale: 12)!
        XCTAssertTrue(q > big("99999999999999999999999999999999999999", 0))
        XCTAssertEqual(big("1", 0).divided(by: big("3", 0), scale: 60)?.description.prefix(12), "0.3333333333")
        XCTAssertEqual(big("1", 12).divided(by: big("170141183460469231731687303715884105727", 0), scale: 2)?.isZero, true)
        XCTAssertEqual(DecimalNumber.powerOfTen(40), Int128.max)
    }

    func testComparisonIsExactWhereAlignmentOverflows() {
        let a = big("10000000000000000000000000000000000000", 0) // 10^37
        XCTAssertTrue(a > big("1", 2))
        XCTAssertTrue(-a < big("1", 2))
        XCTAssertTrue(a > big("-5", 2))
        XCTAssertFalse(a == big("1", 2))
        XCTAssertTrue(big("1", -3) == big("1000", 0)) // a negative scale, from rounding a huge value
        XCTAssertEqual(big("1", -3).hashValue, big("100000", 2).hashValue)
        XCTAssertEqual(big("1", -3).description, "1000")
    }

    /// Random extremes: whatever fits is exact (checked against a second route), nothing traps.
    func testRandomExtremesNeverTrap() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed }
        func random() -> DecimalNumber {
            let digits = Int(next() % 39) + 1
            var m: Int128 = 0
            for _ in 0..<digits { m = m &* 10 &+ Int128(next() % 10) }
            if m < 0 { m = 0 }
            return DecimalNumber(mantissa: next() % 2 == 0 ? m : -m, scale: Int(next() % 30) - 4)
        }
        for _ in 0..<20_000 {
            let a = random(), b = random()
            let sum = a + b, difference = a - b
            _ = a * b
            _ = a.divided(by: b, scale: Int(next() % 20))
            _ = a.rounded(toScale: Int(next() % 40) - 10)
            _ = a.description
            // Order is consistent with arithmetic: a < b exactly when a − b is negative (when exact).
            if let x = a.rescaledExactly(to: max(a.scale, b.scale)), let y = b.rescaledExactly(to: max(a.scale, b.scale)),
               case (let s, false) = x.mantissa.addingReportingOverflow(y.mantissa), s != .min,
               case (let t, false) = x.mantissa.subtractingReportingOverflow(y.mantissa), t != .min {
                XCTAssertEqual(sum.mantissa, s)
                XCTAssertEqual(difference.mantissa, t)
                XCTAssertEqual(a < b, t < 0)
                XCTAssertEqual(a == b, t == 0)
            }
            XCTAssertEqual(a < b, b > a)
            XCTAssertFalse(a < b && b < a)
        }
    }
}
