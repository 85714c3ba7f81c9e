import ArgumentParser
import GongkaiCore
import GongkaiStore

extension Gongkai {
  struct Withdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Withdraw a milestone or disclosure recorded by mistake: it stays on record, logged, but no longer counts.",
      usage: WithdrawableRecordOptions.usage(of: "withdraw"),
      discussion: """
        A milestone or publication withdrawn by mistake is put back with `gongkai reinstate`, under the 索引号 it had.

        Examples:
          gongkai withdraw 42 --reason 重复登记
          gongkai withdraw --disclosure D17 --reason 记录在错误的里程碑，应为里程碑43
        """)

    @OptionGroup var options: WithdrawableRecordOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      let record = try options.record()
      let reason = try options.requiredReason(milestoneExample: "重复登记，与里程碑12为同一文件",
                                              disclosureExample: "记录在错误的里程碑，应为里程碑43")
      let register = try store.open()
      switch record {
      case .disclosure(let disclosure):
        let owner = try await options.owner(ofDisclosure: disclosure, in: register)
        // What the portal showed: its day and channel, while it is in force.
        let publication = WithdrawableRecordOptions.publication(disclosure, of: owner)
        let done = try await register.withdrawDisclosure(id: disclosure, reason: reason, actor: try actor.actor())
        // Of a withdrawn milestone, the publication comes back after it.
        let milestoneFirst = owner.withdrawnReason == nil ? "" : "gongkai reinstate \(owner.milestone.id) --reason …`, then `"
        // Named as `project show` shows it (D17), apart from the milestone: a bare number typed back names a milestone.
        let label = publicationLabel(disclosure)
        try StandardOutput.confirm(Self.said(done, "disclosure \(label) of \(Gongkai.named(owner.milestone))\(publication)",
                                             undo: "\(milestoneFirst)gongkai reinstate --disclosure \(label) --reason …"),
                                   written: done == .withdrawn)
      case .milestone(let milestone):
        let stored = try await Gongkai.namedMilestone(milestone, of: options.project, in: register)
        let done = try await register.withdrawMilestone(id: milestone, reason: reason, actor: try actor.actor())
        // Its publications go off the notices with it: said, as a publication's id typed for a milestone's shows here.
        let publications = stored.milestone.disclosures.isEmpty || stored.withdrawnReason != nil ? ""
          : " with its \(counted(stored.milestone.disclosures.count, "publication")) (off the public notices at the next export)"
        try StandardOutput.confirm(Self.said(done, Gongkai.named(stored.milestone) + publications,
                                             undo: "gongkai reinstate \(milestone) --reason …"),
                                   written: done == .withdrawn)
      }
    }

    /// What a withdrawal did to `what`, and the command that `undo`es it while the id is at hand; run again (a script
    /// retried), it changes nothing and says so.
    static func said(_ withdrawal: Withdrawal, _ what: String, undo: String) -> String {
      switch withdrawal {
      case .withdrawn: "withdrew \(what) (`\(undo)` puts it back if this was the wrong one)"
      case .alreadyWithdrawn(let reason): "\(what) unchanged: already withdrawn (\(Terminal.field(reason))); `gongkai history` of its project shows by whom and when"
      }
    }
  }
}
