import Foundation
import GongkaiFileSystem
import GongkaiStore
import Synchronization

/// Ctrl-C, a `kill` or a closed terminal during a command: the change it was writing is undone by SQLite (its
/// transaction never commits), but the temporary file of an export or a backup in progress would stay beside the
/// target, as large as the export, until a later run to the same place. The signal handler only writes the signal's
/// number to a pipe; a thread of its own, which takes no signal itself, reads it and does the rest where ordinary code
/// may run: it removes the temporary files this process holds, says what became of the work, and ends the process by
/// the same signal, so that the shell and cron see how it ended.
enum Interruption {
  /// The pipe's end the handler writes to; set once, before any handler is installed.
  nonisolated(unsafe) private static var notify: Int32 = -1
  /// Whether the command or a signal ended first: 0 neither yet, 1 a signal, 2 the command. Agreed once, so that a
  /// command that finished is not reported interrupted, nor one interrupted reported as failed.
  private static let ending = Atomic(0)
  static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// The signal being handled, for the alarm that ends the process should its handling block all the same.
  nonisolated(unsafe) private static var received: Int32 = 0

  /// The command's work has ended, by success or failure (its confirmation is about to be printed, or its error):
  /// its own status stands, and a signal from then on ends it as though no handler were installed, closing the
  /// register included. Should a signal have come first, waits for the end the signal brings instead (the command's
  /// failure may be that its temporary file was removed from under it).
  static func commandEnded() {
    let (exchanged, original) = ending.compareExchange(expected: 0, desired: 2, ordering: .acquiringAndReleasing)
    guard !exchanged, original == 1 else { return }
    while true { pause() }
  }

  /// Installs the handlers; called first, before the command runs.
  static func handle() {
    // The pipe must not take standard input, output or error where one is closed: what the command writes there
    // would be read as a signal. Each is held by /dev/null opened the other way, so that writing standard output
    // closed (`>&-`) still fails, as it would closed (74), instead of losing the output without a word.
    for descriptor in Int32(0)...2 where fcntl(descriptor, F_GETFD) == -1 {
      _ = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
    }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    // A handler never waits on a full pipe: the first signal's byte is the one read.
    _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
    notify = ends[1]
    // A signal ignored when gongkai starts (a background job of a script, nohup) stays ignored, as it was meant to.
    let taken = signals.filter { signal in
      var current = sigaction()
      return sigaction(signal, nil, &current) == 0 && !isIgnore(current.handler)
    }
    Thread.detachNewThread { [wait = ends[0]] in
      var blocked = sigset_t()
      sigemptyset(&blocked)
      for signal in signals { sigaddset(&blocked, signal) }
      pthread_sigmask(SIG_BLOCK, &blocked, nil)
      var received: UInt8 = 0
      while read(wait, &received, 1) != 1 {
        guard errno == EINTR else { return }
      }
      let signal = Int32(received)
      // The command ended first: it exits with its own status, unless another signal comes, which ends it at once.
      guard ending.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else {
        for signal in taken { restoreDefault(signal) }
        return
      }
      // The write in progress rolls back before the process ends: an exclusive import has written into the register
      // file itself, which is whole again only once its journal is played back. A second signal meanwhile ends the
      // process at once, as though no handler were installed.
      for signal in taken { restoreDefault(signal) }
      let write = WriteInterruption.stop(waitingUpTo: .seconds(30))
      // An export putting its last files in place finishes doing so: its pages, index and feed then agree.
      let outputFinished = TemporaryFile.waitForFinishing(upTo: .seconds(5))
      // Should anything below block all the same, the process ends, with the shell's status for the signal.
      Interruption.received = signal
      var alarmAction = sigaction()
      alarmAction.handler = { _ in _exit(128 + Interruption.received) }
      sigaction(SIGALRM, &alarmAction, nil)
      alarm(3)
      // An export's folder of many pages is removed name by name, each name a sign that nothing blocks.
      TemporaryFile.removeHeldForGood { alarm(3) }
      // On a terminal, after the progress line or the ^C the terminal echoed.
      // Only where standard error takes it at once: waiting on a full pipe, or on a terminal stopped with Ctrl-S,
      // would leave the command running meanwhile, perhaps to commit the work the signal was sent to stop.
      Terminal.toStandardErrorIfTaken((isatty(STDERR_FILENO) == 1 ? "\n" : "") + "gongkai: interrupted (\(String(cString: strsignal(signal)))): "
        + (outputFinished ? finishedOutput : whatBecameOf(write)) + "\n")
      restoreDefault(signal)
      // To the process, not to this thread, which blocks it; should no thread take it, the shell's status for it.
      kill(getpid(), signal)
      sleep(1)
      _exit(128 + signal)
    }
    for signal in taken {
      var action = sigaction()
      action.sa_flags = SA_RESTART
      action.handler = { signal in
        let saved = errno
        var number = UInt8(truncatingIfNeeded: signal)
        _ = write(Interruption.notify, &number, 1)
        errno = saved
      }
      sigaction(signal, &action, nil)
    }
  }

  /// An export the signal found putting its last files in place, which it was let finish: there is nothing to run again
  /// for, but the pages of projects withdrawn or moved, which go only after the index no longer names them, may stay.
  private static let finishedOutput = "the export had reached its last renames and finished them: its pages, index and feed are all "
    + "new and agree; pages of projects withdrawn or moved since the last export may still be in the folder until the next one"

  /// What the register holds after the signal, by how its write ended.
  private static func whatBecameOf(_ write: WriteInterruption.Outcome) -> String {
    switch write {
    case .undone:
      "the register keeps no change not yet committed, and no file is left half-written; run the command again to finish it"
    case .committed:
      "its change had been committed and the register holds it; no file is left half-written"
    case .stillRunning:
      "the change not yet committed was still being undone; the next gongkai command finishes undoing it from the journal "
        + "beside the register: do not copy or move the register before that command has run"
    }
  }

  private static func restoreDefault(_ signal: Int32) {
    var action = sigaction()
    action.handler = SIG_DFL
    sigaction(signal, &action, nil)
  }

  private static func isIgnore(_ handler: (@convention(c) (Int32) -> Void)?) -> Bool {
    guard let handler else { return false }
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }
}

extension sigaction {
  /// The handler, under the name each C library gives the field: glibc's union `__sigaction_handler`, Darwin's
  /// `__sigaction_u`.
  fileprivate var handler: (@convention(c) (Int32) -> Void)? {
    get {
      #if canImport(Darwin)
      __sigaction_u.__sa_handler
      #else
      __sigaction_handler.sa_handler
      #endif
    }
    set {
      #if canImport(Darwin)
      __sigaction_u.__sa_handler = newValue
      #else
      __sigaction_handler.sa_handler = newValue
      #endif
    }
  }
}
