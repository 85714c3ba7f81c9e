import GongkaiCore

extension Finding {
  /// The status in Chinese, with the lateness of a `too-short` publication that also came late, as the text check
  /// says it: `status` names one failure, and a reader of the page or the open data must not lose the other.
  var chineseStatusWithLateness: String {
    guard status == .tooShort, let late = workingDaysLate else { return status.chineseName }
    return "\(status.chineseName)，且迟\(late)个工作日公开"
  }
}
