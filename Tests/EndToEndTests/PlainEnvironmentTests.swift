import Foundation
import Testing

/// The app outside a terminal: clear one-line errors, the documented statuses, and not a
/// single escape byte.
@Suite(.enabled(if: Harness.binaryProblem == nil || Harness.inCI))
struct PlainEnvironmentTests {
  init() throws {
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  func run(_ args: [String] = [], env extra: [String: String] = [:]) throws -> Harness.Result {
    var env = ProcessInfo.processInfo.environment
    env.merge(extra) { $1 }
    return try Harness.run(Harness.binary.path, args, environment: env)
  }

  func expectOneLine(_ r: Harness.Result, status: Int32, mentioning words: [String]) {
    #expect(r.status == status)
    #expect(r.stdout.isEmpty)
    let lines = r.stderr.split(separator: "\n")
    #expect(lines.count == 1, "stderr: \(r.stderr)")
    for w in words { #expect(r.stderr.contains(w), "stderr: \(r.stderr)") }
    #expect(!(r.stdout + r.stderr).contains("\u{1B}"), "escape codes written")
  }

  @Test func notATerminalPointsAtThePlainCommands() throws {
    expectOneLine(try run(), status: 2, mentioning: ["fullstack forge", "fullstack journey"])
  }

  @Test func dumbTerminalIsRefusedTheSameWay() throws {
    expectOneLine(
      try run(env: ["TERM": "dumb"]), status: 2, mentioning: ["fullstack forge"])
  }

  @Test func unknownThemeIsAUsageError() throws {
    expectOneLine(try run(["--theme", "sepia"]), status: 64, mentioning: ["sepia", "dark"])
  }

  @Test func unknownScreenIsAUsageError() throws {
    expectOneLine(try run(["--screen", "nowhere"]), status: 64, mentioning: ["nowhere", "forge"])
  }

  /// Mistakes the argument parser catches read like the commands' own: one line saying what
  /// is wrong and which help to read, not the whole usage synopsis.
  @Test(arguments: [
    (["--bogus"], "unknown option '--bogus'", "fullstack panel --help"),
    (["forge", "--budget"], "missing value for '--budget", "fullstack forge --help"),
    (["forge", "--budget="], "missing value for '--budget", "fullstack forge --help"),
    (["forge", "--gpu="], "missing value for '--gpu", "fullstack forge --help"),
    (["forge", "--nope", "3"], "did you mean '--moe'", "fullstack forge --help"),
    (["journey", "stray"], "unexpected argument", "fullstack journey --help"),
    (
      ["journey", "--temperature="], "missing value for '--temperature", "fullstack journey --help"
    ),
  ])
  func parserMistakesAreOneLineAndAUsageStatus(
    args: [String], problem: String, help: String
  ) throws {
    let r = try run(args)
    expectOneLine(r, status: 64, mentioning: [help])
    #expect(r.stderr.hasPrefix("error: "), "stderr: \(r.stderr)")
    #expect(r.stderr.lowercased().contains(problem.lowercased()), "stderr: \(r.stderr)")
    #expect(!r.stderr.contains("Usage:"))
  }

  /// Values the commands refuse themselves, including a negative number after a space (not
  /// taken for a flag) and hexadecimal floats that Double(_:) would read.
  @Test(arguments: [
    (["forge", "--budget", "-1"], "--budget '-1'"),
    (["forge", "--budget", "0x1p80"], "--budget '0x1p80'"),
    (["forge", "--moe", "-1"], "--moe '-1'"),
    (["forge", "--moe", "0x12"], "--moe '0x12'"),
    (["forge", "--mfu", "0x0.8p0"], "--mfu '0x0.8p0'"),
    (["forge", "--overtrain", "-4"], "--overtrain '-4'"),
    (["forge", "--moe-k", "-0.5"], "--moe-k '-0.5'"),
    (["forge", "--context", "-8K"], "--context '-8K'"),
    (["journey", "--temperature", "0x1p0"], "--temperature"),
    (["journey", "--top-p", "0x1p-1"], "--top-p"),
    (["journey", "--tokens", "0x10"], "--tokens"),
  ])
  func badValuesAreOneLine(args: [String], problem: String) throws {
    expectOneLine(try run(args), status: 64, mentioning: [problem])
  }

  /// `journey` streams its text: a long run prints the same as a short one, word for word,
  /// and its peak memory does not grow with the number of tokens (it held every step until
  /// the end before: about 100 bytes a token, 14 MB more at 150,000 tokens).
  @Test func longJourneysStreamInFlatMemory() throws {
    let args = ["journey", "--model", "seed-toy", "--seed", "7", "--tokens"]
    let short = try run(args + ["1000"])
    let long = try run(args + ["150000"])
    #expect(short.status == 0 && long.status == 0, "\(short.stderr)\(long.stderr)")
    #expect(long.stdout.hasPrefix(String(short.stdout.dropLast())))
    #expect(long.stdout.split(separator: " ").count == 150_001)
    #expect(long.stdout.filter { $0 == "\n" }.count == 1 && long.stdout.hasSuffix("\n"))
    let growth = long.maxResidentKilobytes - short.maxResidentKilobytes
    #expect(short.maxResidentKilobytes > 0)
    #expect(
      growth < 4_000, "peak RSS \(short.maxResidentKilobytes) kB -> \(long.maxResidentKilobytes) kB"
    )
  }

  /// The JSON report is written piece by piece and still parses as one object with every
  /// step and the same text as the plain output.
  @Test func streamedJSONIsOneWholeReport() throws {
    let common = ["journey", "--model", "corpus", "--seed", "3", "--tokens", "25", "--top-k", "5"]
    let plain = try run(common)
    let json = try run(common + ["--format", "json", "--show-dist"])
    #expect(plain.status == 0 && json.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((object["steps"] as? [Any])?.count == 25)
    #expect(object["text"] as? String == String(plain.stdout.dropLast()))
    #expect(object["topK"] as? Int == 5)
    #expect(object["topP"] == nil)
    #expect(object["stopped"] as? String == "limit")
    #expect(
      Array(object.keys).sorted() == [
        "model", "prompt", "seed", "steps", "stopped", "temperature", "text", "topK",
      ])
  }

  /// `fullstack --help` lists every flag the panel takes, the checkpoint's too.
  @Test func theTopHelpListsThePanelsFlags() throws {
    let r = try run(["--help"])
    #expect(r.status == 0)
    for flag in ["--theme", "--no-color", "--ascii", "--screen", "--checkpoint", "--tokenizer"] {
      #expect(r.stdout.contains(flag), "\(flag) missing from: \(r.stdout)")
    }
  }

  @Test func helpStillPrintsTheWholeUsage() throws {
    let r = try run(["forge", "--help"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("USAGE: fullstack forge"))
  }
}
