import GongkaiCore

extension Gongkai {
  /// What `log` and `amend` say after a milestone's day is written: its deadline, and where it stands today.
  struct DeadlineStanding {
    let text: String

    /// Best effort, after the write: a milestone the rules cannot judge is recorded all the same.
    init(_ milestone: Milestone, explanation: DeadlineExplanation?, checker: Checker, asOf: CivilDate, today: CivilDate) {
      let finding = (try? checker.judge(milestone, asOf: asOf)) ?? nil
      let deadline = explanation.map {
        " · deadline \($0.deadline.date)\($0.deadline.isProvisional ? " (provisional)" : "") (\($0.period.chineseDescription))"
          + (checker.catalogue.rule(for: milestone.kind, formedOn: milestone.formedOn).map { StandingNote.mark($0.confidence) } ?? "")
          + (finding?.deadlineWithoutWeekendReading.map {
            " (moved past a weekend or a notice's day off, an interpretation: without it, \(FindingMeasure(language: .en).unmoved($0, calendar: checker.calendar)))"
          } ?? "")
      } ?? " · no fixed deadline"
      // An amendment may turn a late publication on time: said too, as the turn the other way is.
      let standing = finding.map {
        $0.status == .onTime && $0.disclosure != nil
          ? " · published on time" + ($0.statusIsProvisional ? " (provisional)" : "") : StandingNote(finding: $0, checker: checker, today: today).text
      } ?? ""
      text = deadline + standing
    }
  }
}
