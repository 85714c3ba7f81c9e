import Foundation
import GongkaiCore
import GongkaiFileSystem
import GongkaiReference

/// The project files of the given paths as an import source: the files are parsed a few at a time ahead of the
/// import, on every core (``ReadAhead``), so any number of them imports in bounded memory, and the problems of every
/// file are thrown together at the end, which rolls the import back. Once read from, copies of a source share its
/// read-ahead: only one of them is to be read.
public struct ProjectFiles: ImportSource {
  /// A file to read: its path, and the name messages give it (the bare name for a file found in a folder).
  private struct File: Sendable {
    let path: String
    let inFolder: Bool
    /// Whether the file came from the only path named, a folder: its name alone then says which file a message means.
    let inOnlyFolder: Bool
    var displayName: String { inOnlyFolder ? (path as NSString).lastPathComponent : path }
  }

  /// The files to read, in reading order: each path in the order given, a file as itself and a folder as its
  /// project files in the byte order of their names. One ``SortedNames`` keeps them all, each name behind the
  /// number of its path (four bytes, big-endian, so that sorting keeps the paths in order), on disk when there
  /// are many: a million names in memory took 38 MB and grew with every file. Listed and sorted on one thread,
  /// then read by the import and by the threads reading the files ahead of it, one name at a time under a lock
  /// (the paths given are only appended to before any thread starts).
  private final class FileList: @unchecked Sendable {
    /// The paths given, and whether each is a folder.
    private var paths: [(path: String, isFolder: Bool)] = []
    private let names = SortedNames()
    private let lock = NSLock()
    /// The subfolders of the folders given, which an import does not read unless given too.
    private(set) var subfolders = PathExamples()
    /// Files of the folders given that end in `.YAML` or another case of the extension, or in `.yaml.txt` as Notepad
    /// saves a file, which are not read. `export project` writes `CODE.yaml`, and would write it beside such a file.
    private(set) var otherExtension = PathExamples()
    /// Project files of the folders given whose names begin with `.`, hidden as `ls` hides them, which are not read:
    /// an editor's lock (`.#CODE.yaml`) or the attributes macOS copies beside a file (`._CODE.yaml`), no project file.
    private(set) var hidden = PathExamples()
    /// The paths given, standardized, so that a subfolder given too is not noted.
    private let given: Set<String>

    init(given paths: [String]) {
      given = Set(paths.map { ($0 as NSString).standardizingPath })
    }

    var count: Int { names.count }

    func append(file path: String) throws {
      try names.append(Self.prefix(paths.count))
      paths.append((path, false))
    }

    /// Lists the `.yaml` files of `folder`; returns how many, or `nil` if the folder cannot be read.
    func append(folder: String) throws -> Int? {
      let prefix = Self.prefix(paths.count)
      let before = names.count
      var undecodable: String?
      let readable = try FolderListing.forEachName(in: folder) { name in
        guard FolderListing.name(name, endsWith: ".yaml") || FolderListing.name(name, endsWith: ".yml") else {
          if [".yaml", ".yml", ".yaml.txt", ".yml.txt"].contains(where: { FolderListing.name(name, endsWith: $0, ignoringCase: true) }) {
            otherExtension.note((folder as NSString).appendingPathComponent(String(decoding: name, as: UTF8.self)))
          } else {
            noteSubfolder(name, in: folder)
          }
          return
        }
        guard name.first != UInt8(ascii: ".") else {
          hidden.note((folder as NSString).appendingPathComponent(String(decoding: name, as: UTF8.self)))
          return
        }
        guard String(validating: name, as: UTF8.self) != nil else {
          undecodable = undecodable ?? String(decoding: name, as: UTF8.self)
          return
        }
        try names.append(prefix + name)
      }
      guard readable else { return nil }
      if let undecodable {
        throw FileProblem(file: (folder as NSString).appendingPathComponent(undecodable), line: nil, field: nil,
                          message: "the file name is not UTF-8; rename the file", kind: .badData)
      }
      paths.append((folder, true))
      return names.count - before
    }

    /// Notes `name` when it is a folder that holds project files (a folder of them by district, say), unless hidden.
    private func noteSubfolder(_ name: UnsafeBufferPointer<UInt8>, in folder: String) {
      guard name.first != UInt8(ascii: "."), let text = String(validating: name, as: UTF8.self) else { return }
      var isFolder: ObjCBool = false
      let path = (folder as NSString).appendingPathComponent(text)
      guard !given.contains((path as NSString).standardizingPath),
            FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return }
      var holdsProjectFiles = false
      FolderListing.forEachName(in: path) { name in
        if FolderListing.name(name, endsWith: ".yaml") || FolderListing.name(name, endsWith: ".yml") { holdsProjectFiles = true }
      }
      guard holdsProjectFiles else { return }
      subfolders.note(path)
    }

    /// Call once every path is listed.
    func sort() throws { try names.sort() }

    func file(at index: Int) throws -> File {
      let entry = try lock.withLock { try names.name(at: index) }
      let path = paths[entry.prefix(4).reduce(0) { $0 << 8 | Int($1) }]
      guard path.isFolder else { return File(path: path.path, inFolder: false, inOnlyFolder: false) }
      let name = String(decoding: entry.dropFirst(4), as: UTF8.self)
      return File(path: (path.path as NSString).appendingPathComponent(name), inFolder: true, inOnlyFolder: paths.count == 1)
    }

    private static func prefix(_ path: Int) -> [UInt8] {
      [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: path >> $0) }
    }
  }

  /// What reading one file gave, in the order of the list.
  private enum Read: Sendable {
    case document(File, ProjectDocument)
    case problems(File, FileProblems)
    /// The list of files kept on disk could not be read back.
    case unlisted(any Error)
  }

  private let files: FileList
  /// Shared with the copy the store reads from, so the command can warn once the import is over.
  public let misnamed = MisnamedProjectFiles()

  /// The subfolders of the folders given that hold project files, which the import did not read unless they were
  /// given too.
  public var unreadSubfolders: PathExamples { files.subfolders }
  /// The files of the folders given whose extension is `.YAML` or another case, or `.yaml.txt`, which were not read.
  public var otherExtensionFiles: PathExamples { files.otherExtension }
  /// The files of the folders given whose names begin with `.`, hidden, which were not read.
  public var hiddenFiles: PathExamples { files.hidden }

  private let catalogue: RuleCatalogue
  private let today: CivilDate
  /// Parses the files ahead of the import, a thread a core, from the first ``next()``.
  private var reader: ReadAhead<Read>?
  /// The display name of the file ``next()`` read last.
  private var currentName = ""
  /// The lines of the project fields and the milestones of the document ``next()`` returned last.
  private var currentFieldLines: [String: Int] = [:]
  private var currentMilestoneLines: [Int] = []
  private var problems = CappedProblems()
  public var hasProblems: Bool { !problems.isEmpty }
  /// Documents returned so far, and for each file that could not be read how many had been returned before
  /// it: the store counts documents, messages name files.
  private var returned = 0
  private var unreadable: [Int] = []

  public var expectedCount: Int? { files.count }

  /// Lists the files named and the `.yaml` files of the folders named; reads none of them yet.
  public init(_ paths: [String], catalogue: RuleCatalogue, today: CivilDate) throws {
    let files = FileList(given: paths)
    // A folder or file named twice (`Projects Projects`, or a link to it) is read once, not refused as projects in two files.
    var seen = Set<String>()
    for path in paths where seen.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw FileProblem.notFound(path)
      }
      guard isFolder.boolValue else {
        try files.append(file: path)
        continue
      }
      guard let count = try files.append(folder: path) else {
        throw FileProblem(file: path, line: nil, field: nil, message: "folder not readable", kind: .missing)
      }
      if count == 0 {
        let inThisFolder = { (examples: PathExamples) in
          examples.first.filter { (FilePath.parent(of: $0) as NSString).standardizingPath == (path as NSString).standardizingPath }
        }
        let (nested, otherExtension, hidden) = (inThisFolder(files.subfolders), inThisFolder(files.otherExtension), inThisFolder(files.hidden))
        let hint = !otherExtension.isEmpty ? "; \(otherExtension.joined(separator: ", ")) end otherwise (.YAML, or .yaml.txt as Notepad "
            + "saves a file): rename them to end in .yaml"
          : !nested.isEmpty ? "; \(nested.joined(separator: ", ")) hold some, and an import reads the folders it is given, "
            + "not their subfolders: name them"
          : hidden.isEmpty ? "" : "; \(hidden.joined(separator: ", ")) \(hidden.count == 1 ? "is" : "are") hidden (a name beginning with '.') and not read: "
            + "rename a project file so named"
        throw FileProblem(file: path, line: nil, field: nil, message: "no project files (*.yaml) in this folder\(hint)", kind: .missing)
      }
    }
    try files.sort()
    self.files = files
    self.catalogue = catalogue
    self.today = today
  }

  /// Every document, for the few callers that need them all at once.
  public static func readAll(_ paths: [String], catalogue: RuleCatalogue, today: CivilDate) throws -> [ProjectDocument] {
    var source = try ProjectFiles(paths, catalogue: catalogue, today: today)
    var documents: [ProjectDocument] = []
    while let document = try source.next() { documents.append(document) }
    return documents
  }

  /// Throws the problems of every file at the end (``CappedProblems``), or at once when the list of files cannot be read back.
  public mutating func next() throws -> ProjectDocument? {
    let reader = self.reader ?? Self.reader(of: files, catalogue: catalogue, today: today)
    self.reader = reader
    while let read = reader.next() {
      switch read {
      case .document(let file, let document):
        currentName = file.displayName
        (currentFieldLines, currentMilestoneLines) = (document.fieldLines, document.milestoneLines)
        returned += 1
        if file.inFolder { misnamed.note(file.path, holding: document.project.code) }
        return document
      case .problems(let file, let found):
        currentName = file.displayName
        unreadable.append(returned)
        problems.append(contentsOf: found.problems)
      case .unlisted(let error):
        throw error
      }
    }
    guard problems.isEmpty else { throw problems.error() }
    return nil
  }

  /// The store's problem with the `line`-th document is its file's: the current one while the import reads, at the
  /// line of the project field it names or the first line of the milestone (`milestones[2].ref`), or an earlier one for
  /// what the store finds once it has read them all.
  public mutating func reject(line: Int, field: String, message: String) {
    problems.append(FileProblem(file: (try? itemName(at: line)) ?? currentName, line: line == returned ? fileLine(of: field) : nil,
                                field: field, message: message))
  }

  /// The line of the current document that `field` names, where the file gave one.
  private func fileLine(of field: String) -> Int? {
    if let line = currentFieldLines[field] { return line }
    guard field.hasPrefix("milestones["), let index = Int(field.dropFirst(11).prefix(while: \.isNumber)),
      currentMilestoneLines.indices.contains(index), currentMilestoneLines[index] > 0
    else { return nil }
    return currentMilestoneLines[index]
  }

  public func itemName(at document: Int) throws -> String { try file(of: document).displayName }

  public func isListed(at document: Int) throws -> Bool { try file(of: document).inFolder }

  /// The file of the `document`-th document read (from 1).
  private func file(of document: Int) throws -> File {
    // The files that could not be read before the document: `unreadable` is in order, so bisect it.
    var (low, high) = (0, unreadable.count)
    while low < high {
      let middle = (low + high) / 2
      if unreadable[middle] < document { low = middle + 1 } else { high = middle }
    }
    return try files.file(at: document - 1 + low)
  }

  private static func reader(of files: FileList, catalogue: RuleCatalogue, today: CivilDate) -> ReadAhead<Read> {
    ReadAhead(count: files.count) { index in
      let file: File
      do { file = try files.file(at: index) } catch { return .unlisted(error) }
      do throws(FileProblems) {
        return .document(file, try ProjectFile.read(URL(fileURLWithPath: file.path), catalogue: catalogue, today: today,
                                                    displayName: file.displayName))
      } catch {
        return .problems(file, error)
      }
    }
  }
}

/// The project files of a folder not named after the project they hold. `Projects/README.md` and
/// `gongkai export project` name each file `<code>.yaml`, so that staff find a project's file by its code and an
/// export writes over the file it came from instead of beside it (two files of one project, which the next import
/// refuses). A warning, not an error: registers kept before the convention still import. A file named on the
/// command line is left alone: its name was chosen (`export project --out review.yaml`).
public final class MisnamedProjectFiles {
  /// The first few files, with the project each holds.
  public private(set) var examples: [(path: String, code: ProjectCode)] = []
  /// How many files in all.
  public private(set) var count = 0

  /// Notes the file at `path` when its name (less `.yaml` or `.yml`) is not `code`.
  func note(_ path: String, holding code: ProjectCode) {
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    guard stem != code.rawValue else { return }
    count += 1
    if examples.count < FileProblems.shown { examples.append((path, code)) }
  }
}

/// Paths an import passed over, for a warning: the first few, and how many there were.
public struct PathExamples: Sendable {
  public private(set) var first: [String] = []
  public private(set) var count = 0
  static let shown = 3

  mutating func note(_ path: String) {
    count += 1
    if first.count < Self.shown { first.append(path) }
  }

  /// `a.yaml, b.yaml and 4 more`
  public var listed: String {
    first.joined(separator: ", ") + (count > first.count ? " and \(count - first.count) more" : "")
  }
}
