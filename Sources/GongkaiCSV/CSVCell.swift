/// A cell of a CSV file and how a spreadsheet opening the file is to read it.
public enum CSVCell: Sendable, Equatable {
  /// A value gongkai itself formats (a date, a count, a code, a status), which a spreadsheet may read as the date
  /// or number it is, so that a column of them sorts and sums.
  case value(String)
  /// Words someone typed (a 文号, a name, a channel, a reason): written so that a spreadsheet keeps them as they are
  /// where it would turn them into a date, a time, a number, a percentage or a truth value (`2026-01`, `3/4`,
  /// `12:30`, `1.50`, `50%`, `TRUE`), which Excel does on opening, and which is lost once the file is saved.
  case text(String)
}
