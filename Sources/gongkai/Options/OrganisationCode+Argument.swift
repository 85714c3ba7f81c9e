import ArgumentParser
import GongkaiCore

extension OrganisationCode {
  /// Refuses a code given on the command line or in the environment (`source`) that is not in the one form every
  /// 索引号 keeps.
  static func require(_ code: String, named source: String) throws {
    if let problem = problem(with: code, named: source) { throw ValidationError(problem) }
  }

  /// What is wrong with a code given (by `source`), saying the form it was meant to have when it was typed in lower case
  /// or full width; `nil` for a code in its form.
  static func problem(with code: String, named source: String) -> String? {
    guard !isWellFormed(code) else { return nil }
    if let meant = meant(by: code) {
      return "\(source) '\(code)' is not typed as an organisation code is: type it in ASCII capitals: \(meant)"
    }
    return "\(source) '\(code)' is not usable; use at most \(maximumLength) capital letters and digits, e.g. 1131011000242443XF"
  }
}
