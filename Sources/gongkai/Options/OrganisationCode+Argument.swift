import ArgumentParser
import GongkaiCore

extension OrganisationCode {
  /// Refuses a code given on the command line or in the environment (`source`) that is not in the one form every
  /// 索引号 keeps, saying the form it was meant to have when it was typed in lower case or full width.
  static func require(_ code: String, named source: String) throws {
    guard !isWellFormed(code) else { return }
    if let meant = meant(by: code) {
      throw ValidationError("\(source) '\(code)' is not typed as an organisation code is: type it in ASCII capitals: \(meant)")
    }
    throw ValidationError("\(source) '\(code)' is not usable; use at most \(maximumLength) capital letters and digits, e.g. 11310110002424433J")
  }
}
