import Foundation
import Synchronization
import GongkaiStore

/// A progress line on standard error (`importing 1200/5000, 3400/s`), only when standard error is a terminal,
/// so that cron mail and pipes stay clean.
final class TerminalProgress: ProgressReporter, Sendable {
  private let label: String
  private let start = Date()
  private let line = Mutex<(lastDraw: Date, drawn: Bool)>((.distantPast, false))

  /// A reporter, or `nil` when standard error is not a terminal.
  static func make(_ label: String) -> TerminalProgress? {
    isatty(STDERR_FILENO) == 1 ? TerminalProgress(label) : nil
  }

  private init(_ label: String) { self.label = label }

  /// Redraws the line at most ten times a second; `total` 0 means unknown.
  func advance(to done: Int, of total: Int) {
    line.withLock { line in
      let now = Date()
      guard done == total || now.timeIntervalSince(line.lastDraw) >= 0.1 else { return }
      line.lastDraw = now
      let rate = Double(done) / max(now.timeIntervalSince(start), 0.001)
      let count = total > 0 ? "\(done)/\(total)" : "\(done)"
      // A terminal stopped with Ctrl-S misses redraws rather than holding the write, which a Ctrl-C after it must be
      // able to undo.
      if Terminal.toStandardErrorIfTaken("\r\(label) \(count), \(Int(rate))/s\u{1B}[K") { line.drawn = true }
      // The work is done: the line ends, where the terminal takes it at once (``finish()`` ends it otherwise).
      if done == total, line.drawn, Terminal.toStandardErrorIfTaken("\n") { line.drawn = false }
    }
  }

  /// Ends the progress line, so what follows starts on a line of its own. Called once the work has ended, it waits
  /// for a terminal stopped with Ctrl-S to take the line's end.
  func finish() {
    line.withLock { line in
      if line.drawn { Terminal.toStandardError("\n") }
      line.drawn = false
    }
  }
}
