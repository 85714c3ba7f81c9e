import Foundation

/// Finds the reference files shipped with the binary, without the trap in SwiftPM's generated
/// `Bundle.module` (it calls `fatalError` when the resource folder is missing, e.g. next to a copied binary).
///
/// Looks, in order, in `$GONGKAI_RESOURCES`, in the resource folder next to the executable, and in the source
/// tree the binary was built from. A binary installed without its resources gets an error that says how to fix it.
public enum BundledResources {
  static let bundleName = "Gongkai_GongkaiReference.resources"

  /// The folder holding `rules/` and `calendar/`.
  public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(FileProblem) -> URL
  {
    var candidates: [URL] = []
    if let override = environment["GONGKAI_RESOURCES"], !override.isEmpty {
      candidates.append(URL(fileURLWithPath: override))
    }
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
    candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
    candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"))
    for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("rules").path) {
      return candidate
    }
    throw FileProblem(
      file: bundleName, line: nil, field: nil,
      message: "the reference data is missing; install the \(bundleName) folder next to the gongkai binary or set GONGKAI_RESOURCES to it",
      kind: .missing)
  }

  /// The `.yaml` and `.yml` files of a folder, sorted by name; an empty list when the folder does not exist.
  /// Hidden files are left out: an editor's or a copy's (`.2027.yaml`, macOS's `._2027.yaml`) is not the file.
  /// A folder that is there but cannot be listed (a cron account without the right to read it) is a problem, not
  /// an empty folder: the schedules in it would be dropped without a word. One this account cannot even see (under
  /// another account's home) is none, as on most installations.
  static func yamlFiles(in folder: URL) throws(FileProblem) -> [URL] {
    var status = stat()
    guard stat(folder.path, &status) == 0 else { return [] }
    guard let folderHandle = opendir(folder.path) else {
      let failure = errno
      throw FileProblem(file: folder.path, line: nil, field: nil, message: """
        cannot read the folder: \(String(cString: strerror(failure))); let the account gongkai runs as read it (chmod o+rx)
        """, kind: .missing)
    }
    closedir(folderHandle)
    return files(in: folder, endingIn: [".yaml", ".yml"])
  }

  /// The files of `folder` named as a schedule saved by Windows with its extension hidden (`2027.yaml.txt`): not read,
  /// and named in a warning, or the year would be counted as though its file were missing.
  static func misnamedYAMLFiles(in folder: URL) -> [URL] { files(in: folder, endingIn: [".yaml.txt", ".yml.txt"]) }

  /// The files of `folder`, hidden ones aside, whose names end in one of `endings` in any case (`2027.YAML`, as some
  /// editors save it), in the order of their names.
  private static func files(in folder: URL, endingIn endings: [String]) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { name in !name.hasPrefix(".") && endings.contains { name.lowercased().hasSuffix($0) } }.sorted()
      .map { folder.appendingPathComponent($0) }
  }
}
