import Foundation

/// A problem in a file: where it is and what to do about it, printed as `file:line: field: message`.
public struct FileProblem: Error, Equatable, Sendable, CustomStringConvertible {
  public let file: String
  public let line: Int?
  /// The field or entry concerned, e.g. `rules[3].period` or `bidding.candidates`.
  public let field: String?
  public let message: String
  public let kind: Kind

  /// Whether the file is wrong, or not there at all (scripts tell the two apart by exit status).
  public enum Kind: Sendable {
    case badData
    case missing
  }

  /// A message that begins with the field's own name and the value refused, as the register words a value wherever it
  /// comes from (`published 2024-04-12 is before …`, `url 'x' is …`), names the field once, in `field`
  /// (`milestones[0].disclosures[0].published: 2024-04-12 is before …`); one whose field is its subject (`minimum-publication-from
  /// is given without …`) keeps it.
  public init(file: String, line: Int?, field: String?, message: String, kind: Kind = .badData) {
    self.file = file
    self.line = line
    self.field = field
    let name = field.map { String(($0.split(separator: ".").last ?? "").prefix { $0 != "[" }) } ?? ""
    let value = message.dropFirst(name.count + 1)
    let namesValue = !name.isEmpty && message.hasPrefix(name + " ") && value.first.map { $0 == "'" || $0.isASCII && $0.isNumber } == true
    self.message = namesValue ? String(value) : message
    self.kind = kind
  }

  public var description: String {
    [line.map { "\(file):\($0)" } ?? file, field, message].compactMap { $0 }.joined(separator: ": ")
  }

  /// A file that is not there, or that gongkai may not read, named `name` (by default its path). A relative path is
  /// read from the current folder, which for a cron job is the home folder: said, with the path where a message names
  /// the file otherwise (a file of a folder imported, by its name), so that the path to fix is plain.
  /// A symbolic link in a loop (links that lead back to one another) is named as one: it stands for no file at all.
  public static func notFound(_ name: String, path: String? = nil) -> FileProblem {
    let real = path ?? name
    var status = stat()
    if stat(real, &status) != 0 && errno == ELOOP {
      return FileProblem(file: name, line: nil, field: nil, message: """
        is a symbolic link in a loop (links that lead back to one another): point it at the file meant, or remove it
        """, kind: .missing)
    }
    // There but not readable (a schedule copied in by root under umask 077): the access is what to fix, not the path.
    // Asked as open asks, with the effective ids (a setuid wrapper's), not the real ones access() tests.
    if stat(real, &status) == 0, faccessat(AT_FDCWD, real, R_OK, AT_EACCESS) != 0, errno == EACCES {
      let what = status.st_mode & S_IFMT == S_IFDIR ? "folder" : "file"
      let mode = String(status.st_mode & 0o777, radix: 8)
      return FileProblem(file: name, line: nil, field: nil, message: """
        this account may not read the \(what) (permission denied, mode \(String(repeating: "0", count: max(0, 3 - mode.count)) + mode)); \
        give the accounts gongkai runs as read access to it (chmod a+r, or a group they share)
        """, kind: .missing)
    }
    // Behind a folder the account may not enter: no path typed otherwise would find it.
    if stat(real, &status) != 0 && errno == EACCES {
      return FileProblem(file: name, line: nil, field: nil, message: """
        this account may not reach it: a folder on its path is closed to it (permission denied); give the accounts \
        gongkai runs search access to each folder on the path (chmod a+x, or a group they share)
        """, kind: .missing)
    }
    let shown = real == name ? "" : " \(real)"
    let folder = real.hasPrefix("/") ? "" : " (relative to \(FileManager.default.currentDirectoryPath))"
    return FileProblem(file: name, line: nil, field: nil,
                       message: "file not found or not readable; check the path\(shown)\(folder) and its permissions", kind: .missing)
  }
}
