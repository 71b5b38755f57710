// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "fullstack",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "fullstack", targets: ["fullstack"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // The only module that sees ncurses: a modulemap plus static-inline shims.
    .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
    // Data the app ships (corpus, bigram tables, GPU catalog, weights), at the top level.
    .target(name: "Assets", path: "Assets", resources: [.copy("data")]),
    // Pure cores: no terminal, no I/O beyond reading their own assets.
    .target(name: "ForgeCore"),
    .target(name: "JourneyCore", dependencies: ["Assets"]),
    // Terminal-agnostic UI kit: Canvas, layout, themes, widgets.
    .target(name: "TerminalUI"),
    // Thin ncurses backend.
    .target(name: "NcursesTerminal", dependencies: ["TerminalUI", "CNcurses"]),
    // Screens: state, actions, update, view.
    .target(name: "Instruments", dependencies: ["ForgeCore", "JourneyCore", "TerminalUI"]),
    .executableTarget(
      name: "fullstack",
      dependencies: [
        "Instruments", "NcursesTerminal", "ForgeCore", "JourneyCore", "TerminalUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The tiny GPT's forward-pass benchmark driver (scripts/bench_tiny_gpt.py runs it).
    .executableTarget(
      name: "TinyGPTBench", dependencies: ["JourneyCore"], path: "scripts/bench/TinyGPTBench"),
    // The frame benchmark (scripts/bench/frames.sh): view, diff and flush timed on a terminal.
    .executableTarget(
      name: "frame-bench",
      dependencies: ["ForgeCore", "Instruments", "NcursesTerminal", "TerminalUI"],
      path: "scripts/bench/FrameBench"),
    // Snapshot files for tests: compare a Canvas dump with Tests/**/Snapshots, re-record on demand.
    .target(name: "SnapshotSupport", dependencies: ["TerminalUI"], path: "Tests/SnapshotSupport"),
    // Helpers every test target may share (a seeded random generator).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "TerminalUITests", dependencies: ["TerminalUI", "SnapshotSupport", "TestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(name: "ForgeCoreTests", dependencies: ["ForgeCore", "TestSupport"]),
    .testTarget(name: "JourneyCoreTests", dependencies: ["JourneyCore"], exclude: ["Data"]),
    .testTarget(
      name: "InstrumentsTests",
      dependencies: ["Instruments", "TerminalUI", "SnapshotSupport", "TestSupport"],
      exclude: ["Snapshots"]),
    .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "TestSupport"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["Instruments", "TerminalUI", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
