import GongkaiCore

/// Where a milestone stands once `log` or `disclose` has recorded it, when that needs saying at the keyboard: a
/// publication already late or set to come down too early is repaired best now, not after the next morning's check.
/// Empty while all is in order.
struct StandingNote {
  let finding: Finding
  /// The checker that judged the finding: when a notice put up today carries on the one before, and the end of one
  /// put up again in full.
  let checker: Checker
  /// The day the register records the write on. Advice is for today only: judged `--as-of` another day, the
  /// finding says where the milestone stood then, and what could be repaired then may be settled by now.
  let today: CivilDate
  /// Whether the line says a lateness rests on an unverified rule: `disclose` does; `log` has said it of the deadline
  /// it printed just before. A reading of the calendar a lateness rests on is said either way: no deadline says it.
  var marksUnverifiedDeadline = false
  /// The publication `disclose` has just recorded: a shortfall settled by the end it was given is most often that end
  /// typed wrong, and the note says how such a record is repaired.
  var recordedDisclosure: Int64?
  /// Its day and channel: the lateness of a milestone published before on another channel is that first
  /// publication's, which the line names, not the one just recorded.
  var recordedPublication: Disclosure?

  var text: String {
    // Counted over a year without its holiday schedule, a count may change once the schedule is added: marked as
    // `log` marks such a deadline, and as the check, the audit CSV and the public page mark it.
    let provisional = finding.latenessIsProvisional ? " (provisional)" : ""
    let unverifiedDeadline = (marksUnverifiedDeadline ? Self.mark(finding.rule.confidence) : "")
      + Self.mark(finding.verdictReadings(judging: .late))
    switch finding.status {
    case .overdue:
      return " · already overdue \(counted(finding.workingDays ?? 1, "working day"))\(provisional)\(unverifiedDeadline)"
    case .late:
      let late = "\(counted(finding.workingDaysLate ?? 1, "working day")) late\(provisional)\(unverifiedDeadline)"
      if let recorded = recordedPublication, let judged = finding.disclosure,
        judged.publishedOn != recorded.publishedOn || judged.channel != recorded.channel
      {
        return " · the milestone was published \(judged.publishedOn) on \(Terminal.field(judged.channel)), \(late)"
      }
      return " · published \(late)"
    case .tooShort:
      guard let until = finding.publishedUntil, let end = finding.minimumEnd else { return " · published too briefly" }
      let endProvisional = end.isProvisional ? " (provisional)" : ""
      // A minimum held from memory is a judgement, marked as `log` marks such a deadline; the lateness, by its
      // deadline's mark, unless the line has said the rule's already.
      let ruleMark = Self.mark(finding.rule.confidence(judging: .tooShort))
      let unverified = ruleMark + Self.mark(finding.verdictReadings(judging: .tooShort))
      let lateMark = (marksUnverifiedDeadline && ruleMark.isEmpty ? Self.mark(finding.rule.confidence) : "")
        + Self.mark(finding.verdictReadings(judging: .late))
      let late = finding.workingDaysLate.map { ", and \(counted($0, "working day")) late\(provisional)\(lateMark)" } ?? ""
      return " · too short: up until \(until), had to stay up until \(end.date)\(endProvisional)\(unverified)"
        + "\(repair)\(late)\(typoRepair(until: until, end: end.date))"
    case .onTime where finding.statusIsProvisional || !finding.onTimeOnlyBy.isEmpty:
      // Published on days the awaited schedule may rearrange, or on time by a reading of the calendar no statute states:
      // on time as far as anyone can tell today, which the clerk should know before relying on it.
      let years = YearList.english(checker.calendar.unscheduledYears(of: finding))
      let provisional = finding.statusIsProvisional
        ? " (provisional: the holiday schedule of \(years), not yet added, may still change that)" : ""
      return " · on time\(provisional)\(Self.mark(finding.onTimeOnlyBy))"
    case .due, .onTime:
      return ""
    }
  }

  /// What `log` and `disclose` add to a period held from memory: a judgement, to be checked before acting on it.
  static func mark(_ confidence: Confidence) -> String {
    confidence == .unverified ? " (period unverified: see its note in gongkai rules)" : ""
  }

  /// What they add to a verdict that rests on a reading of the calendar no statute states, which no rule's note explains.
  static func mark(_ readings: [CalendarReading]) -> String {
    readings.map { " (unverified: \($0.name.english), an interpretation)" }.joined()
  }

  /// Once the shortfall is settled (past `end`, today), how a take-down day typed wrong is repaired, for the record
  /// `disclose` has just made.
  private func typoRepair(until: CivilDate, end: CivilDate) -> String {
    guard let recordedDisclosure, finding.asOf == today, finding.asOf > end else { return "" }
    return "; if \(until) was typed wrong, withdraw this record (`gongkai withdraw --disclosure \(recordedDisclosure) "
      + "--reason 公示截止日期填错`) and record the publication again with the right --until"
  }

  /// How the shortfall is repaired today (``PublicationRepair``), in a sentence.
  private var repair: String {
    switch PublicationRepair(of: finding, checker: checker, today: today) {
    case .keepUp(let end): " (disclose it again, same --date and --channel, with --until \(end))"
    case .putUpAgain(let end): " (put it up again today until \(end) and record that publication with `gongkai disclose`)"
    case .putUpInFull(let since, let full):
      " (down since \(since), it must be put up again for the whole period: until \(full), recorded with `gongkai disclose`)"
    case nil: ""
    }
  }
}
