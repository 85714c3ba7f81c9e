/// A small number per project of the register, kept by project id, which SQLite hands out densely from 1: a byte or
/// four a project during an import, where a dictionary keyed by project code took 60 MB at a million projects. An
/// id far beyond those kept so far, or negative (a database edited outside gongkai), goes to a dictionary instead.
/// Zero stands for none.
struct ByProjectID<Value: FixedWidthInteger> {
  private var dense: [Value]
  private var sparse: [Int64: Value] = [:]

  /// - Parameter count: the projects expected (ids 1 to `count` are kept densely from the start).
  init(expecting count: Int = 0) {
    dense = Array(repeating: 0, count: max(0, count) + 1)
  }

  subscript(id: Int64) -> Value {
    get { id >= 0 && id < dense.count ? dense[Int(id)] : sparse[id] ?? 0 }
    set {
      if id >= 0, id < dense.count {
        dense[Int(id)] = newValue
      } else if id >= 0, id < Int64(dense.count) * 2 + 1024 {
        grow(through: Int(id))
        dense[Int(id)] = newValue
      } else {
        sparse[id] = newValue
      }
    }
  }

  /// Extends the dense table through `id`, taking in what the dictionary held for the ids it now covers.
  private mutating func grow(through id: Int) {
    let covered = Int64(dense.count)...Int64(id)
    dense.append(contentsOf: repeatElement(0, count: id - dense.count + 1))
    for (key, value) in sparse where covered.contains(key) {
      dense[Int(key)] = value
      sparse[key] = nil
    }
  }
}
