import GongkaiCore
import GongkaiStore

/// Disclosure performance for an annual review (政府信息公开工作年度报告) and a unit's assessment: per responsible
/// unit and per category, the obligations of the year (milestones formed in it), how many were published on time,
/// late, or not at all by their deadline, the on-time rate and the median working days to publish.
public struct DisclosureStatistics: Sendable {
  public struct Line: Sendable {
    /// The unit's name, the category's Chinese name, or 合计.
    public let name: String
    /// The category a category line counts; `nil` for a unit and for the total.
    public let category: Category?
    /// Whether the line is the total (合计), which a unit of that name is not.
    public let isTotal: Bool
    public var obligations = 0
    public var onTime = 0
    public var late = 0
    public var overdue = 0
    public var due = 0
    public var tooShort = 0
    /// Published or awaiting publication, of an item no law sets a period for (a tender notice published before
    /// the documents go on sale): neither on time nor late, so counted apart and left out of the rate, which
    /// they would otherwise raise with every publication made at any time.
    public var withoutPeriod = 0
    /// The obligations whose status may change once a missing holiday schedule is published, counted in their status
    /// all the same: what a review sets aside until the schedule is out.
    public var provisional = 0
    /// The verdicts the on-time rate counts that rest on a period the rules hold unverified, or on a reading of the
    /// calendar no statute states (M, 时限待核实): the tracker's judgement, which a review checks before holding it
    /// against a unit.
    public var unverified = 0
    /// The verdicts the on-time rate counts among the other obligations, and of those the ones on time: a status that
    /// may change is left out whatever it is today, since a due item may turn overdue, or an item without a period
    /// too short, and so enter the rate.
    var settledJudged = 0, settledOnTime = 0
    /// How many publications took each number of working days: the median needs no list of every publication,
    /// so a year of a national register counts in constant memory. Items without a statutory period are left out,
    /// as from the rate: a draft EIA report put up for comment when the builder chooses says nothing of how fast a
    /// unit publishes what the law times.
    var daysToPublish: [Int: Int] = [:]
    /// The milestones formed in the year withdrawn as recorded by mistake, on their own or with their project: left out
    /// of every other figure, as never true, and counted here, since a late item withdrawn raises the rate it no
    /// longer counts in, and a review must see how many stopped counting (the audit CSV names each, who and why).
    public var withdrawn = 0
    /// The publications of the items counted above withdrawn as recorded by mistake: a late one withdrawn and recorded
    /// again on an earlier day turns its item on time, so a review sees how many publications stopped counting (the
    /// audit CSV's 已撤回的公开 names each).
    public var withdrawnPublications = 0
    /// The items counted above whose day formed an amendment moved (`amend --date`) and whose status it turned: judged
    /// from the day first recorded they would stand otherwise (an overdue item as recorded, due as amended). A review
    /// checks each correction that moved a verdict (the audit CSV's 按原形成日期的状态 names the status it turned).
    public var turnedByAmendment = 0

    init(name: String, category: Category? = nil, isTotal: Bool = false) {
      self.name = name
      self.category = category
      self.isTotal = isTotal
    }

    /// The line's name in the report's language: a unit's name is its own in either; a category and the total
    /// are named in English in an English report.
    public func name(english: Bool) -> String {
      guard english else { return name }
      return category?.englishName ?? (isTotal ? "total" : name)
    }

    static let totalName = "合计"

    /// Published on time among the obligations judged so far: published (on time, late or too short) or overdue;
    /// due ones are not yet judged. In percent; `nil` when none is.
    public var onTimeRate: Double? {
      let judged = onTime + late + overdue + tooShort
      return judged == 0 ? nil : Double(onTime) / Double(judged) * 100
    }

    /// ``onTimeRate`` over the obligations whose status no missing schedule can change; `nil` when none is judged.
    public var settledOnTimeRate: Double? {
      settledJudged == 0 ? nil : Double(settledOnTime) / Double(settledJudged) * 100
    }

    /// The median of working days from formation to publication, over what was published of the items a law
    /// sets a period for.
    public var medianDaysToPublish: Double? {
      let count = daysToPublish.values.reduce(0, +)
      guard count > 0 else { return nil }
      let sorted = daysToPublish.sorted { $0.key < $1.key }
      /// The value at `position` of the publications in order of days.
      func value(at position: Int) -> Int {
        var seen = 0
        for (days, times) in sorted {
          seen += times
          if position < seen { return days }
        }
        return sorted[sorted.count - 1].key
      }
      return Double(value(at: (count - 1) / 2) + value(at: count / 2)) / 2
    }

    /// Whether the on-time rate counts the finding: on time, late, overdue or too short; not due, and not an item
    /// without a period unless too short (``withoutPeriod``). Judged as the public pages judge it: a 公示 still up
    /// counts by its first publication.
    static func countsInRate(_ finding: Finding) -> Bool {
      finding.publicStatus == .tooShort || finding.deadline != nil && finding.publicStatus != .due
    }

    mutating func count(_ finding: Finding, calendar: WorkingDayCalendar) {
      obligations += 1
      let status = finding.publicStatus
      switch status {
      case .onTime where finding.deadline == nil, .due where finding.deadline == nil: withoutPeriod += 1
      case .onTime: onTime += 1
      case .late: late += 1
      case .overdue: overdue += 1
      case .due: due += 1
      case .tooShort: tooShort += 1
      }
      if Self.countsInRate(finding), finding.confidence(judging: status) == .unverified { unverified += 1 }
      if finding.publicStatusIsProvisional {
        provisional += 1
      } else if Self.countsInRate(finding) {
        settledJudged += 1
        if status == .onTime { settledOnTime += 1 }
      }
      if finding.deadline != nil, let published = finding.disclosure?.publishedOn {
        // A notice published ahead of the day it announces, as its law wants, took no time: 0, not days below it.
        let formed = finding.milestone.formedOn
        daysToPublish[calendar.workingDays(from: formed, through: max(published, formed)), default: 0] += 1
      }
    }
  }

  public let year: Int
  public let asOf: CivilDate
  public private(set) var total = Line(name: Line.totalName, isTotal: true)
  public private(set) var units: [Line] = []
  public private(set) var categories: [Line] = []
  /// The years without an official holiday schedule that the counted statuses, or the median's working days, rest on.
  public private(set) var unscheduledYears = Set<Int>()
  /// Whether the median's working days rest on such a year: a publication in the last week of a year counts days
  /// the next year's notice may make rest days, whether or not any status may change.
  public private(set) var medianIsProvisional = false

  /// Counts the milestones formed in `year`, judged as of `asOf`, and apart those of them withdrawn as recorded by mistake.
  public init(store: any Store, checker: Checker, year: Int, asOf: CivilDate) async throws {
    self.year = year
    self.asOf = asOf
    var byUnit: [String: Line] = [:]
    var byCategory: [Category: Line] = [:]
    var total = Line(name: Line.totalName, isTotal: true)
    var unscheduled = Set<Int>()
    var medianIsProvisional = false
    /// A milestone in force, judged, under its unit, its category and the total.
    func countJudged(_ stored: StoredMilestone) throws {
      guard let finding = try checker.judge(stored.milestone, asOf: asOf) else { return }
      let withdrawnPublications = stored.withdrawnPublications.count
      byUnit[finding.responsibleUnit, default: Line(name: finding.responsibleUnit)].count(finding, calendar: checker.calendar)
      byUnit[finding.responsibleUnit]!.withdrawnPublications += withdrawnPublications
      byCategory[finding.rule.category, default: Line(name: finding.rule.category.chineseName, category: finding.rule.category)].count(finding, calendar: checker.calendar)
      byCategory[finding.rule.category]!.withdrawnPublications += withdrawnPublications
      total.count(finding, calendar: checker.calendar)
      total.withdrawnPublications += withdrawnPublications
      if let original = checker.statusFromOriginalDay(of: stored, asOf: asOf), original != finding.status {
        byUnit[finding.responsibleUnit]!.turnedByAmendment += 1
        byCategory[finding.rule.category]!.turnedByAmendment += 1
        total.turnedByAmendment += 1
      }
      // Only a status that may change changes a count: a provisional deadline met before the days an awaited schedule
      // may arrange can make up its period does not. The status counted is the public one (a 公示 still up is judged
      // by its publication's timing), as the 状态暂定 column counts it.
      if finding.publicStatusIsProvisional { unscheduled.formUnion(checker.calendar.unscheduledYears(of: finding)) }
      // The median's days from formation to publication, which no deadline covers for an item without one.
      if finding.deadline != nil, let published = finding.disclosure?.publishedOn,
        checker.calendar.isProvisional(from: finding.milestone.formedOn, through: published)
      {
        unscheduled.formUnion(checker.calendar.unscheduledYears(from: finding.milestone.formedOn, through: published))
        medianIsProvisional = true
      }
    }
    /// A milestone withdrawn, under the unit and category it would count under.
    func countWithdrawn(_ milestone: Milestone) {
      let rule = checker.catalogue.rule(for: milestone.kind)
      if let unit = milestone.responsibleUnit ?? rule?.responsible.chinese { byUnit[unit, default: Line(name: unit)].withdrawn += 1 }
      if let category = rule?.category { byCategory[category, default: Line(name: category.chineseName, category: category)].withdrawn += 1 }
      total.withdrawn += 1
    }
    // The year's milestones, withdrawn ones and those of withdrawn projects too, to count what stopped counting; a year
    // beyond the days a register can hold has none.
    if let first = CivilDate(year: year, month: 1, day: 1), let last = CivilDate(year: year, month: 12, day: 31) {
      var ofTheYear = MilestoneFilter(withdrawn: true)
      ofTheYear.formedIn = first...last
      ofTheYear.withdrawnPublications = true
      try await store.forEachProject(matching: ofTheYear) { project, milestones in
        for stored in milestones {
          if stored.withdrawnReason == nil && project.withdrawnReason == nil {
            try countJudged(stored)
          } else {
            countWithdrawn(stored.milestone)
          }
        }
      }
    }
    self.total = total
    unscheduledYears = unscheduled
    self.medianIsProvisional = medianIsProvisional
    units = byUnit.values.sorted { ($0.obligations, $1.name) > ($1.obligations, $0.name) }
    // All eight, in the order of the 94号文, those with nothing formed in the year at 0: the annual report's table
    // has a row for each, and a category left out one year and not the next moves the rows under it.
    categories = Category.allCases.map { byCategory[$0] ?? Line(name: $0.chineseName, category: $0) }
  }
}
