/// Whether `text` holds English prose: two Latin words in a row, a space between them. The codes
/// (`bidding.penalty`), file names (`legal-rules.md`), digests (`fnv:dde802dafa1a3f31`) and confidence tags (`S2`)
/// that Chinese texts keep are single words, so a Chinese output that reads as English has let English leak into it.
public func readsAsEnglish(_ text: some StringProtocol) -> Bool {
  String(text).contains(/[A-Za-z]{2,}[,;:]? +[A-Za-z]{2,}/)
}
