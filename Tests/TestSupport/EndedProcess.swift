import Foundation

/// The id of a process that has ended: what a process killed before it finished leaves in the names of its
/// temporary files, for tests of their clean-up.
public func endedProcessID() throws -> Int32 {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/true")
  try process.run()
  process.waitUntilExit()
  return process.processIdentifier
}
