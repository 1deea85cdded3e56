// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "winnow",
  products: [
    .library(name: "Winnow", targets: ["Winnow"]),
    .executable(name: "winnow", targets: ["WinnowCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
  ],
  targets: [
    // The only code that sees <unicode/*.h>: Foundation bundles its own ICU module, and
    // importing the system headers into Swift clashes with it (two UErrorCode definitions).
    .target(
      name: "CWinnowICU",
      linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]),
    // Streaming gzip for `.gz` inputs and `-o out.jsonl.gz`.
    .target(
      name: "CWinnowZlib",
      linkerSettings: [.linkedLibrary("z")]),
    // The language model file and the sibling words, assembled in with .incbin (embedInCode
    // cannot cope with 10 MB).
    .target(
      name: "CWinnowLangModel",
      exclude: ["langid.bin", "sibling_words.txt", "sibling_discriminator.txt"],
      cSettings: [.headerSearchPath(".")]),
    .target(
      name: "Winnow",
      dependencies: ["CWinnowICU", "CWinnowZlib", "CWinnowLangModel", "Yams"],
      resources: [
        .embedInCode("Config/default.yaml"), .embedInCode("Boilerplate/lexicons.yaml"),
        .embedInCode("Language/language_cues.txt"),
        .embedInCode("Boilerplate/boilerplate_model.txt"),
        .embedInCode("Boilerplate/boilerplate_page_type.txt"),
      ]),
    .executableTarget(
      name: "WinnowCLI",
      dependencies: [
        "Winnow",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // Development tool: the boilerplate line classifier's features, for
    // scripts/train_boilerplate.py.
    .executableTarget(name: "WinnowFeatures", dependencies: ["Winnow"]),
    // Development tool: a seeded random fuzzer for the readers, decoder and config loader,
    // run by bench/fuzz.sh.
    .executableTarget(name: "WinnowFuzz", dependencies: ["Winnow"]),
    .testTarget(name: "WinnowTests", dependencies: ["Winnow"]),
    .testTarget(name: "WinnowCLITests", dependencies: ["WinnowCLI"]),
  ])
