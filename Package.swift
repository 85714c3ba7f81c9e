// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Gongkai",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "gongkai", targets: ["gongkai"]),
    .library(name: "GongkaiCore", targets: ["GongkaiCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    // The domain: dates, the working-day calendar, rules and the checker. No I/O, no file formats.
    .target(name: "GongkaiCore"),
    // The reviewed reference data (rules catalogue, holiday schedules) and the readers of their files.
    .target(
      name: "GongkaiReference",
      dependencies: ["GongkaiCore", .product(name: "Yams", package: "Yams")],
      exclude: ["README.md"],
      resources: [.copy("Resources/rules"), .copy("Resources/calendar")]
    ),
    // Flat JSON objects written by hand, for records written millions of times.
    .target(name: "GongkaiJSON"),
    // Spreadsheet cells as gongkai writes them and reads them back: quoting, the apostrophe before a formula, and
    // the tab before what a spreadsheet would otherwise turn into a number or a date.
    .target(name: "GongkaiCSV"),
    // Folders listed name by name, the temporary files written beside what backups, exports and new registers
    // replace, and the scratch files and spilling sorters that keep million-row work in bounded memory.
    .target(name: "GongkaiFileSystem", dependencies: ["CFileSystem"]),
    // The one file-system call Swift's Glibc module does not declare: a rename that never replaces (renameat2).
    .target(name: "CFileSystem"),
    // The project register behind one protocol; SQLite (GRDB over the system libsqlite3) is the embedded default.
    .target(
      name: "GongkaiStore",
      dependencies: [
        "GongkaiCore", "GongkaiJSON", "GongkaiFileSystem", "CSQLiteSettings", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    // The settings of the SQLite library that only C can make (sqlite3_config takes variable arguments).
    .target(name: "CSQLiteSettings", linkerSettings: [.linkedLibrary("sqlite3")]),
    // Files staff write: project files (YAML) and spreadsheet imports (CSV), read as import sources.
    .target(
      name: "GongkaiFiles",
      dependencies: ["GongkaiCore", "GongkaiReference", "GongkaiCSV", "GongkaiFileSystem", .product(name: "Yams", package: "Yams")]
    ),
    // What Gongkai produces for people and programs: public notices, the audit CSV, open data, statistics.
    .target(
      name: "GongkaiExport",
      dependencies: [
        "GongkaiCore", "GongkaiJSON", "GongkaiCSV", "GongkaiFileSystem", "GongkaiStore",
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .executableTarget(
      name: "gongkai",
      dependencies: [
        "GongkaiCore", "GongkaiReference", "GongkaiStore", "GongkaiFiles", "GongkaiExport", "GongkaiCSV", "GongkaiFileSystem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // A deterministic synthetic register for the scale benchmarks.
    .target(name: "GongkaiSynthetic", dependencies: ["GongkaiCore"], path: "Benchmarks/GongkaiSynthetic"),
    .executableTarget(
      name: "GongkaiBenchmarks",
      dependencies: ["GongkaiCore", "GongkaiReference", "GongkaiStore", "GongkaiFiles", "GongkaiExport", "GongkaiCSV",
                     "GongkaiSynthetic", "CSQLiteSettings", .product(name: "GRDBSQLite", package: "GRDB.swift")],
      path: "Benchmarks/GongkaiBenchmarks"
    ),
    // libFuzzer harnesses (.ci/fuzz builds them with -D FUZZING); built normally they replay input files.
    .executableTarget(name: "FuzzProjectFile", dependencies: ["GongkaiFiles"], path: "Tests/Fuzz/FuzzProjectFile"),
    .executableTarget(name: "FuzzSpreadsheet", dependencies: ["GongkaiFiles"], path: "Tests/Fuzz/FuzzSpreadsheet"),
    .executableTarget(name: "FuzzDates", dependencies: ["GongkaiCore"], path: "Tests/Fuzz/FuzzDates"),
    // Scratch folders for the tests, removed when the test run ends.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "GongkaiCoreTests", dependencies: ["GongkaiCore"]),
    .testTarget(name: "GongkaiCSVTests", dependencies: ["GongkaiCSV"]),
    .testTarget(name: "GongkaiFileSystemTests", dependencies: ["GongkaiFileSystem", "TestSupport"]),
    .testTarget(name: "GongkaiReferenceTests", dependencies: ["GongkaiReference", "TestSupport"]),
    .testTarget(name: "GongkaiStoreTests", dependencies: ["GongkaiStore", "TestSupport"]),
    .testTarget(name: "GongkaiFilesTests", dependencies: ["GongkaiFiles", "GongkaiReference", "TestSupport"]),
    .testTarget(name: "GongkaiExportTests", dependencies: ["GongkaiExport", "GongkaiFileSystem", "GongkaiReference", "TestSupport"]),
    .testTarget(name: "GongkaiSyntheticTests", dependencies: ["GongkaiSynthetic", "GongkaiReference", "GongkaiStore"]),
    // The binaries the tests run: gongkai, and the fuzzing harnesses replayed over their seeds.
    .testTarget(name: "GongkaiEndToEndTests",
                dependencies: ["gongkai", "FuzzProjectFile", "FuzzSpreadsheet", "FuzzDates", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
