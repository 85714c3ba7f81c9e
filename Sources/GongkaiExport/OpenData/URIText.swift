/// Addresses as open data must write them. The register keeps an address as it was typed, an IRI where a
/// Chinese government site uses Chinese paths (`https://xxgk.example/公告/1.html`), and a notice page links it as
/// such; but OC4IDS declares `url` a URI (RFC 3986, ASCII only), so its validator rejects the whole package for one
/// such address, and a program reading disclosures.json expects the same form.
enum URIText {
  /// `iri` with every byte a URI cannot hold percent-encoded (RFC 3987 §3.1: the UTF-8 bytes of each character
  /// beyond ASCII), and what browsers follow but a URI may not hold encoded too: a `%` that does not start an escape
  /// (`%25`), brackets after the site (`%5B`, `%5D`: only an IPv6 site is bracketed), a `#` after the first
  /// (`%23`) and an `@` of the user name before the one that ends it (`%40`); an address already a URI is returned
  /// as it is.
  static func encoding(_ iri: String) -> String {
    let bytes = Array(iri.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    let afterScheme = bytes.firstIndex(of: UInt8(ascii: ":")).map { $0 + 3 } ?? 0
    let authorityEnd = bytes.indices.first { $0 >= afterScheme && "/?#".utf8.contains(bytes[$0]) } ?? bytes.endIndex
    let fragment = bytes.indices.first { $0 >= authorityEnd && bytes[$0] == UInt8(ascii: "#") }
    let userEnd = bytes.indices.last { $0 >= afterScheme && $0 < authorityEnd && bytes[$0] == UInt8(ascii: "@") }
    for (index, byte) in bytes.enumerated() {
      let startsEscape = byte == UInt8(ascii: "%") && index + 2 < bytes.count
        && isHexDigit(bytes[index + 1]) && isHexDigit(bytes[index + 2])
      let misplaced = index >= authorityEnd
        && (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || (byte == UInt8(ascii: "#") && index != fragment))
        || byte == UInt8(ascii: "@") && index >= afterScheme && index < authorityEnd && index != userEnd
      if (allowed(byte) && !misplaced) || startsEscape {
        out.append(byte)
      } else {
        out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789ABCDEF".utf8)

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
  }

  /// RFC 3986's unreserved and reserved characters: what a URI holds as it is.
  private static func allowed(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
    default: "-._~:/?#[]@!$&'()*+,;=".utf8.contains(byte)
    }
  }
}
