import Foundation

/// The names in a folder, one at a time. `FileManager.contentsOfDirectory` makes an array of strings, about
/// 100 bytes a name: for a folder of a million notices or project files, 100 MB held for a moment.
public enum FolderListing {
  /// Hands the UTF-8 bytes of each name in `folder` (without `.` and `..`) to `body`, which decides cheaply
  /// what it wants of them; returns `false` when the folder cannot be read to its end.
  @discardableResult
  public static func forEachName(in folder: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows -> Bool {
    guard let directory = opendir(folder) else { return false }
    defer { closedir(directory) }
    while true {
      // readdir tells the end of the folder from a failure only by errno.
      errno = 0
      guard let entry = readdir(directory) else { return errno == 0 }
      try withUnsafeBytes(of: &entry.pointee.d_name) { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let name = UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)])
        guard !name.elementsEqual(".".utf8), !name.elementsEqual("..".utf8) else { return }
        try body(name)
      }
    }
  }

  /// Whether the name's bytes end with `suffix`, an extension such as `.yaml`; with `ignoringCase`, in any case of
  /// ASCII letters (`suffix` in lower case).
  public static func name(_ name: UnsafeBufferPointer<UInt8>, endsWith suffix: String, ignoringCase: Bool = false) -> Bool {
    name.count >= suffix.utf8.count && name[(name.count - suffix.utf8.count)...].elementsEqual(suffix.utf8) { byte, lower in
      (ignoringCase && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == lower
    }
  }
}
