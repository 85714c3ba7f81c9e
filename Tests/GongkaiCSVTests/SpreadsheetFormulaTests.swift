import GongkaiCSV
import Testing

/// What an import refuses as a formula saved in place of its value, and what it reads as text someone typed.
@Suite struct SpreadsheetFormulaTests {
  @Test(arguments: [
    "=SUM(B2:B9)", "=_xlfn.CONCAT(B2,C2)", "=A1", " = $C$3", "=$B$2+1", "=项目清单!B2", "='Sheet 2'!A1", "=+B2", "=(B2)",
    "=\"杨\"&B2", "=1+2", "=HYPERLINK(\"https://x.example/1\")", "=b2:b9",
  ])
  func aFormulaIsNoValue(cell: String) {
    #expect(SpreadsheetError.isFormula(cell))
  }

  @Test(arguments: ["=A级资质", "=ISO9001认证", "=总投资8.5亿元", "=1号楼", "A=1", "=", "==", "=ABCD1", "合同价=1.2亿元"])
  func typedTextIsNoFormula(cell: String) {
    #expect(!SpreadsheetError.isFormula(cell))
  }
}
