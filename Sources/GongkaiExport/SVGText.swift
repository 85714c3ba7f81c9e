/// Text drawn in the SVG pictures of the exports (a notice's timeline, the report's chart), measured without a font
/// at hand: an export runs on a server with no fonts, and a name that runs out of its picture or over its neighbour is
/// what a reader sees first.
enum SVGText {
  /// `name` and `suffix` where they fit `room` pixels at `fontSize`, else as much of the name's start as fits with …
  /// and the suffix whole: for a timeline row's name, and a unit's name beside its bar in the report's chart.
  static func fitted(_ name: String, suffix: String = "", room: Double, fontSize: Double) -> String {
    guard width(of: name + suffix, fontSize: fontSize) > room else { return name + suffix }
    var cut = ""
    for character in name {
      guard width(of: cut + String(character) + "…" + suffix, fontSize: fontSize) <= room else { break }
      cut.append(character)
    }
    return cut + "…" + suffix
  }

  /// The width of `text` drawn at `fontSize` pixels, by the widest its characters are in a sans-serif font: a
  /// Chinese character or a full-width sign an em, any other character six tenths of one.
  static func width(of text: String, fontSize: Double) -> Double {
    text.unicodeScalars.reduce(0) { sum, scalar in sum + (scalar.value >= 0x2000 ? 1 : 0.6) } * fontSize
  }
}
