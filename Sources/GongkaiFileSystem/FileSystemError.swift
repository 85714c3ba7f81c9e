/// A file put aside (``ScratchFile``, ``SortedNames``, ``GroupedSorter``) could not be created, written or read back.
public enum FileSystemError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file cannot be created in its folder (missing, not writable): the folder is wrong, not the disk.
  case cannotCreate(String, String)
  /// A file that was created could not be written or read back (a full disk, a failing device).
  case io(String)

  public var description: String {
    switch self {
    case .cannotCreate(let folder, let reason): "cannot write \(folder): \(reason)"
    case .io(let message): message
    }
  }
}
