import Foundation
import GongkaiStore

/// A progress line on standard error (`importing 1200/5000, 3400/s`), only when standard error is a terminal,
/// so that cron mail and pipes stay clean.
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
  private let label: String
  private let start = Date()
  private var lastDraw = Date.distantPast
  private let lock = NSLock()

  /// A reporter, or `nil` when standard error is not a terminal.
  static func make(_ label: String) -> TerminalProgress? {
    isatty(STDERR_FILENO) == 1 ? TerminalProgress(label) : nil
  }

  private init(_ label: String) { self.label = label }

  private var drawn = false

  /// Redraws the line at most ten times a second; `total` 0 means unknown.
  func advance(to done: Int, of total: Int) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
    lastDraw = now
    let rate = Double(done) / max(now.timeIntervalSince(start), 0.001)
    let count = total > 0 ? "\(done)/\(total)" : "\(done)"
    // A terminal stopped with Ctrl-S misses redraws rather than holding the write, which a Ctrl-C after it must be
    // able to undo.
    if Terminal.toStandardErrorIfTaken("\r\(label) \(count), \(Int(rate))/s\u{1B}[K") { drawn = true }
    if done == total { endLine() }
  }

  /// Ends the progress line, so what follows starts on a line of its own. Called once the work has ended, it waits
  /// for a terminal stopped with Ctrl-S to take the line's end.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { Terminal.toStandardError("\n") }
    drawn = false
  }

  /// With the lock held; during the work, so only where the terminal takes it at once (``finish()`` ends the line
  /// otherwise).
  private func endLine() {
    if drawn, Terminal.toStandardErrorIfTaken("\n") { drawn = false }
  }
}
