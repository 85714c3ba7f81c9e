import ArgumentParser
import Foundation
import GongkaiStore

extension Gongkai {
  struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create the register database, or bring an existing one to this version's schema.",
      discussion: """
        Safe to run again: an up-to-date database is left as it is. A database of an earlier gongkai is upgraded \
        only here (other commands refuse it), and the earlier gongkai cannot read it afterwards: copy it first.
        """)

    @OptionGroup var store: StoreOptions

    func run() async throws {
      let existed = FileManager.default.fileExists(atPath: store.path)
      let register = try store.open(create: true)
      let versions = try await register.appliedSchemaVersions()
      let schema = "schema \(versions.last ?? "none") (\(versions.count) migrations)"
      if let earlier = register.upgradedFrom {
        try StandardOutput.print("upgraded \(store.path) from schema \(earlier) to \(schema)")
      } else {
        try StandardOutput.print("\(existed ? "database" : "created") \(store.path): \(schema)")
      }
    }
  }
}

