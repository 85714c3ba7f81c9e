import ArgumentParser
import GongkaiCore
import GongkaiStore

extension Gongkai {
  struct Reinstate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Put a milestone or disclosure withdrawn by mistake back in force, under the 索引号 it had.",
      usage: WithdrawableRecordOptions.usage(of: "reinstate", rules: true),
      discussion: """
        For a withdrawal made by mistake: a mistyped id, or the wrong one of two records. The milestone counts again \
        from the day it was formed, logged as reinstated (恢复) with the reason; its publications, which the withdrawal \
        left as they were, are on the public notices again at the next export, under the 索引号 they had, and the feed \
        dates the item by the reinstatement, so that readers that saw it deleted see it again. Refused once another \
        milestone was recorded in its place (its kind, day and 文号), in force or withdrawn since: that one is the \
        record, to amend or to reinstate. Refused too while the milestone it changes is withdrawn, or formed after it. \
        A milestone withdrawn with its project comes back with it (`gongkai project reinstate`); one in force is left \
        as it is.

        A publication (--disclosure) comes back the same way, under its 索引号, while its milestone is in force; \
        refused once another publication was recorded in its place (its milestone, day and channel), in force or \
        withdrawn since, or is in force on that channel spelt with other spaces, and when it is dated before its \
        milestone was formed (amended since).

        Examples:
          gongkai reinstate 42 --reason 误撤回，应撤回的是里程碑24
          gongkai reinstate --disclosure D17 --reason 误撤回，应撤回的是公开 D18
        """)

    @OptionGroup var options: WithdrawableRecordOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      let record = try options.record()
      let reason = try options.requiredReason(milestoneExample: "误撤回，应撤回的是里程碑24", disclosureExample: "误撤回，应撤回的是公开记录18")
      let opened = try store.open()
      // A publication reinstated may be dated before its milestone where the law wants it public by that day: the
      // rules say which, loaded as `disclose` loads them (a register kept under a profile file needs it given).
      let register = if case .disclosure = record {
        opened.admittingEarlyPublications(under: try rules.loadCatalogue(keptUnder: try await opened.profile(), register: store.path))
      } else {
        opened
      }
      switch record {
      case .disclosure(let disclosure):
        let owner = try await options.owner(ofDisclosure: disclosure, in: register)
        let done = try await register.reinstateDisclosure(id: disclosure, reason: reason, actor: try actor.actor())
        let what = "disclosure \(publicationLabel(disclosure)) of \(Gongkai.named(owner.milestone)): \(done.disclosure.publishedOn) \(Terminal.field(done.disclosure.channel))"
        if done.wasInForce {
          // In force, yet off the notices while its milestone is withdrawn: that is what to reinstate.
          let off = owner.withdrawnReason == nil ? ""
            : " (its milestone is withdrawn: `gongkai reinstate \(owner.milestone.id) --reason …` puts both back on the notices)"
          try StandardOutput.confirm("\(what) unchanged: it is in force\(off)", written: false)
        } else {
          try StandardOutput.confirm("reinstated \(what) (back on the public notices at the next export, under the 索引号 it had)")
          warnIfBeside(disclosure, done.disclosure, in: owner)
        }
      case .milestone(let milestone):
        let stored = try await Gongkai.namedMilestone(milestone, of: options.project, in: register)
        let what = Gongkai.named(stored.milestone)
        switch try await register.reinstateMilestone(id: milestone, reason: reason, actor: try actor.actor()) {
        case .wasInForce: try StandardOutput.confirm("\(what) unchanged: it is in force", written: false)
        case .reinstated(let publications, let loggedAgain):
          try StandardOutput.confirm("reinstated \(what) (\(counted(publications, "publication")) back on the public notices at the next export)")
          for other in loggedAgain {
            let shared = other.formedOn == stored.milestone.formedOn
              ? "day and \(stored.reference == nil ? "category" : "文号")" : "kind and 文号 on another day"
            Terminal.warning("""
              \(Gongkai.named(other)), recorded since, has this one's \(shared): \
              if it was logged in this one's place, the information now counts twice; withdraw the one that is wrong \
              (`gongkai withdraw \(other.id) --reason …` or `gongkai withdraw \(milestone) --reason …`)
              """)
          }
        }
      }
    }

    /// A publication back in force on the channel of another (its spaces aside) that was up while it was, as `disclose`
    /// finds one: the other may have been recorded in its place while it was withdrawn (its date corrected so), and
    /// the item then shows as published twice. Said with the withdrawals that settle it.
    private func warnIfBeside(_ id: Int64, _ publication: Disclosure, in owner: StoredMilestone) {
      let others = zip(owner.milestone.disclosures, owner.recordedDisclosures).map { ($1.id, $0) }
      guard let (other, recorded) = publication.recordedBeside(among: others), publication.isUp(alongside: recorded) else { return }
      Terminal.warning("""
        disclosure \(id) of \(publication.publishedOn) is in force again beside disclosure \(other) of \(recorded.publishedOn), on the \
        same channel: if \(other) was recorded in its place, the item now shows as published twice; withdraw the one that is \
        wrong (`gongkai withdraw --disclosure \(other) --reason 重复登记` or `gongkai withdraw --disclosure \(id) --reason …`)
        """)
    }
  }
}
