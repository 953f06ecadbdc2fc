import XCTest
@testable import JuesuanFormat
