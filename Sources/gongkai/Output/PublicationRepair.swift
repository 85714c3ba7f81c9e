import GongkaiCore
import GongkaiStore

/// What repairs a 公示 found too short, on the day it is judged, while it still can be: repairable until the day it had
/// to stay up to; after it, settled history. While it is up its end is moved; the day after it came down it is put up
/// again, a publication of its own that carries the notice on. Later, the days off the channels break the period: only
/// a notice put up again for the whole period meets it, from its own first day. `disclose` says it in a sentence, the
/// morning check as the command to run.
enum PublicationRepair {
  /// Keep it up: record its end again, `until` the minimum's end.
  case keepUp(until: CivilDate)
  /// Put it up again today until the minimum's end: it carries the notice on.
  case putUpAgain(until: CivilDate)
  /// Down since `since`, too long to carry the notice on: put it up again for the whole period, from today `until`.
  case putUpInFull(since: CivilDate, until: CivilDate)

  /// The repair of `finding` judged today; `nil` for any other finding, one judged as of another day (what could be
  /// repaired then may be settled by now), or a shortfall already settled.
  init?(of finding: Finding, checker: Checker, today: CivilDate) {
    guard finding.status == .tooShort, let until = finding.publishedUntil, let end = finding.minimumEnd?.date,
      finding.asOf == today, today <= end else { return nil }
    if today <= until {
      self = .keepUp(until: end)
    } else if checker.carriesOn(publicationOf: finding.rule, endedOn: until, putUpOn: today) {
      self = .putUpAgain(until: end)
    } else if let period = finding.rule.minimumPublication,
      let full = try? checker.calendar.deadline(
        of: period, from: finding.rule.minimumStart(publishedOn: today, formedOn: finding.milestone.formedOn))
    {
      self = .putUpInFull(since: until.adding(days: 1), until: full.date)
    } else {
      return nil
    }
  }

  /// The command that records the repair of `finding`: the end moved of the publication that comes down last (its day
  /// and channel), or a publication of today on that channel.
  func command(for finding: Finding) -> String {
    let last = finding.milestone.disclosures.last { $0.until == finding.publishedUntil && $0.publishedOn <= finding.asOf }
    let channel = ShellWord.quoted(last?.channel ?? "…")
    return switch self {
    case .keepUp(let until):
      "gongkai disclose \(finding.milestone.id) --date \(last?.publishedOn.description ?? "…") --channel \(channel) --until \(until)"
    case .putUpAgain(let until), .putUpInFull(_, let until):
      "gongkai disclose \(finding.milestone.id) --date \(finding.asOf) --channel \(channel) --until \(until)"
    }
  }
}
