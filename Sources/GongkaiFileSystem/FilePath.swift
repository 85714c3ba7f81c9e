/// Paths as the user typed them, taken apart without `NSString`: on Linux its `deletingLastPathComponent` traps on a
/// one-character name (`--out x`), so an export would crash on the shortest folder name there is.
public enum FilePath {
  /// The folder `path` names its last component in, as `dirname` gives it: `"."` for a bare name, `"/"` for a
  /// name in the root; trailing slashes are not a component.
  public static func parent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    var folder = trimmed[..<slash]
    while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
    return folder.isEmpty ? "/" : String(folder)
  }
}
