import Foundation
import GongkaiCore
import GongkaiReference
import Testing
@testable import GongkaiExport

/// Open-data users select a project's documents by their OC4IDS documentType: each kind's publication takes a code of
/// the codelist, one that says what it is.
@Suite struct OC4IDSDocumentTypeTests {
  static let catalogue = try! RuleCatalogue.load(resources: try! BundledResources.folder())

  @Test func everyKindTakesACodeOfTheCodelist() throws {
    let codelist = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Validators/oc4ids/0.9.5/codelists/documentType.csv")
    let codes = Set(try String(contentsOf: codelist, encoding: .utf8).split(separator: "\n").dropFirst()
      .map { String($0.prefix { $0 != "," }) })
    #expect(codes.count > 60)
    for rule in Self.catalogue.rules {
      #expect(codes.contains(OC4IDSExport.documentType(rule)), "\(rule.code): \(OC4IDSExport.documentType(rule))")
    }
  }

  @Test(arguments: [
    ("bidding.result", "awardNotice"), ("bidding.procurement-result", "awardNotice"),
    ("bidding.contract", "contractSigned"), ("bidding.procurement-contract", "contractSigned"),
    ("bidding.penalty", "debarments"), ("bidding.tender-notice", "tenderNotice"),
    ("completion.environmental-acceptance", "environmentalMeasures"), ("completion.acceptance", "completionCertificate"),
  ])
  func aKindsPublicationIsTypedAsWhatItIs(kind: String, type: String) throws {
    let rule = try #require(Self.catalogue.rule(for: kind))
    #expect(OC4IDSExport.documentType(rule) == type)
  }
}
