// swift-tools-version: 6.0
// Juesuan (决算): a language server and linter for departmental final accounts.
// Layers, each a module, data flowing one way:
//   JuesuanSyntax → JuesuanCatalogue → JuesuanModel → JuesuanChecks → JuesuanLint / JuesuanServer → juesuan
// LanguageServerProtocol (JSON-RPC framing and LSP types) knows nothing of the language.
import PackageDescription

// Release builds leave out the run-time exclusivity checks of class properties (4 % of the
// instructions of an analysis went to `swift_beginAccess`, issue 15); debug builds and the
// tests keep them, so an overlapping access is still caught there. They also name each concrete
// generic type by a call to its metadata accessor, not by a mangled name the run-time decodes:
// decoding one checks the type's generic requirements by searching every protocol conformance in
// the binary, 50–90 µs the first time each is met (a small lint's 0.5 ms of start-up, issue 15).
let releaseSpeed: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
    .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
]
// The release binary carries the Swift runtime and Foundation in itself (as `swift build
// --static-swift-stdlib` makes it): loading and relocating a dozen shared libraries, and
// scanning their protocol conformances, was 6 ms of every `juesuan lint` (issue 15). It is
// also what `scripts/install.sh` installs, so the benchmarks measure what users run.
// (Linux only: Apple's platforms have no static Swift runtime.)
let releaseStaticLink: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "Juesuan",
    products: [
        .executable(name: "juesuan", targets: ["juesuan"]),
        .library(name: "JuesuanChecks", targets: ["JuesuanChecks"]),
    ],
    targets: [
        .target(name: "JuesuanSyntax", swiftSettings: releaseSpeed),
        .target(name: "JuesuanCatalogue", swiftSettings: releaseSpeed),
        .target(name: "JuesuanModel", dependencies: ["JuesuanSyntax", "JuesuanCatalogue"], swiftSettings: releaseSpeed),
        .target(name: "JuesuanChecks", dependencies: ["JuesuanModel"], swiftSettings: releaseSpeed),
        .target(name: "JuesuanLint", dependencies: ["JuesuanChecks"], swiftSettings: releaseSpeed),
        .target(name: "LanguageServerProtocol", swiftSettings: releaseSpeed),
        // The language service knows nothing of JSON; the server is the LSP glue over stdio.
        .target(name: "JuesuanLanguageService", dependencies: ["JuesuanChecks", "JuesuanModel", "JuesuanCatalogue", "JuesuanSyntax", "JuesuanFormat"], swiftSettings: releaseSpeed),
        .target(name: "JuesuanServer", dependencies: ["JuesuanLanguageService", "JuesuanSyntax", "LanguageServerProtocol"], swiftSettings: releaseSpeed),
        // Generated consistent reports, for tests and benchmarks only.
        .target(name: "JuesuanFixtures", dependencies: ["JuesuanCatalogue", "JuesuanSyntax"], swiftSettings: releaseSpeed),
        // The formatter (pure: text in, text and edits out) and the importer of published reports.
        .target(name: "JuesuanFormat", dependencies: ["JuesuanSyntax"], swiftSettings: releaseSpeed),
        .target(name: "JuesuanImport", dependencies: ["JuesuanFormat", "JuesuanModel", "JuesuanCatalogue", "JuesuanSyntax"], swiftSettings: releaseSpeed),
        // The published layout of a checked report (`juesuan render`): source text in, HTML out.
        .target(name: "JuesuanRender", dependencies: ["JuesuanChecks", "JuesuanModel", "JuesuanSyntax"], swiftSettings: releaseSpeed),
        // `juesuan fmt`, `juesuan import` and `juesuan render`.
        .target(name: "JuesuanTools", dependencies: ["JuesuanFormat", "JuesuanImport", "JuesuanLint", "JuesuanRender"], swiftSettings: releaseSpeed),
        .executableTarget(name: "juesuan", dependencies: ["JuesuanSyntax", "JuesuanModel", "JuesuanLint", "JuesuanServer", "JuesuanTools", "JuesuanLanguageService"], swiftSettings: releaseSpeed, linkerSettings: releaseStaticLink),
        .executableTarget(name: "juesuan-bench", dependencies: ["JuesuanCatalogue", "JuesuanChecks", "JuesuanFixtures", "JuesuanLanguageService", "LanguageServerProtocol"], path: "Benchmarks/juesuan-bench", swiftSettings: releaseSpeed, linkerSettings: releaseStaticLink),
        .testTarget(name: "JuesuanSyntaxTests", dependencies: ["JuesuanSyntax", "JuesuanFixtures"]),
        .testTarget(name: "JuesuanCatalogueTests", dependencies: ["JuesuanCatalogue"]),
        .testTarget(name: "JuesuanChecksTests", dependencies: ["JuesuanChecks", "JuesuanFixtures"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "JuesuanLintTests", dependencies: ["JuesuanLint"]),
        .testTarget(name: "LanguageServerProtocolTests", dependencies: ["LanguageServerProtocol"]),
        .testTarget(name: "JuesuanLanguageServiceTests", dependencies: ["JuesuanLanguageService"]),
        .testTarget(name: "JuesuanServerTests", dependencies: ["JuesuanServer"]),
        .testTarget(name: "JuesuanFormatTests", dependencies: ["JuesuanFormat", "JuesuanTools", "JuesuanImport", "JuesuanLint"]),
        .testTarget(name: "JuesuanRenderTests", dependencies: ["JuesuanRender", "JuesuanChecks", "JuesuanTools", "JuesuanLint"]),
        .testTarget(name: "JuesuanImportTests", dependencies: ["JuesuanImport", "JuesuanFormat", "JuesuanTools", "JuesuanChecks", "JuesuanLint"]),
        // Hostile input, fuzz regressions and security checks (the built binary over pipes for the server).
        .testTarget(name: "HardeningTests", dependencies: ["JuesuanChecks", "JuesuanSyntax", "JuesuanFixtures", "JuesuanLint", "JuesuanServer", "LanguageServerProtocol"], exclude: ["FuzzFindings"]),
    ]
)
