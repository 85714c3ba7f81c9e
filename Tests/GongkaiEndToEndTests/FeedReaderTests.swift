import Foundation
import Testing
import TestSupport

/// The feed as its subscribers use it: a reader that polls after every export and applies what it gets (an entry
/// replaces the copy it holds by id, a deleted entry removes it) must hold exactly the items the pages show, each as
/// the page shows it. The sequences are the shortest a fuzzer found to break it, each once a bug.
@Suite struct FeedReaderTests {
  /// A subscriber's copy of the feed.
  struct Reader {
    var held: [String: (updated: String, title: String)] = [:]
    var problems: [String] = []

    mutating func poll(_ feed: String) {
      for entry in Self.matches(#"<entry>\n<id>urn:gongkai:notice:([^<]+)</id>\n<title>([^<]*)</title>\n<updated>([^<]+)</updated>"#, feed) {
        let (id, title, updated) = (entry[0], entry[1], entry[2])
        if let copy = held[id], copy.title != title, updated <= copy.updated {
          problems.append("\(id) changed to \(title) but is dated \(updated), not after \(copy.updated)")
        }
        if held[id].map({ updated > $0.updated || $0.title == title }) ?? true { held[id] = (updated, title) }
      }
      for deleted in Self.matches(#"<at:deleted-entry ref="urn:gongkai:notice:([^"]+)""#, feed) { held[deleted[0]] = nil }
    }

    /// Each page's items: their 索引号 and headings, as the feed titles them.
    static func shown(in folder: String) throws -> [String: String] {
      var items: [String: String] = [:]
      for page in try FileManager.default.contentsOfDirectory(atPath: folder) where page.hasPrefix("20") {
        let html = try String(contentsOfFile: folder + "/" + page, encoding: .utf8)
        let name = matches(#"<title>([^<]+)</title>"#, html).first?[0].components(separatedBy: " ").first ?? ""
        for item in matches(#"<h3>([^<]+)</h3>\n<table>\n<tbody>\n<tr><th scope="row">索引号</th><td>([^<]+)</td>"#, html) {
          items[item[1]] = "\(name)：\(item[0])"
        }
      }
      return items
    }

    static func matches(_ pattern: String, _ text: String) -> [[String]] {
      let expression = try! NSRegularExpression(pattern: pattern)
      return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
        (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
      }
    }
  }

  /// Runs `script` (`HH:MM day command…` lines, `export` for a notice export the reader polls) and returns what the
  /// reader got wrong.
  func replay(_ script: String) throws -> [String] {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("register.sqlite").path]
    let notices = folder.appendingPathComponent("notices").path
    #expect(try runGongkai(["init"] + db).status == 0)
    var reader = Reader()
    for line in script.split(separator: "\n") {
      let words = line.split(separator: " ").map(String.init)
      let environment = ["GONGKAI_NOW": "2026-11-\(words[0])T\(words[1]):00+08:00", "GONGKAI_USER": "fuzz"]
      if words[2] == "export" {
        let export = try runGongkai(["export", "notices", "--out", notices, "--as-of", "2026-11-30"] + db, environment: environment)
        #expect(export.status == 0, "\(export.stderr)")
        reader.poll(try String(contentsOfFile: notices + "/feed.atom", encoding: .utf8))
        let shown = try Reader.shown(in: notices)
        let held = reader.held.mapValues(\.title)
        if held != shown { reader.problems.append("after \(line): the reader holds \(held), the pages show \(shown)") }
      } else {
        let result = try runGongkai(Array(words[2...]) + db, environment: environment)
        #expect(result.status == 0, "\(line): \(result.stderr)")
      }
    }
    return reader.problems
  }

  /// A publication recorded later but dated earlier gives the item its 索引号: the one the entry had is named deleted.
  @Test func anEarlierPublicationRecordedLaterRetractsTheNumberTheEntryHad() throws {
    #expect(try replay("""
      02 09:00 project add 2026-310115-48-01-000306 --name 项目0 --unit 建管委
      03 09:48 log 2026-310115-48-01-000306 construction.participants --date 2026-10-20
      04 09:54 disclose 1 --date 2026-10-29 --channel 公众号
      04 10:25 export
      04 10:33 disclose 1 --date 2026-10-24 --channel 门户网站
      05 09:39 export
      """) == [])
    // So too when both were recorded, and the feed exported between them, within one second (a script's run).
    #expect(try replay("""
      02 09:00 project add 2026-310115-48-01-000307 --name 项目1 --unit 建管委
      02 09:00 log 2026-310115-48-01-000307 construction.participants --date 2026-10-20
      02 09:00 disclose 1 --date 2026-10-29 --channel 公众号
      02 09:00 export
      02 09:00 disclose 1 --date 2026-10-24 --channel 门户网站
      02 09:00 export
      """) == [])
  }

  /// Withdrawn, the entry's publication leaves it without one; a publication dated earlier recorded since gives it a
  /// new number: the one withdrawn is named deleted though it is not dated before the new one.
  @Test func aPublicationWithdrawnAndReplacedByAnEarlierDatedOneIsRetracted() throws {
    #expect(try replay("""
      03 09:01 project add 2026-310110-48-01-000301 --name 项目0 --unit 建管委
      03 09:03 log 2026-310110-48-01-000301 design-change.major-change --date 2026-11-03 --ref R1
      05 09:29 disclose 1 --date 2026-11-05 --channel 门户网站
      10 09:58 export
      10 10:04 withdraw --disclosure 1 --reason x
      10 10:12 disclose 1 --date 2026-11-04 --channel 交易平台
      10 10:19 export
      """) == [])
  }

  /// A change published on an earlier day than it was recorded still moves the entry of the item it changes, as does
  /// its publication withdrawn as made by mistake, which puts the item back in force.
  @Test func aChangeRecordedLateOrItsPublicationWithdrawnMovesTheChangedEntry() throws {
    #expect(try replay("""
      02 09:00 project add 2026-310110-48-01-000302 --name 项目0 --unit 建管委
      02 09:37 log 2026-310110-48-01-000302 quality-safety.penalty --date 2026-11-02 --ref R1
      02 10:12 disclose 1 --date 2026-11-02 --channel 交易平台
      02 10:20 export
      03 09:00 log 2026-310110-48-01-000302 quality-safety.penalty-withdrawal --date 2026-11-02 --changes 1
      03 09:10 disclose 2 --date 2026-11-02 --channel 交易平台
      03 09:20 export
      05 09:00 withdraw --disclosure 2 --reason 误录
      05 09:10 export
      """) == [])
  }

  /// Withdrawn before its project's code was corrected into another division, an item is named deleted under the
  /// number its readers hold, the old division's.
  @Test func anItemWithdrawnBeforeACorrectionIntoAnotherDivisionIsDeletedUnderItsOldNumber() throws {
    for withdrawal in ["withdraw --disclosure 1 --reason x", "withdraw 1 --reason x"] {
      #expect(try replay("""
        03 09:00 project add 2026-310115-48-01-000301 --name 项目0 --unit 建管委
        03 09:10 log 2026-310115-48-01-000301 approval-result.construction-permit --date 2026-11-03
        03 09:20 disclose 1 --date 2026-11-03 --channel 公众号
        03 09:30 export
        03 09:40 \(withdrawal)
        03 09:50 project recode 2026-310115-48-01-000301 2026-310110-48-01-000301 --reason x --yes
        03 10:00 export
        """) == [], "\(withdrawal)")
    }
  }
}
