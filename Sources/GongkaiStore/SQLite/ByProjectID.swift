/// A small number per project of the register, kept by project id, which SQLite hands out densely from 1: a byte or
/// four a project during an import, where a dictionary keyed by project code took 60 MB at a million projects. An
/// id far beyond those kept so far, or negative (a database edited outside gongkai), goes to a dictionary instead.
/// Zero stands for none.
struct ByProjectID<Value: FixedWidthInteger> {
  private var dense: [Value]
  private var sparse: [Int64: Value] = [:]

  /// - Parameter count: the ids expected, from 0, kept densely from the start.
  init(count: Int = 0) {
    dense = Array(repeating: 0, count: max(0, count) + 1)
  }

  subscript(id: Int64) -> Value {
    get { id >= 0 && id < dense.count ? dense[Int(id)] : sparse[id] ?? 0 }
    set {
      if id >= 0, id < Int64(dense.count) * 2 + 1024 {
        if id >= dense.count { dense.append(contentsOf: repeatElement(0, count: Int(id) - dense.count + 1)) }
        dense[Int(id)] = newValue
      } else {
        sparse[id] = newValue
      }
    }
  }
}
