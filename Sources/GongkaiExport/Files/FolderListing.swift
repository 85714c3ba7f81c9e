import Foundation

/// The names in a folder, one at a time. `FileManager.contentsOfDirectory` makes an array of strings, about
/// 100 bytes a name: for a folder of a million notices or project files, 100 MB held for a moment.
public enum FolderListing {
  /// Hands the UTF-8 bytes of each name in `folder` (without `.` and `..`) to `body`, which decides cheaply
  /// what it wants of them; returns `false` when the folder cannot be read.
  @discardableResult
  public static func forEachName(in folder: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows -> Bool {
    guard let directory = opendir(folder) else { return false }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      try withUnsafeBytes(of: &entry.pointee.d_name) { raw in
        let bytes = raw.bindMemory(to: UInt8.self)
        let name = UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)])
        guard !name.elementsEqual(".".utf8), !name.elementsEqual("..".utf8) else { return }
        try body(name)
      }
    }
    return true
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether the bytes end with those of `suffix`.
  public func hasSuffix(_ suffix: String) -> Bool {
    count >= suffix.utf8.count && self[(count - suffix.utf8.count)...].elementsEqual(suffix.utf8)
  }
}
