import Foundation
import GongkaiFileSystem
import Synchronization
import Testing

/// The last renames of an export are waited for by a signal's handling, so that an interrupted export leaves its pages,
/// index and feed agreeing.
@Suite(.serialized) struct FinishingTests {
  @Test func aSignalWaitsForTheLastRenamesToEnd() {
    let started = Atomic(false)
    let ended = Atomic(false)
    let thread = Thread {
      TemporaryFile.finishing {
        started.store(true, ordering: .releasing)
        usleep(200_000)
        ended.store(true, ordering: .releasing)
      }
    }
    thread.start()
    while !started.load(ordering: .acquiring) { usleep(1_000) }
    let finished = TemporaryFile.waitForFinishing(upTo: .seconds(10))
    let endedFirst = ended.load(ordering: .acquiring)
    #expect(endedFirst)
    // The user is then told the export is in place, not to run it again.
    #expect(finished)
  }

  /// Last renames that fail (a full disk) leave nothing finished to report, however long the signal waited.
  @Test func aSignalWaitingForRenamesThatFailReportsNothingFinished() {
    struct Failed: Error {}
    let started = Atomic(false)
    let thread = Thread {
      _ = try? TemporaryFile.finishing {
        started.store(true, ordering: .releasing)
        usleep(100_000)
        throw Failed()
      }
    }
    thread.start()
    while !started.load(ordering: .acquiring) { usleep(1_000) }
    #expect(!TemporaryFile.waitForFinishing(upTo: .seconds(10)))
  }

  /// A signal with no renames under way has nothing finished to report: the export was stopped and must be run again.
  @Test func aSignalBetweenRenamesReportsNothingFinished() {
    #expect(!TemporaryFile.waitForFinishing(upTo: .seconds(1)))
  }
}
