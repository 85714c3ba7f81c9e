import Foundation
import GongkaiFileSystem
import Synchronization

/// Ctrl-C, a `kill` or a closed terminal during a command: the change it was writing is undone by SQLite (its
/// transaction never commits), but the temporary file of an export or a backup in progress would stay beside the
/// target, as large as the export, until a later run to the same place. The signal handler only writes the signal's
/// number to a pipe; a thread of its own reads it and does the rest where ordinary code may run: it removes this
/// process's temporary files, says what became of the work, and ends the process by the same signal, so that the
/// shell and cron see how it ended.
enum Interruption {
  /// The pipe's end the handler writes to; set once, before any handler is installed.
  nonisolated(unsafe) private static var notify: Int32 = -1
  /// Set once a signal is being handled: the command's own failure (its temporary file gone from under it) is then
  /// not reported, as the process is about to end by the signal.
  private static let underway = Atomic(false)

  /// Waits for the end a signal being handled brings, rather than report what its cleaning up made fail.
  static func awaitEndIfUnderway() {
    guard underway.load(ordering: .acquiring) else { return }
    while true { pause() }
  }

  static func handle() {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return }
    notify = ends[1]
    Thread.detachNewThread { [wait = ends[0]] in
      var received: UInt8 = 0
      guard read(wait, &received, 1) == 1 else { return }
      let signal = Int32(received)
      underway.store(true, ordering: .releasing)
      TemporaryFile.removeOwn()
      Terminal.error([
        "interrupted (\(String(cString: strsignal(signal)))): a change to the register not yet committed is undone, "
          + "and a file not yet complete was not put in place; its temporary files are removed",
      ])
      var action = sigaction()
      action.__sigaction_handler.sa_handler = SIG_DFL
      sigaction(signal, &action, nil)
      // To the process, not to this thread, which Foundation may have started with signals blocked; should no thread
      // take it, the shell's status for it all the same.
      kill(getpid(), signal)
      sleep(1)
      _exit(128 + signal)
    }
    for signal in [SIGINT, SIGTERM, SIGHUP] {
      // A signal ignored when gongkai starts (a background job of a script, nohup) stays ignored, as it was meant to.
      var current = sigaction()
      guard sigaction(signal, nil, &current) == 0, !isIgnore(current.__sigaction_handler.sa_handler) else { continue }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        var number = UInt8(truncatingIfNeeded: signal)
        _ = write(Interruption.notify, &number, 1)
      }
      sigaction(signal, &action, nil)
    }
  }

  private static func isIgnore(_ handler: (@convention(c) (Int32) -> Void)?) -> Bool {
    guard let handler else { return false }
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }
}
