import GongkaiCore

/// How a deadline was counted, in the words a legal reviewer uses, one fact a line.
struct ExplanationText {
  /// What the period counted ends.
  enum Counting {
    /// The time to publish, from the day the information was formed.
    case deadline
    /// The time a 公示 (or notice, or consultation) must stay up, from its first day, or from the later trigger day its
    /// rule counts it from (`from`: a tender notice's first day of sale); named as its rule names it.
    case minimumPublication(LocalizedText, from: LocalizedText?)
  }

  /// How far past the deadline a publication came, or an item stands unpublished: the working days after the
  /// deadline through `through`, counted as `days` (at least one).
  struct Lateness {
    let through: CivilDate
    let days: Int
    let published: Bool
    /// Whether the count may change once a missing holiday schedule is out, as the alert marks it.
    let isProvisional: Bool
  }

  let explanation: DeadlineExplanation
  let calendar: WorkingDayCalendar
  let language: Language
  var counting = Counting.deadline
  /// For a deadline passed, the count of the days past it, which rests on the calendar as the deadline does.
  var lateness: Lateness?

  var rendered: String {
    let e = explanation
    var lines: [String] = []
    let (start, startEnglish) = switch counting {
    case .deadline: ("信息形成", "the day the information was formed")
    case .minimumPublication(_, let trigger?): ("\(trigger.chinese)（晚于所判定公开的首日）", "\(trigger.english), after the first day of the publication judged")
    case .minimumPublication: ("所判定公开的首日", "the first day of the publication judged")
    }
    if e.period.unit == .triggerDay {
      lines.append(language.pick(
        "起算: \(day(e.start)) \(start)；须于当日或之前公开，可早于当日，期满不因休息日顺延",
        "Start: \(day(e.start)), \(startEnglish); to be public on that day or before it, never moved off a rest day"))
    } else {
      lines.append(language.pick(
        "起算: \(day(e.start)) \(start)；期间自次日 \(day(e.countedFrom)) 起算（\(civilLaw.startDay.chinese)）",
        "Start: \(day(e.start)), \(startEnglish); counting starts the next day, \(day(e.countedFrom)) (\(civilLaw.startDay.english))"))
    }
    switch e.period.unit {
    case .triggerDay:
      lines.append(language.pick("期间: \(e.period.chineseDescription)", "Period: \(e.period)"))
    case .workingDays:
      lines.append(language.pick(
        "期间: \(e.period.chineseDescription)（不含周末和法定节假日，含调休上班日）",
        "Period: \(e.period) (weekends and official rest days excluded, swapped workdays included)"))
      if !e.swappedWorkdays.isEmpty {
        lines.append(language.pick("计入的调休上班日: ", "Swapped workdays counted: ")
          + e.swappedWorkdays.map { "\(day($0))\(holiday($0))" }.joined(separator: language.pick("、", ", "))
          + language.pick("（\(Self.swappedWorkdayReading.chinese)）", " (\(Self.swappedWorkdayReading.english))"))
      }
      if !e.skippedDays.isEmpty {
        lines.append(language.pick("未计入的休息日: ", "Rest days not counted: ") + runs(e.skippedDays))
      }
    case .calendarDays:
      lines.append(language.pick("期间: \(e.period.chineseDescription)（日历日）", "Period: \(e.period)"))
      if let nominal = e.nominalEnd, nominal != e.deadline.date {
        // Art. 203 names 法定休假日; that a weekend counts as one, listed in a holiday's break or not, is practice, not the
        // article's text (legal-rules.md tags it unverified), and the explanation says where the move rests on it.
        // The 民法通则 (art. 154) names Sunday beside the holidays: there a Sunday passed does not rest on the practice.
        let practised = e.skippedDays.map(\.date).filter {
          calendar.isRestNotFixedByLaw($0) && !(countedUnderGeneralPrinciples && $0.weekday == .sunday)
        }
        let weekend = calendar.endWithoutWeekendReading(e.deadline.date, of: e.period, from: e.start) < e.deadline.date && !practised.isEmpty
        let practice = countedUnderGeneralPrinciples && practised.allSatisfy { $0.weekday == .saturday }
          ? LocalizedText(chinese: "；星期六视同法定休假日系通行做法，该款仅明文规定星期日",
                          english: "; a Saturday counting as a statutory rest day is practice: the paragraph names Sunday only")
          : LocalizedText(chinese: "；周末及放假通知安排的休息日视同法定休假日系通行做法，法律未明文规定",
                          english: "; a weekend or a notice's day off counting as a statutory rest day is practice, not the article's text")
        lines.append(language.pick(
          "期满日 \(day(nominal)) 不是工作日（\(runs(e.skippedDays))），顺延至次一工作日（\(civilLaw.lastDay.chinese)"
            + (weekend ? practice.chinese : "") + "）",
          "The period's last day \(day(nominal)) is not a working day (\(runs(e.skippedDays))); it moves to the next working day (\(civilLaw.lastDay.english)"
            + (weekend ? practice.english : "") + ")"))
      }
    }
    switch counting {
    case .deadline:
      lines.append(language.pick(
        "截止日: \(ending(e.deadline.date))，当日公开仍属按时",
        "Deadline: \(ending(e.deadline.date)); publishing on that day is on time"))
      if let lateness { lines.append(line(for: lateness)) }
    case .minimumPublication(let name, _):
      lines.append(language.pick(
        "\(name.chinese)止: \(ending(e.deadline.date))，应保持公开至当日",
        "Minimum publication ends: \(ending(e.deadline.date)); the publication must stay up through that day"))
    }
    if !e.unscheduledYears.isEmpty {
      lines.append(language.pick(
        "暂定: 本系统未载有\(YearList.chinese(e.unscheduledYears))年的官方节假日安排：该年仅按周末及\(StatutoryHolidays.chineseList(in: e.unscheduledYears))法定假日（含补假）计算，其通知还可能调整上一年最后几天",
        "Provisional: no official holiday schedule for \(YearList.english(e.unscheduledYears)) yet; its days are counted on weekends and the statutory holidays (\(StatutoryHolidays.list(in: e.unscheduledYears)), with their make-up days) alone, and its notice may still move the last days of the year before"))
    }
    return lines.map { "  \($0)\n" }.joined()
  }

  /// That a weekend day the State Council makes a workday counts as a working day is an interpretation, which the
  /// legal research tags as uncertain (M): a reviewer is told so wherever a count rests on one.
  static let swappedWorkdayReading = (
    chinese: "调休上班日视为工作日系解释，法律未明文规定",
    english: "counting a swapped workday as a working day is an interpretation: no statute says so")

  /// The working days counted late or overdue, with the swapped workdays among them: a count that rests on them rests
  /// on the same interpretation as a deadline that does.
  private func line(for lateness: Lateness) -> String {
    let deadline = explanation.deadline.date
    let (label, labelEnglish) = lateness.published ? ("迟公开", "Late") : ("逾期", "Overdue")
    let end = lateness.published
      ? language.pick("至公开日 \(day(lateness.through))", "through the publication day, \(day(lateness.through))")
      : language.pick("至 \(day(lateness.through))", "through \(day(lateness.through))")
    var line = language.pick("\(label): 截止日次日起\(end)的工作日，共\(lateness.days)个",
                             "\(labelEnglish): the working days after the deadline \(end): \(lateness.days)")
      + language.provisionalMark(lateness.isProvisional)
    if calendar.workingDays(from: deadline, through: lateness.through) == 0 {
      line += language.pick("（其间均为休息日，计为1个工作日）", " (rest days only, counted as one working day)")
    }
    let swapped = stride(from: deadline.dayNumber + 1, through: lateness.through.dayNumber, by: 1)
      .map(CivilDate.init(dayNumber:))
      .filter { calendar.kind(of: $0) == .swappedWorkday }
    if !swapped.isEmpty {
      line += language.pick("，含调休上班日 ", ", swapped workdays included: ")
        + swapped.map { "\(day($0))\(holiday($0))" }.joined(separator: language.pick("、", ", "))
        + language.pick("（\(Self.swappedWorkdayReading.chinese)）", " (\(Self.swappedWorkdayReading.english))")
    }
    return line
  }

  /// The articles that counted periods on the start day: the 民法典's from 2021-01-01; before it those of the 民法总则
  /// (in force 2017-10-01), which read the same under the same numbers; before that the 民法通则's article 154, whose
  /// second paragraph leaves the first day out and whose third moves a last day that is a Sunday or holiday.
  /// Whether the period began before the 民法总则 came into force, 2017-10-01, under the 民法通则.
  private var countedUnderGeneralPrinciples: Bool { explanation.start < CivilDate(year: 2017, month: 10, day: 1)! }

  private var civilLaw: (startDay: LocalizedText, lastDay: LocalizedText) {
    let articles = { (chinese: String, english: String) in
      (LocalizedText(chinese: chinese + "第二百零一条", english: english + " art. 201"),
       LocalizedText(chinese: chinese + "第二百零三条", english: english + " art. 203"))
    }
    if explanation.start >= CivilDate(year: 2021, month: 1, day: 1)! { return articles("《中华人民共和国民法典》", "Civil Code") }
    if !countedUnderGeneralPrinciples { return articles("《中华人民共和国民法总则》", "General Provisions of the Civil Law") }
    return (LocalizedText(chinese: "《中华人民共和国民法通则》第一百五十四条第二款", english: "General Principles of the Civil Law art. 154(2)"),
            LocalizedText(chinese: "《中华人民共和国民法通则》第一百五十四条第三款", english: "General Principles of the Civil Law art. 154(3)"))
  }

  private func day(_ date: CivilDate) -> String {
    language.pick("\(date)（周\(date.weekday.chineseShortName)）", "\(date) (\(String(describing: date.weekday).prefix(3).capitalized))")
  }

  /// The last day of a period, and when it is a Saturday or Sunday the State Council made a workday, that it is one:
  /// why the period did not move to the Monday. A count of working days says what that rests on where it lists the
  /// swapped workdays it counted.
  private func ending(_ date: CivilDate) -> String {
    guard [.saturday, .sunday].contains(date.weekday), calendar.isWorkingDay(date) else { return day(date) }
    guard explanation.period.unit == .calendarDays else {
      return day(date) + language.pick("，调休上班日\(holiday(date))", ", a swapped workday\(holiday(date))")
    }
    return day(date) + language.pick("，调休上班日\(holiday(date))（\(Self.swappedWorkdayReading.chinese)）",
                                     ", a swapped workday\(holiday(date)) (\(Self.swappedWorkdayReading.english))")
  }

  private func holiday(_ date: CivilDate) -> String {
    calendar.holidayName(of: date).map { language.pick("·\($0)", " \($0)") } ?? ""
  }

  /// Consecutive skipped days of the same holiday (or weekend) as one range.
  private func runs(_ days: [DeadlineExplanation.SkippedDay]) -> String {
    var groups: [[DeadlineExplanation.SkippedDay]] = []
    for skipped in days {
      if let last = groups.last?.last, last.date.adding(days: 1) == skipped.date, last.holiday == skipped.holiday {
        groups[groups.count - 1].append(skipped)
      } else {
        groups.append([skipped])
      }
    }
    return groups.map { group in
      let first = group.first!, last = group.last!
      let range = group.count == 1 ? "\(first.date)" : "\(first.date)..\(last.date)"
      let label = first.holiday ?? language.pick("周末", "weekend")
      return "\(range) \(label)"
    }.joined(separator: language.pick("；", "; "))
  }
}
