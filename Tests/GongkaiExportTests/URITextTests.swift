import Testing
@testable import GongkaiExport

@Suite struct URITextTests {
  @Test(arguments: [
    ("https://a.example/é", "https://a.example/%C3%A9"),
    ("https://例子.测试/路径?q=中文", "https://%E4%BE%8B%E5%AD%90.%E6%B5%8B%E8%AF%95/%E8%B7%AF%E5%BE%84?q=%E4%B8%AD%E6%96%87"),
    ("https://a.example/x?q=1&y='z'#top", "https://a.example/x?q=1&y='z'#top"),
    ("https://a.example/%E4%B8%AD%e6", "https://a.example/%E4%B8%AD%e6"),
    ("https://a.example/100%", "https://a.example/100%25"),
    ("https://a.example/%zz", "https://a.example/%25zz"),
    ("https://a.example/s.asp?key=%u516C&ids[]=1", "https://a.example/s.asp?key=%25u516C&ids%5B%5D=1"),
    ("https://a.example/app#/route#part", "https://a.example/app#/route%23part"),
    ("https://[2001:db8::1]:8443/a[1]", "https://[2001:db8::1]:8443/a%5B1%5D"),
    ("https://a@b@c.example/a@b", "https://a%40b@c.example/a@b"),
  ])
  func anAddressBecomesAURI(iri: String, uri: String) {
    #expect(URIText.encoding(iri) == uri)
  }
}
