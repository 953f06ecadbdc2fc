import XCTest
@testable import JuesuanRender
import JuesuanChecks
