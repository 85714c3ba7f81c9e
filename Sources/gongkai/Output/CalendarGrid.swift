import GongkaiCore

/// Twelve month grids, three abreast, Monday first, with the holidays listed below.
///
/// Each day takes three columns: two for the number and one for its mark, `*` for an official rest day and
/// `+` for a swapped workday, so the grid stays aligned in any monospaced terminal and in print.
struct CalendarGrid {
  let year: Int
  let calendar: WorkingDayCalendar
  let source: String?

  var rendered: String {
    var out = "\(year)年 工作日历"
    out += calendar.hasSchedule(for: year) ? "\n" : "（无官方安排，仅按周末及\(StatutoryHolidays.chineseList(in: [year]))法定假日（含补假）计算 / no official schedule: weekends and statutory holidays only）\n"
    out += "* 法定节假日休息 (rest day)   + 调休上班 (swapped workday)   六 日 列为周末 (weekend columns)\n\n"
    for row in stride(from: 1, through: 12, by: 3) {
      let months = (row..<row + 3).map(month)
      let height = months.map(\.count).max()!
      for line in 0..<height {
        out += months.map { Terminal.pad(line < $0.count ? $0[line] : "", to: 21) }.joined(separator: "   ")
          .replacing(/\s+$/, with: "") + "\n"
      }
      out += "\n"
    }
    if let schedule = calendar.schedules[year] {
      out += "\(schedule.source)\(source.map { " (\($0))" } ?? "")\n"
      for holiday in schedule.holidays {
        let days = holiday.restDays.lowerBound.days(to: holiday.restDays.upperBound) + 1
        out += "  \(Terminal.pad(holiday.name, to: 14))\(holiday.restDays.lowerBound)..\(holiday.restDays.upperBound) 放假\(days)天"
        if !holiday.swappedWorkdays.isEmpty {
          out += "；调休上班 " + holiday.swappedWorkdays.map { "\($0)（周\($0.weekday.chineseShortName)）" }.joined(separator: "、")
        }
        // The next year's 元旦 begun in December: the next autumn's notice arranged it, which the file of the year
        // whose days they are holds.
        if holiday.restDays.lowerBound.components.month == 12 { out += "（\(year + 1)年的通知所定）" }
        out += "\n"
      }
    }
    return out
  }

  private func month(_ month: Int) -> [String] {
    let first = CivilDate(year: year, month: month, day: 1)!
    var lines = [centered("\(month)月", width: 21), Weekday.allCases.map { " \($0.chineseShortName)" }.joined()]
    var cells = Array(repeating: "   ", count: first.weekday.rawValue - 1)
    for day in 1...CivilDate.daysIn(month: month, year: year) {
      let date = first.adding(days: day - 1)
      let mark = switch calendar.kind(of: date) {
      case .restDay: "*"
      case .swappedWorkday: "+"
      case .workday, .weekend: " "
      }
      cells.append((day < 10 ? " \(day)" : "\(day)") + mark)
    }
    while !cells.isEmpty {
      lines.append(cells.prefix(7).joined())
      cells.removeFirst(min(7, cells.count))
    }
    return lines
  }

  private func centered(_ text: String, width: Int) -> String {
    String(repeating: " ", count: max(0, (width - Terminal.width(of: text)) / 2)) + text
  }
}
