import GongkaiCore

extension ReferenceList {
  /// How the command line reaches the list: the command that prints it, or the options that choose it.
  public var pointer: String {
    switch self {
    case .itemKinds: "`gongkai rules` lists the codes"
    case .kindsOfCategory(let category): "`gongkai rules --category \(category.rawValue)` lists its kinds"
    case .kindsOfProfile(let profile): "`gongkai rules --profile \(profile)` lists its kinds"
    case .kindLinks: "`gongkai rules` lists what each kind may change"
    case .profiles: "--profile, e.g. shanghai, or --profile-file"
    case .schedule(let year): "`gongkai calendar \(year) --format yaml` prints it, to start \(year).yaml from"
    }
  }

  /// An error's message as files and the command line show it: its description, with the way to the list that
  /// holds its fix where it names one.
  public static func message(for error: any Error) -> String {
    guard let error = error as? any PointsToReferenceList, let list = error.seeAlso else { return "\(error)" }
    return "\(error) (\(list.pointer))"
  }
}

extension PointsToReferenceList {
  /// The description, with the way to the list that holds the fix where it names one (``ReferenceList/message(for:)``).
  public var message: String { ReferenceList.message(for: self) }
}
