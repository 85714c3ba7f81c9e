import GongkaiCore

/// Where a milestone stands once `log` or `disclose` has recorded it, when that needs saying at the keyboard: a
/// publication already late or set to come down too early is repaired best now, not after the next morning's check.
/// Empty while all is in order.
struct StandingNote {
  let finding: Finding

  var text: String {
    switch finding.status {
    case .overdue:
      return " · already overdue \(counted(finding.workingDays ?? 1, "working day"))"
    case .late:
      return " · published \(counted(finding.workingDaysLate ?? 1, "working day")) late"
    case .tooShort:
      guard let until = finding.publishedUntil, let end = finding.minimumEnd else { return " · published too briefly" }
      let late = finding.workingDaysLate.map { ", and \(counted($0, "working day")) late" } ?? ""
      // Repairable until the day it had to stay up to; after it, settled history. While it is up its end is moved;
      // once it has come down (its recorded end settled) it is put up again, a publication of its own.
      let repair = finding.asOf > end.date ? ""
        : finding.asOf <= until ? " (disclose it again, same --date and --channel, with --until \(end.date))"
        : " (put it up again until \(end.date) and record that publication with `gongkai disclose`)"
      return " · too short: up until \(until), had to stay up until \(end.date)\(repair)\(late)"
    case .due, .onTime:
      return ""
    }
  }
}
