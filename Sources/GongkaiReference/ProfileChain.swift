/// The profiles a catalogue is built from, in order: what the next file's `profile:` and `extends:` are checked
/// against. A profile file states what it was written to change; when that is not what it lands on (Shanghai's
/// rules not loaded, a misspelt name), its replacements would silently change the wrong rules, so it is refused.
struct ProfileChain {
  /// The profiles applied so far, base first; empty before `national.yaml`.
  private(set) var applied: [String] = []
  /// The shipped profiles, named in the fix when a file extends one that was not asked for.
  let shipped: [String]

  /// The problems of `file`'s `profile:` and `extends:` as the next link of the chain. A user's file (not
  /// `isShipped`) may not take a shipped profile's name either: `national+shanghai` would then name rules in which
  /// Shanghai's were never applied, and a later `extends: shanghai` would build on the user's file as if it were.
  func problems(of file: RuleFile, isShipped: Bool) -> [FileProblem] {
    func problem(_ field: String, _ line: Int?, _ message: String) -> FileProblem {
      FileProblem(file: file.file, line: line, field: field, message: message)
    }
    var problems: [FileProblem] = []
    if applied.contains(file.profile) {
      problems.append(problem("profile", file.profileLine,
        "'\(file.profile)' is already applied (\(applied.joined(separator: "+"))); give this file a profile name of its own"))
    } else if !isShipped && shipped.contains(file.profile) {
      problems.append(problem("profile", file.profileLine, """
        '\(file.profile)' is the name of a shipped profile, which is not applied (\(applied.joined(separator: "+"))); give \
        this file a profile name of its own, or pass --profile \(file.profile) and make this file 'extends: \(file.profile)'
        """))
    }
    switch file.extends {
    case let extends? where applied.isEmpty:
      problems.append(problem("extends", file.extendsLine, "the national catalogue extends nothing, not '\(extends)'"))
    case nil where !applied.isEmpty:
      problems.append(problem("extends", file.extendsLine, "a profile must say which catalogue it changes, e.g. 'extends: national'"))
    case let extends? where !applied.contains(extends) && shipped.contains(extends):
      problems.append(problem("extends", file.extendsLine,
        "'\(extends)', but the rules it builds on are \(applied.joined(separator: "+")); pass --profile \(extends)"))
    case let extends? where !applied.contains(extends):
      problems.append(problem("extends", file.extendsLine, """
        unknown profile '\(extends)'; name one applied before this file (\(applied.joined(separator: ", "))) or a \
        shipped one (\(shipped.joined(separator: ", "))), or pass the profile file it builds on before this one with \
        --profile-file
        """))
    default:
      break
    }
    return problems
  }

  /// The chain with `profile` applied.
  mutating func append(_ profile: String) { applied.append(profile) }
}
