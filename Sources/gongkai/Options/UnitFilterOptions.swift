import ArgumentParser

/// `--unit`, for the commands that read a register by responsible unit: the morning check, and the audit CSV an
/// evaluator scores a unit by.
struct UnitFilterOptions: ParsableArguments {
  @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(
    "Only this responsible unit (repeatable): the milestone's, else its project's.", valueName: "name"), transform: trimmed)
  var unit: [String] = []

  func validate() throws {
    if unit.contains(where: \.isEmpty) {
      throw ValidationError("--unit is empty; give a responsible unit's name, as `gongkai check` groups its alerts under it")
    }
  }
}
