import Foundation
import GongkaiFileSystem
import Synchronization
import Testing

/// The last renames of an export are waited for by a signal's handling, so that an interrupted export leaves its pages,
/// index and feed agreeing.
@Suite struct FinishingTests {
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
    TemporaryFile.waitForFinishing(upTo: .seconds(10))
    let endedFirst = ended.load(ordering: .acquiring)
    #expect(endedFirst)
  }
}
