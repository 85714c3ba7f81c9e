/// Publications of a milestone that follow one another without a day off the public channels that counts: each put
/// up by the day after the ones before it came down (or, for a period in working days, by the next working day), or
/// while one of them stays up.
///
/// A minimum publication period (a 公示) is met by a run from its first day, never by publications with days between
/// them: a notice up for a day, taken down, and put up elsewhere a week later was not public for the period, and the
/// later end must not make the first one look long enough. A run put up again in full after one taken down too early
/// does meet it, from its own first day (so it may come late).
struct PublicationRun {
  /// Where the run's first publication, the one a finding judges, is among the milestone's publications: a position,
  /// not a copy, since the checker holds up to three runs of every milestone it judges, and a copy retained the
  /// publication's texts each time.
  let firstPosition: Int
  /// The day the run's first publication was put up.
  let firstPublishedOn: CivilDate
  /// The day the run's last publication was put up.
  private(set) var lastPublishedOn: CivilDate
  /// The last day the run's publications stayed up; `nil` while one stays up.
  private(set) var until: CivilDate?

  private init(_ disclosure: Disclosure, at position: Int) {
    firstPosition = position
    firstPublishedOn = disclosure.publishedOn
    lastPublishedOn = disclosure.publishedOn
    until = disclosure.until
  }

  /// The days its publications were put up, first to last.
  var published: ClosedRange<CivilDate> { firstPublishedOn...lastPublishedOn }

  /// Hands `body` the runs of the publications put up by `asOf`, earliest first, until it returns true. Two
  /// publications on one day keep their order. `continues(end, next)` says whether a publication put up on `next`
  /// carries on a run that came down after `end` (``Checker/carriesOn(publicationOf:endedOn:putUpOn:)``).
  static func forEach<Failure: Error>(
    in disclosures: [Disclosure], asOf: CivilDate, continues: (CivilDate, CivilDate) -> Bool,
    _ body: (PublicationRun) throws(Failure) -> Bool
  ) throws(Failure) {
    // Nearly every milestone has one publication or none: no array for those, the checker runs for every row.
    if disclosures.count < 2 {
      if let only = disclosures.first, only.publishedOn <= asOf { _ = try body(PublicationRun(only, at: 0)) }
      return
    }
    let published = disclosures.indices.filter { disclosures[$0].publishedOn <= asOf }
      .sorted { (disclosures[$0].publishedOn, $0) < (disclosures[$1].publishedOn, $1) }
    guard let start = published.first else { return }
    var run = PublicationRun(disclosures[start], at: start)
    for position in published.dropFirst() {
      let disclosure = disclosures[position]
      if let end = run.until, !continues(end, disclosure.publishedOn) {
        if try body(run) { return }
        run = PublicationRun(disclosure, at: position)
      } else {
        run.lastPublishedOn = disclosure.publishedOn
        // One that stays up keeps the run up.
        if let end = run.until, let next = disclosure.until { run.until = max(end, next) } else { run.until = nil }
      }
    }
    _ = try body(run)
  }
}
