import Mustache

// The templates look values up by name. Without these lookups swift-mustache reflects on a value (Mirror) for
// every name on every row, which made a notice page cost 20 ms and a large register's notices take hours; with
// them a lookup is a switch. (Reflection also missed the computed `Timeline.width`, so the SVG had no width.)

extension ProjectNotice: MustacheParent {
  public func child(named name: String) -> Any? {
    switch name {
    case "code": code
    case "name": self.name
    case "legalPerson": legalPerson
    case "location": location
    case "investment": investment
    case "responsibleUnit": responsibleUnit
    case "sections": sections
    case "disclosedCount": disclosedCount
    case "timeline": timeline
    case "asOf": asOf
    case "provisionalNote": provisionalNote
    default: nil
    }
  }
}

extension ProjectNotice.Section: MustacheParent {
  public func child(named name: String) -> Any? {
    switch name {
    case "position": position
    case "ordinal": ordinal
    case "name": self.name
    case "items": items
    default: nil
    }
  }
}

extension ProjectNotice.Item: MustacheParent {
  public func child(named name: String) -> Any? {
    switch name {
    case "kindCode": kindCode
    case "kindName": kindName
    case "indexNumber": indexNumber
    case "publisher": publisher
    case "formedOn": formedOn
    case "reference": reference
    case "summary": summary
    case "summaryLines": summaryLines
    case "publishedOn": publishedOn
    case "channel": channel
    case "url": url
    case "alsoPublished": alsoPublished
    case "channelIndexNumber": channelIndexNumber
    case "publicationPeriod": publicationPeriod
    case "periodNote": periodNote
    case "validity": validity
    case "validityMark": validityMark
    case "withdrawalReason": withdrawalReason
    case "changes": changes
    case "withdraws": withdraws
    case "correction": correction
    default: nil
    }
  }
}

extension Timeline: MustacheParent {
  public func child(named name: String) -> Any? {
    switch name {
    case "width": width
    case "height": height
    case "rows": rows
    case "ticks": ticks
    case "legend": legend
    case "legendY": legendY
    case "asOfX": asOfX
    case "asOfLabelX": asOfLabelX
    case "asOf": asOf
    case "title": title
    case "summary": summary
    case "unverifiedNote": unverifiedNote
    case "labelStart": Self.labelStart
    case "statusEnd": Self.statusEnd
    case "labelFontSize": Self.labelFontSize.formatted
    default: nil
    }
  }
}

extension Timeline.Row: MustacheParent {
  public func child(named name: String) -> Any? {
    switch name {
    case "y": y
    case "textY": textY
    case "tickY": tickY
    case "barY": barY
    case "label": label
    case "fullLabel": fullLabel
    case "status": status
    case "statusFontSize": statusFontSize.formatted
    case "colour": colour
    case "formedX": formedX
    case "lineEndX": lineEndX
    case "deadlineX": deadlineX
    case "mark": mark
    case "hollow": hollow
    case "overdueWidth": overdueWidth
    default: nil
    }
  }
}

extension Timeline.Tick: MustacheParent {
  public func child(named name: String) -> Any? {
    switch name {
    case "x": x
    case "label": label
    default: nil
    }
  }
}

extension Timeline.LegendEntry: MustacheParent {
  public func child(named name: String) -> Any? {
    switch name {
    case "x": x
    case "textX": textX
    case "mark": mark
    case "colour": colour
    case "hollow": hollow
    case "label": label
    default: nil
    }
  }
}

extension Double {
  /// `11`, `9.5`: a font size as SVG takes it, without a trailing `.0`.
  fileprivate var formatted: String { self == rounded() ? String(Int(self)) : String(self) }
}

extension ProjectNotice.FurtherChannels: MustacheParent {
  public func child(named name: String) -> Any? { name == "entries" ? entries : nil }
}

extension ProjectNotice.FurtherChannel: MustacheParent {
  public func child(named name: String) -> Any? {
    switch name {
    case "channel": channel
    // Not `url`: a channel without one would be given its item's, as a name a value lacks is looked up in the
    // enclosing ones.
    case "address": url
    case "publishedOn": publishedOn
    case "indexNumber": indexNumber
    case "isFirst": isFirst
    default: nil
    }
  }
}
