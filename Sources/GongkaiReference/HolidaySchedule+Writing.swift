import Foundation
import GongkaiCore

extension HolidaySchedule {
  /// The schedule in the form ``init(_:)`` reads. A notice moves days of the year before it (the 2019 notice
  /// made 2018-12-29 a workday), and those go in that earlier year's file, which replaces the shipped one whole:
  /// an administrator starts from the shipped year's text and adds them.
  public var fileText: String {
    var text = "# Source: \(source.isEmpty ? "(none given)" : source)\nyear: \(year)\n"
    if !source.isEmpty { text += "source: \(Self.quoted(source))\n" }
    text += "holidays:\n"
    for holiday in holidays {
      text += "  - name: \(Self.quoted(holiday.name))\n"
      text += "    rest: \(holiday.restDays.lowerBound)..\(holiday.restDays.upperBound)\n"
      text += "    workdays: [\(holiday.swappedWorkdays.map(\.description).joined(separator: ", "))]\n"
      if let note = holiday.note { text += "    note: \(Self.quoted(note))\n" }
    }
    return text
  }

  /// A YAML double-quoted scalar: JSON's string syntax is YAML's, so a name with a colon or a quote reads back
  /// as written.
  private static func quoted(_ text: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
  }
}
