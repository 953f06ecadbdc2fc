import XCTest
@testable import JuesuanImport
