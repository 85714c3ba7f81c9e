/// Publications of a milestone that follow one another without a day off the public channels that counts: each put
/// up by the day after the ones before it came down (or, for a period in working days, by the next working day), or
/// while one of them stays up.
///
/// A minimum publication period (a 公示) is met by a run from its first day, never by publications with days between
/// them: a notice up for a day, taken down, and put up elsewhere a week later was not public for the period, and the
/// later end must not make the first one look long enough. A run put up again in full after one taken down too early
/// does meet it, from its own first day (so it may come late).
struct PublicationRun {
  /// The run's first publication, the one a finding judges.
  let first: Disclosure
  /// The day the run's last publication was put up.
  private(set) var lastPublishedOn: CivilDate
  /// The last day the run's publications stayed up; `nil` while one stays up.
  private(set) var until: CivilDate?

  private init(_ disclosure: Disclosure) {
    first = disclosure
    lastPublishedOn = disclosure.publishedOn
    until = disclosure.until
  }

  /// The days its publications were put up, first to last.
  var published: ClosedRange<CivilDate> { first.publishedOn...lastPublishedOn }

  /// Hands `body` the runs of the publications put up by `asOf`, earliest first, until it returns true. Two
  /// publications on one day keep their order. `continues(end, next)` says whether a publication put up on `next`
  /// carries on a run that came down after `end` (``Checker/carriesOn(publicationOf:endedOn:putUpOn:)``).
  static func forEach<Failure: Error>(
    in disclosures: [Disclosure], asOf: CivilDate, continues: (CivilDate, CivilDate) -> Bool,
    _ body: (PublicationRun) throws(Failure) -> Bool
  ) throws(Failure) {
    // Nearly every milestone has one publication or none: no array for those, the checker runs for every row.
    if disclosures.count < 2 {
      if let only = disclosures.first, only.publishedOn <= asOf { _ = try body(PublicationRun(only)) }
      return
    }
    let published = disclosures.enumerated().filter { $0.element.publishedOn <= asOf }
      .sorted { ($0.element.publishedOn, $0.offset) < ($1.element.publishedOn, $1.offset) }.map(\.element)
    guard var run = published.first.map(PublicationRun.init) else { return }
    for disclosure in published.dropFirst() {
      if let end = run.until, !continues(end, disclosure.publishedOn) {
        if try body(run) { return }
        run = PublicationRun(disclosure)
      } else {
        run.lastPublishedOn = disclosure.publishedOn
        // One that stays up keeps the run up.
        if let end = run.until, let next = disclosure.until { run.until = max(end, next) } else { run.until = nil }
      }
    }
    _ = try body(run)
  }
}
