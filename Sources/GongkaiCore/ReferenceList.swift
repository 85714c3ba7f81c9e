/// A list of reference data that holds the fix for a problem.
///
/// The domain says which list; the reference module, which holds the lists, says how to reach them from the command
/// line (`ReferenceList.pointer` in GongkaiReference, which the file readers and the command line render errors
/// with), so the domain names no command, and a server would word its own way to the same list.
public enum ReferenceList: Hashable, Sendable {
  /// The item kinds of the rules applied, by code.
  case itemKinds
  /// The item kinds of the rules applied in one category.
  case kindsOfCategory(Category)
  /// The item kinds of a shipped profile other than the rules applied.
  case kindsOfProfile(String)
  /// The kinds each kind may change or withdraw.
  case kindLinks
  /// The rules profiles a register may be kept under.
  case profiles
  /// A year's holiday schedule, to start an added schedule of that year from.
  case schedule(year: Int)
}

/// An error whose fix is in a ``ReferenceList``: its `description` says what is wrong and what to do, and leaves the
/// way to the list to whoever shows it.
public protocol PointsToReferenceList: Error, CustomStringConvertible {
  /// The list that holds the fix, where there is one.
  var seeAlso: ReferenceList? { get }
}
