@testable import GongkaiCore
import Testing

/// The text checks run on every field of every imported row, so they avoid Unicode property lookups where a
/// range says the same; these tests hold the shortcuts to the properties they stand for.
@Suite struct RegisterTextTests {
  /// Every Unicode scalar.
  static let scalars = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init)

  /// A withdrawal or correction of a legal record says why: punctuation alone, or a placeholder pasted from a
  /// suggested command, says nothing.
  /// One document number typed with the brackets at hand compares as the one typed with 〔〕; another number does not.
  @Test func documentNumbersCompareAcrossBracketStylesAndWidths() {
    let standard = DocumentNumber.lookAlike("杨竣〔2026〕5号")
    for typed in ["杨竣[2026]5号", "杨竣（2026）5号", "杨竣(2026)5号", "杨竣【2026】5号", "杨竣［２０２６］５号", "杨竣 〔2026〕 5号"] {
      #expect(DocumentNumber.lookAlike(typed) == standard, "\(typed)")
    }
    #expect(DocumentNumber.lookAlike("杨竣〔2026〕6号") != standard)
    #expect(DocumentNumber.lookAlike("杨竣2026-5号") != standard)
  }

  /// The form a register is searched for, for a 文号 in other brackets added on another day: the standard one.
  @Test func aDocumentNumberIsSoughtInTheStandardBrackets() {
    for typed in ["杨竣[2026]5号", "杨竣（2026）5号", "杨竣(2026)5号", "杨竣【2026】5号"] {
      #expect(DocumentNumber.inStandardBrackets(typed) == "杨竣〔2026〕5号", "\(typed)")
    }
    #expect(DocumentNumber.inStandardBrackets("杨竣〔2026〕5号") == nil && DocumentNumber.inStandardBrackets("YP-2026-01") == nil)
    #expect(DocumentNumber.inStandardBrackets("杨竣[2026 5号") == nil)
  }

  /// A publication dated before its information with only the year off names the day meant; a day off does not.
  @Test func aPublicationYearTypedOffIsNamed() throws {
    func meant(_ published: String, _ formed: String) throws -> String? {
      try RegisterError.yearMeant(published: CivilDate(parsing: published), formed: CivilDate(parsing: formed),
                                  today: CivilDate(parsing: "2027-01-10")).map(\.description)
    }
    #expect(try meant("2025-11-25", "2026-11-23") == "2026-11-25")
    #expect(try meant("2026-01-04", "2026-12-30") == "2027-01-04")
    #expect(try meant("2026-01-04", "2026-01-05") == nil)
    #expect(try meant("2016-03-01", "2026-06-01") == nil)
    // Not a day still to come
    #expect(try meant("2026-01-20", "2026-12-30") == nil)
  }

  /// A day formed a year ago or more, a digit off this year's or last year's and within the last 90 days there, names
  /// the day meant; a day of a backlog (no digit off, or not that recent) does not.
  @Test func aFormedYearTypedOffIsNamed() throws {
    func meant(_ formed: String) throws -> String? {
      try RegisterError.yearMeant(formed: CivilDate(parsing: formed), today: CivilDate(parsing: "2026-12-07")).map(\.description)
    }
    #expect(try meant("2025-11-26") == "2026-11-26")
    #expect(try meant("2016-11-05") == "2026-11-05")
    #expect(try meant("2024-11-26") == "2026-11-26")
    #expect(try meant("2025-03-01") == nil)
    #expect(try meant("2026-11-26") == nil)
    #expect(try meant("2019-11-26") == nil)
  }

  @Test func aReasonMustSaySomething() {
    for text in ["…", "...", "<原因>", "【理由】", "reason", " — ", "无", "N/A", "暂无。"] {
      #expect(RegisterText.reasonProblems("--reason", text, example: "重复登记").map(\.field) == ["--reason"], "\(text)")
    }
    for text in ["重复登记", "原因：录入错误", "typo", "文号2026-07"] {
      #expect(RegisterText.reasonProblems("--reason", text, example: "重复登记").isEmpty, "\(text)")
    }
    #expect(RegisterText.reasonProblems("--reason", " ", example: "重复登记") == [.missingReason("--reason", example: "重复登记")])
    // The mark of a project's withdrawal, which would make a milestone withdrawn on its own look taken with it
    #expect(RegisterText.reasonProblems("--reason", "（项目撤回）项目代码错误", example: "重复登记").map(\.field) == ["--reason"])
    #expect(RegisterText.reasonProblems("--reason", "项目撤回后重复登记", example: "重复登记").isEmpty)
  }

  @Test func controlCharactersAreExactlyGeneralCategoryCc() {
    let differing = Self.scalars.filter { RegisterText.isControl($0) != ($0.properties.generalCategory == .control) }
    #expect(differing.isEmpty)
  }

  @Test func forbiddenURLCharactersAreWhiteSpaceAndThoseToPercentEncode() {
    let differing = Self.scalars.filter {
      RegisterText.isForbiddenInURL($0) != ($0.properties.isWhitespace || "\"<>\\^`{|}".unicodeScalars.contains($0))
    }
    #expect(differing.isEmpty)
  }

  @Test(arguments: [
    "https://example.cn/a", "HTTPS://EXAMPLE.CN", "Http://x", "http://", "https://", "https:/x", "ftp://example.cn",
    "http://例子.中国/公告", "ＨTTPS://example.cn", "https://\u{301}x", "http://\u{301}", "   ", "\r\n", "http://a b",
    "https://a\u{3000}b",
  ])
  func urlsAreJudgedAsByTheirLowercasedCharacters(_ url: String) {
    let lower = url.lowercased()
    let schemeProblem = !(lower.hasPrefix("https://") || lower.hasPrefix("http://"))
    let problem = RegisterText.urlProblems("url", url).first?.description ?? ""
    // A scheme typed full-width (ＨTTPS://) is said to be so.
    #expect((problem.contains("starting with https://") || problem.contains("typed in full-width characters")) == schemeProblem)
  }

  /// A noncharacter is refused like a control character: one in a project's name made the Atom feed of every
  /// project unreadable XML. The characters around the ranges stay accepted.
  @Test func noncharactersAreRefusedAndTheirNeighboursAccepted() {
    // Swift refuses U+FFFE and U+FFFF as literals, so the scalars are made from their values.
    func named(_ value: UInt32) -> String { "工程" + String(Character(Unicode.Scalar(value)!)) }
    for value: UInt32 in [0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF] {
      #expect(RegisterText.problems("name", named(value)).first?.description.contains("noncharacter") == true, "\(value)")
    }
    for value: UInt32 in [0xFDCF, 0xFDF0, 0xFFFC, 0x1FFFD, 0x20000] {
      #expect(RegisterText.problems("name", named(value)).isEmpty, "\(value)")
    }
  }

  /// Told as what it is: `http://` alone was once refused for not starting with https://, which it does as http://.
  @Test(arguments: ["https:///x", "http://?q=1", "HTTPS://#top", "http://", "https://"])
  func anAddressWithoutASiteIsRefused(_ url: String) {
    let scheme = url.prefix { $0 != ":" }.lowercased()
    #expect(RegisterText.urlProblems("url", url).first?.description.contains("names no site after \(scheme)://;") == true)
  }

  /// An address an input method typed full-width is told so, not as one without its scheme.
  @Test(arguments: ["ｈｔｔｐｓ：／／ｗｗｗ．ｓｈｙｐ．ｇｏｖ．ｃｎ／ａ", "https：//www.shyp.gov.cn/a", "ｈｔｔｐ://e.example/"])
  func aFullWidthAddressIsSaidToBe(_ url: String) {
    #expect(RegisterText.urlProblems("url", url).first?.description
      == "url '\(url)' is not accepted: it is typed in full-width characters (ｈｔｔｐｓ：／／); type the address in ASCII, as the browser shows it")
  }

  /// A site no browser can reach is refused at input: the OC4IDS validator rejected the whole package for one.
  @Test(arguments: [
    ("https://[xyz]/", "brackets around the site hold an IPv6"), ("https://[::1/", "brackets around the site hold an IPv6"),
    ("https://[::1]x/", "a port"), ("https://e.example:abc/", "a port"), ("https://e.example:65536/", "a port"),
    ("https://e.example:8a/x", "a port"), ("https://[1.2.3.4:]/a", "brackets around the site hold an IPv6"),
    ("https://exa]mple.com/a", "brackets in the site's part"), ("https://u[x]@h.com/a", "brackets in the site's part"),
  ])
  func whatIsNotAnAddressIsRefused(url: String, flaw: String) {
    let problem = RegisterText.urlProblems("url", url).first?.description ?? ""
    #expect(problem.contains(flaw) && problem.hasSuffix("; copy the address from the browser"), "\(problem)")
  }

  @Test func ipv6AddressesAreReadAsRFC4291WritesThem() {
    for address in ["::1", "::", "1::", "2001:db8::1", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8", "fe80::1:2", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:1.2.3.4"] {
      #expect(RegisterText.isIPv6Address(ArraySlice(address.utf8)), "\(address)")
    }
    for address in ["1.2.3.4:", "xyz", ":1", "1:", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "1:2:3:4:5:6:7:8::", "::1.2.3.256", ":::", "::01.2.3.4", "fe80::1%eth0"] {
      #expect(!RegisterText.isIPv6Address(ArraySlice(address.utf8)), "\(address)")
    }
  }

  /// What browsers give and follow is accepted as it is, the escapes of an old portal's script and a single-page
  /// application's second `#` included.
  @Test(arguments: [
    "https://e.example/a#x", "https://e.example/%E5%85%AC", "https://[2001:db8::1]:8443/a", "https://[::ffff:1.2.3.4]/",
    "http://e.example:80/@user", "https://xxgk.example/公告/1.html#第二条", "https://e.example?q=1", "HTTP://E.EXAMPLE:8080",
    "https://e.example/s.asp?key=%u516C&ids[]=1", "https://e.example/app#/route#part", "https://e.example:/x", "https://e.example/100%",
  ])
  func addressesAreAccepted(url: String) {
    #expect(RegisterText.urlProblems("url", url).isEmpty, "\(url)")
  }

  /// A user name before `@` makes a link on a public page look like one site and lead to another.
  @Test(arguments: ["https://good.gov.cn@evil.example/a", "http://user:pw@e.example:80/", "https://@e.example"])
  func anAddressWithAUserNameIsRefusedNamingWhereItLeads(url: String) {
    let problem = RegisterText.urlProblems("url", url).first?.description ?? ""
    #expect(problem.contains("the address leads to ") && problem.hasSuffix("give the address of the publication itself, without a user name"), "\(problem)")
  }

  @Test func oneFieldIsJudgedInOrderTooLongThenUndecodableThenControl() {
    #expect(RegisterText.problems("ref", String(repeating: "号", count: 201) + "\u{FFFD}\u{7}").first?.description
      .contains("203 characters") == true)
    #expect(RegisterText.problems("ref", "a\u{7}\u{FFFD}").first?.description.contains("not UTF-8") == true)
    #expect(RegisterText.problems("ref", "a\u{202E}b\u{7}").first?.description.contains("U+202E") == true)
    #expect(RegisterText.problems("summary", "a\nb\tc", allowNewlines: true).isEmpty)
    #expect(RegisterText.problems("summary", "a\r\nb", allowNewlines: true).first?.description
      .hasSuffix("it contains a carriage return (U+000D); break lines with a line feed alone") == true)
    // A line broken on Windows in a field of one line is a line break, not only its carriage return
    #expect(RegisterText.problems("ref", "多\r\n行").first?.description
      .hasSuffix("it contains a line break (U+000D U+000A), which this field may not hold; remove it") == true)
    #expect(RegisterText.problems("ref", "多\r行").first?.description.hasSuffix("it contains a carriage return (U+000D); remove it") == true)
    #expect(RegisterText.withLineFeeds("a\r\nb\rc\nd") == "a\nb\nc\nd")
    #expect(RegisterText.problems("summary", "a\u{85}b", allowNewlines: true).first?.description.contains("control character U+0085") == true)
  }

  /// What changes how text displays without showing itself is refused: bidirectional marks everywhere; line
  /// separators and invisible characters in a one-line field, where they make two 文号 that look alike differ; tags and
  /// interlinear annotations everywhere too, as they spell text a page carries unseen.
  @Test(arguments: [
    ("\u{200E}", "bidirectional control U+200E", true), ("\u{200F}", "bidirectional control U+200F", true),
    ("\u{061C}", "bidirectional control U+061C", true), ("\u{2028}", "line or paragraph separator (U+2028)", true),
    ("\u{2029}", "line or paragraph separator (U+2029)", true), ("\u{200B}", "invisible character U+200B", false),
    ("\u{2060}", "invisible character U+2060", false), ("\u{FEFF}", "invisible character U+FEFF", false),
    ("\u{00AD}", "invisible character U+00AD", false), ("\u{3164}", "invisible character U+3164", false),
    ("\u{115F}", "invisible character U+115F", false), ("\u{034F}", "invisible character U+034F", false),
    ("\u{2061}", "invisible character U+2061", false), ("\u{2800}", "invisible character U+2800", false),
    ("\u{FFF9}", "invisible character U+FFF9, which carries text no reader of a page sees", true),
    ("\u{1D173}", "invisible character U+1D173", false),
    ("\u{E0041}", "invisible character U+E0041, which carries text no reader of a page sees", true),
    ("\u{E007F}", "invisible character U+E007F", true), ("\u{FFFB}", "invisible character U+FFFB", true), ("\u{200D}", "invisible character U+200D", false),
    ("\u{200C}", "invisible character U+200C", false), ("\u{180E}", "invisible character U+180E", false),
    ("\u{FE00}", "invisible character U+FE00", false), ("\u{FE0F}", "invisible character U+FE0F", false),
    ("\u{E0100}", "invisible character U+E0100", false),
  ])
  func hiddenCharactersAreRefused(scalar: String, named: String, inSummariesToo: Bool) {
    let problem = RegisterText.problems("ref", "杨建\(scalar)罚〔2026〕1号").first?.description ?? ""
    #expect(problem.contains(named), "\(problem)")
    #expect(RegisterText.problems("summary", "处罚\(scalar)决定", allowNewlines: true).isEmpty == !inSummariesToo)
  }

  /// Joiners are refused beside a Chinese character (`测试\u{200D}单位` looks like 测试单位), before or after it and at
  /// the end, and presentation selectors and the Mongolian vowel separator after what they do not apply to (a digit of a
  /// 文号); scripts and emoji that need them keep them, as do the visible spaces and marks around the refused ones.
  @Test func joinersWhereTheyJoinAndTheNeighboursOfRefusedCharactersAreAccepted() {
    for text in ["👨\u{200D}👩\u{200D}👧", "क्\u{200D}ष", "می\u{200C}خواهم", "HT\u{200D}-1", "🏗\u{FE0F}工程", "☎\u{FE0E}",
                 "ᠨᠠ\u{180E}ᠠ", "ᠨ\u{180B}ᠠ"] {
      #expect(RegisterText.problems("name", text).isEmpty, "\(text.unicodeScalars.map(\.value))")
    }
    for text in ["\u{200D}工程", "工程\u{200C}", "测试\u{200D}单位"] {
      #expect(RegisterText.problems("name", text).first?.description.contains("invisible character U+200") == true, "\(text)")
    }
    for text in ["杨建罚〔2026〕99\u{FE0F}号", "#\u{FE0F}\u{20E3}", "\u{FE0F}工程", "杨\u{180E}浦", "杨\u{180B}浦"] {
      #expect(RegisterText.problems("ref", text).first?.description.contains("invisible character U+") == true, "\(text)")
    }
    // The deprecated format characters, the specials before the annotation marks, the shorthand format controls and
    // the tags block's unassigned rest show nothing either
    for scalar in ["\u{206A}", "\u{206F}", "\u{FFF0}", "\u{FFF8}", "\u{1BCA0}", "\u{1BCA3}", "\u{E0FFF}"] {
      #expect(RegisterText.problems("unit", "杨浦区建设和管理委员会\(scalar)").first?.description.contains("invisible character U+") == true,
              "\(scalar.unicodeScalars.first!.value)")
    }
    for scalar in ["\u{200A}", "\u{2027}", "\u{202F}", "\u{205F}", "\u{2065}", "\u{FEFE}", "\u{061B}"] {
      #expect(RegisterText.problems("name", "工程\(scalar)").isEmpty, "\(scalar.unicodeScalars.first!.value)")
    }
  }

  /// A blank optional text a register holds (an import kept one before blanks were read as left out) is what `doctor`
  /// names, for the correction that clears it.
  @Test func aStoredBlankOptionalTextIsAProblem() {
    let blanks = MilestoneEntry.textProblems(reference: "", summary: "\u{3000}", responsibleUnit: " ", withdrawnReason: nil)
    #expect(blanks.map(\.field) == ["ref", "summary", "unit"])
    #expect(blanks.allSatisfy { $0.description.contains("it is blank, where the field should be left out") }, "\(blanks)")
    #expect(MilestoneEntry.textProblems(reference: nil, summary: nil, responsibleUnit: nil, withdrawnReason: nil).isEmpty)
    let project = Project(code: try! ProjectCode("2024-310110-48-01-000123"), name: "杨浦滨江", legalPerson: "", location: "\u{3000}",
                          responsibleUnit: "杨浦区建设和管理委员会")
    #expect(project.problems().map(\.field) == ["legal-person", "location"])
  }

  /// A blank required field is met with what to type in it, whether it came from an option or a file.
  @Test(arguments: ["channel", "--channel", "name", "responsible-unit", "--unit", "--publisher", "--by"])
  func aMissingRequiredFieldSaysWhatToGive(_ field: String) {
    let message = RegisterText.problems(field, " \t", required: true).first?.description ?? ""
    #expect(message.hasPrefix("\(field) is missing or empty; give "))
    #expect(message.contains(", e.g. "), "\(message)")
  }
}
