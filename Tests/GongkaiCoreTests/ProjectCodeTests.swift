import GongkaiCore
import Testing

/// The national project code is checked on every write and again on every read of the register.
@Suite struct ProjectCodeTests {
  @Test(arguments: ["2024-310110-48-01-000123", "1990-110000-00-00-000000", "2199-659001-99-99-999999"])
  func wellFormedCodesAreAccepted(_ text: String) throws {
    #expect(try ProjectCode(text).rawValue == text)
  }

  @Test(arguments: [
    "", "2024-310110-48-01-00012", "2024-310110-48-01-0001234", "2024-31011-48-01-0001234", "2024310110-48-01-0001234",
    "2024-310110-48-01_000123", "2024-310110-4a-01-000123", "1989-310110-48-01-000123", "2200-310110-48-01-000123",
    "２０２４-310110-48-01-000123", "2024-310110-48-01-00012３", " 2024-310110-48-01-00012", "2024-310110-48-01-000123 ",
  ])
  func anythingElseIsRefusedWithTheText(_ text: String) {
    #expect(throws: RegisterError.malformedProjectCode(text)) { try ProjectCode(text) }
  }

  /// A code kept byte by byte is not taken in another form; typed with a Chinese input method's full-width digits, the
  /// refusal gives it in ASCII to type.
  @Test func aFullWidthCodeIsRefusedWithTheCodeToType() {
    let typed = "２０２４－３１０１１０－４８－０１－０００１２３"
    #expect(throws: RegisterError.malformedProjectCode(typed)) { try ProjectCode(typed) }
    #expect(RegisterError.malformedProjectCode(typed).description
      == "project code '\(typed)' is typed with full-width characters (a Chinese input method's); type it in ASCII: 2024-310110-48-01-000123")
  }

  /// A space inside a code prints as one, a no-break space copied from a web page too: the refusal names it, with the
  /// code to type, where it said only that a code that looks right is malformed (a migrating clerk's sheet).
  @Test func aCodeWithASpaceInsideIsRefusedNamingTheSpace() {
    #expect(RegisterError.malformedProjectCode("2024-310110-48-01-\u{A0}000123").description
      == "project code '2024-310110-48-01-\u{A0}000123' holds a space that is not one (U+00A0), as a code copied from a web page "
      + "may; type it without: 2024-310110-48-01-000123")
    #expect(RegisterError.malformedProjectCode("2024-310110- 48-01-000123").description
      == "project code '2024-310110- 48-01-000123' holds a space; type it without: 2024-310110-48-01-000123")
  }

  @Test func theYearAndDivisionAreReadFromTheCode() throws {
    let code = try ProjectCode("2024-310110-48-01-000123")
    #expect(code.year == 2024)
    #expect(code.division == "310110")
  }

  /// 总投资 is a number of 万元: written as money is written, with separators or its unit, it is refused with the
  /// number meant, the point moved, never rounded.
  @Test(arguments: [
    ("38,600", "the field is a number of 万元 and takes no thousands separators: type 38600"),
    ("38600万元", "the field is a number of 万元: type 38600"),
    ("３８，６００万元", "the field is a number of 万元 and takes no thousands separators: type 38600"),
    ("5.6亿元", "the field is a number of 万元, and 5.6亿元 is 56000 万元: type 56000"),
    ("1.23456789亿", "the field is a number of 万元, and 1.23456789亿 is 12345.6789 万元: type 12345.6789"),
    ("386000000元", "the field is a number of 万元, and 386000000元 is 38600 万元: type 38600"),
    ("0.5亿", "the field is a number of 万元, and 0.5亿 is 5000 万元: type 5000"),
  ])
  func anInvestmentWrittenAsMoneyIsWrittenNamesTheNumberMeant(typed: String, advice: String) throws {
    let problem = try #require(Project.investmentProblem(typed))
    #expect(problem.description.hasSuffix(advice), "\(problem)")
  }

  /// What is no amount in any writing gets the form, not a guess.
  @Test(arguments: ["12,34", "1.23456元", "abc万元", "1.2e4", "5.6千万", "1,2345"])
  func anInvestmentThatIsNoAmountGetsTheForm(typed: String) throws {
    let problem = try #require(Project.investmentProblem(typed))
    #expect(problem.description.hasSuffix("such as 125000 or 3500.5"), "\(problem)")
  }
}
