import Foundation

/// Finds the reference files shipped with the binary, without the trap in SwiftPM's generated
/// `Bundle.module` (it calls `fatalError` when the resource folder is missing, e.g. next to a copied binary).
///
/// Looks in `$GONGKAI_RESOURCES` when it is set, which must then hold them: a typo would otherwise be passed over
/// for whatever other copy is found. Else in the resource folder next to the executable, and, in a debug build, in
/// the source tree it was built from. A release binary installed without its resources gets an error that says how
/// to fix it, rather than reading the rules of whatever checkout the build host holds at that path.
public enum BundledResources {
  static let bundleName = "Gongkai_GongkaiReference.resources"

  /// The years whose State Council schedule gongkai ships in `calendar/`. A file of another year there was put in by
  /// hand: it is no notice gongkai ships, and the next install replaces the folder without it.
  public static let shippedCalendarYears = 2018...2026

  /// The folder holding `rules/` and `calendar/`.
  public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment)
    throws(FileProblem) -> URL
  {
    if let named = environment["GONGKAI_RESOURCES"] {
      let folder = URL(fileURLWithPath: named)
      guard !named.isEmpty, FileManager.default.fileExists(atPath: folder.appendingPathComponent("rules").path) else {
        throw FileProblem(
          file: named.isEmpty ? "GONGKAI_RESOURCES" : named, line: nil, field: nil,
          message: (named.isEmpty ? "set but empty" : "GONGKAI_RESOURCES names it, but it holds no reference data (rules/ and calendar/)")
            + "; set GONGKAI_RESOURCES to the \(bundleName) folder of the build, or unset it to use the one next to the gongkai binary",
          kind: .missing)
      }
      return folder
    }
    var candidates = [executable.deletingLastPathComponent().appendingPathComponent(bundleName), Bundle.main.bundleURL.appendingPathComponent(bundleName)]
    #if DEBUG
    candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"))
    #endif
    for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("rules").path) {
      return candidate
    }
    throw FileProblem(
      file: bundleName, line: nil, field: nil,
      message: "the reference data is missing; install the \(bundleName) folder next to the gongkai binary or set GONGKAI_RESOURCES to it",
      kind: .missing)
  }

  /// The running binary as the kernel knows it (`/proc/self/exe`, links resolved), whose folder the resources are
  /// installed beside. Not `argv[0]`: run by name from the PATH it is the bare name, `gongkai`, which read as a path
  /// names a file of the current folder, so that a folder of rules left where a clerk runs gongkai would be read
  /// instead of the installed ones. Where there is no `/proc`, a path typed with a folder in it, else Foundation's.
  static var executable: URL {
    if let running = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: running)
    }
    let typed = CommandLine.arguments.first ?? ""
    if typed.contains("/") { return URL(fileURLWithPath: typed).resolvingSymlinksInPath() }
    return Bundle.main.executableURL?.resolvingSymlinksInPath() ?? URL(fileURLWithPath: typed)
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

  /// What else in `folder` an administrator most likely meant as a schedule, none of which is read, each with how to
  /// make it one: a `.yaml` name with a space around it (pasted), a year saved as `2027.json` or `2027.txt`, and a
  /// folder inside it holding the `YYYY.yaml` of a year no schedule read covers (unpacked from an archive; one that
  /// keeps old years, `archive/2025.yaml`, is left alone). Hidden names aside, as for the files read.
  static func strayedSchedules(in folder: URL, scheduled: Set<Int>) -> [(path: String, fix: String)] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    let isYAML = { (name: String) in [".yaml", ".yml"].contains { name.lowercased().hasSuffix($0) } }
    return names.compactMap { name in
      let path = folder.appendingPathComponent(name).path
      let trimmed = name.trimmingCharacters(in: .whitespaces)
      let stem = (name as NSString).deletingPathExtension
      var isFolder: ObjCBool = false
      if trimmed != name, isYAML(trimmed) {
        return (path, "its name has a space \(name.hasPrefix(" ") ? "before" : "after") it; rename it \(trimmed)")
      } else if stem.count == 4, stem.allSatisfy(\.isASCII), Int(stem) != nil, ["json", "txt"].contains((name as NSString).pathExtension.lowercased()) {
        return (path, "a schedule's name ends in .yaml; rename it \(stem).yaml")
      } else if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue,
        let inside = try? FileManager.default.contentsOfDirectory(atPath: path),
        inside.contains(where: { name in
          let stem = (name as NSString).deletingPathExtension
          return isYAML(name) && stem.count == 4 && Int(stem).map { !scheduled.contains($0) } == true
        })
      {
        return (path, "it is a folder, and the schedules in a folder inside the calendar folder are not read; move them into \(folder.path)")
      }
      return nil
    }
  }

  /// The files of `folder`, hidden ones aside, whose names end in one of `endings` in any case (`2027.YAML`, as some
  /// editors save it), in the order of their names.
  private static func files(in folder: URL, endingIn endings: [String]) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { name in !name.hasPrefix(".") && endings.contains { name.lowercased().hasSuffix($0) } }.sorted()
      .map { folder.appendingPathComponent($0) }
  }
}
