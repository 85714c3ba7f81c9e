import ArgumentParser
import Foundation
import GongkaiStore

extension Gongkai {
  struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create the register database, or bring an existing one to this version's schema.",
      discussion: "Safe to run again: an up-to-date database is left as it is.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
      let existed = FileManager.default.fileExists(atPath: store.path)
      let versions = try await store.open(create: true).appliedSchemaVersions()
      try StandardOutput.print("\(existed ? "database" : "created") \(store.path): schema \(versions.last ?? "none") (\(versions.count) migrations)")
    }
  }
}

