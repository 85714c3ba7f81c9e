import GongkaiCore

/// A synthetic register for benchmarks: realistic projects over 2018-2026, about twelve milestones each across
/// the eight categories with their statutory item kinds, dates clustered before the long holidays as real work
/// is, and a realistic mix of disclosures on time, late, missing, too short and withdrawn. The same seed gives
/// the same register.
public struct SyntheticRegister: Sequence {
  public let projects: Int
  public let seed: UInt64
  let catalogue: RuleCatalogue
  let calendar: WorkingDayCalendar

  public init(projects: Int, seed: UInt64, catalogue: RuleCatalogue, calendar: WorkingDayCalendar) {
    self.projects = projects
    self.seed = seed
    self.catalogue = catalogue
    self.calendar = calendar
  }

  public func makeIterator() -> AnyIterator<ProjectDocument> {
    var index = 0
    var random = SplitMix64(seed: seed)
    let kinds = Dictionary(grouping: catalogue.rules.filter { $0.period != nil || $0.minimumPublication != nil }, by: \.category)
    return AnyIterator {
      guard index < projects else { return nil }
      index += 1
      return project(index, kinds: kinds, random: &random)
    }
  }

  /// Milestones per category of a typical project: approvals and tendering dominate.
  static let plan: [(Category, ClosedRange<Int>)] = [
    (.approvalService, 0...1), (.approvalResult, 3...5), (.bidding, 2...4), (.landAcquisition, 0...2),
    (.designChange, 0...1), (.construction, 1...1), (.qualitySafety, 1...1), (.completion, 0...1),
  ]

  static let units = ["杨浦区建设和管理委员会", "杨浦区发展和改革委员会", "杨浦区规划和自然资源局", "杨浦区生态环境局",
                      "杨浦区房屋管理局", "杨浦区教育局", "杨浦区建设工程安全质量监督站"]
  static let channels = ["杨浦区人民政府门户网站", "上海市公共资源交易平台", "全国投资项目在线审批监管平台", "信用中国（上海）"]

  func project(_ index: Int, kinds: [Category: [DisclosureRule]], random: inout SplitMix64) -> ProjectDocument {
    let year = 2018 + Int(random.next() % 9)
    // A million projects per district: the serial has six digits.
    let division = 310_110 + index / 1_000_000
    let code = try! ProjectCode(
      "\(year)-\(division)-\(String(format2: 40 + Int(random.next() % 50)))-01-\(String(format6: index % 1_000_000))")
    let project = Project(
      code: code, name: "合成项目\(index)号", legalPerson: "上海市杨浦区建设发展有限公司", location: "上海市杨浦区",
      totalInvestment: String(1000 + random.next() % 200_000), responsibleUnit: Self.units[Int(random.next() % UInt64(Self.units.count))])
    var date = clustered(CivilDate(year: year, month: 1, day: 1)!.adding(days: Int(random.next() % 300)), random: &random)
    var milestones: [MilestoneEntry] = []
    for (category, count) in Self.plan {
      let candidates = kinds[category] ?? []
      guard !candidates.isEmpty else { continue }
      for _ in 0..<(count.lowerBound + Int(random.next() % UInt64(count.count))) {
        date = clustered(date.adding(days: 5 + Int(random.next() % 60)), random: &random)
        guard date <= CivilDate(year: 2026, month: 11, day: 27)! else { break }
        let rule = candidates[Int(random.next() % UInt64(candidates.count))]
        milestones.append(entry(rule, formedOn: date, number: milestones.count, random: &random))
      }
    }
    return ProjectDocument(project: project, milestones: milestones)
  }

  /// A day moved, a third of the time, to the fortnight before Spring Festival or National Day, when
  /// approvals and contracts pile up.
  func clustered(_ day: CivilDate, random: inout SplitMix64) -> CivilDate {
    guard random.next() % 3 == 0, let holiday = calendar.schedules[day.year]?.holidays.first(where: {
      ($0.name == "春节" || $0.name == "国庆节") && $0.restDays.lowerBound >= day
    }) else { return day }
    return holiday.restDays.lowerBound.adding(days: -1 - Int(random.next() % 14))
  }

  func entry(_ rule: DisclosureRule, formedOn: CivilDate, number: Int, random: inout SplitMix64) -> MilestoneEntry {
    let roll = random.next() % 100
    let deadline = rule.period.flatMap { try? calendar.deadline(of: $0, from: formedOn).date } ?? formedOn.adding(days: 10)
    let allowed = Swift.max(0, formedOn.days(to: deadline))
    var disclosures: [Disclosure] = []
    var withdrawn: String?
    switch roll {
    case 0..<72: disclosures = [Disclosure(publishedOn: formedOn.adding(days: Int(random.next() % UInt64(allowed + 1))),
                                          channel: channel(&random), url: "https://xxgk.yangpu.example/\(number)")]
    case 72..<84: disclosures = [Disclosure(publishedOn: deadline.adding(days: 1 + Int(random.next() % 20)), channel: channel(&random))]
    case 84..<97: break
    case 97..<99:
      let published = formedOn.adding(days: Int(random.next() % UInt64(allowed + 1)))
      disclosures = [Disclosure(publishedOn: published, channel: channel(&random), until: published.adding(days: 1))]
    default: withdrawn = "重复登记"
    }
    let today = CivilDate(year: 2026, month: 11, day: 27)!
    disclosures = disclosures.filter { $0.publishedOn <= today }
    return MilestoneEntry(kind: rule.code, formedOn: formedOn, reference: "合成〔\(formedOn.year)〕\(number + 1)号",
                          summary: "\(rule.name.chinese)（合成数据）", withdrawnReason: withdrawn, disclosures: disclosures)
  }

  func channel(_ random: inout SplitMix64) -> String { Self.channels[Int(random.next() % UInt64(Self.channels.count))] }
}

extension SyntheticRegister {
  /// The register as an import source, read one project at a time; `projectsOnly` leaves the milestones out.
  public func documents(projectsOnly: Bool = false) -> Documents {
    let iterator = makeIterator()
    return Documents(iterator: projectsOnly ? AnyIterator { iterator.next().map { ProjectDocument(project: $0.project, milestones: []) } } : iterator,
                     expectedCount: projects)
  }

  public struct Documents: ImportSource {
    var iterator: AnyIterator<ProjectDocument>
    public let expectedCount: Int?
    public mutating func next() -> ProjectDocument? { iterator.next() }
    /// Never called: an import of whole projects rejects nothing to its source.
    public mutating func reject(line: Int, field: String, message: String) {}
  }
}

/// SplitMix64: small, fast and the same on every platform, so a seed means the same register everywhere.
public struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension String {
  init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
  init(format6 value: Int) {
    let digits = "\(value)"
    self = String(repeating: "0", count: Swift.max(0, 6 - digits.count)) + digits
  }
}
