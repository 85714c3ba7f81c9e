import Foundation
import GongkaiStore
import Testing

/// The commands messages suggest are pasted into a shell: each value must come back as the one argument it was.
@Suite struct ShellWordTests {
  @Test(arguments: [
    ("R9", "R9"), ("杨建〔2025〕9号", "杨建〔2025〕9号"), ("/data/gongkai.sqlite", "/data/gongkai.sqlite"),
    ("杨建(2025) 9号", "'杨建(2025) 9号'"), ("it's", #"'it'\''s'"#), ("", "''"), ("$HOME", "'$HOME'"), ("a;rm -rf b", "'a;rm -rf b'"),
  ])
  func aValueIsOneWordOfTheShell(value: String, word: String) throws {
    #expect(ShellWord.quoted(value) == word)
    // And the shell agrees: `printf '%s|' WORD` prints the value once.
    let shell = Process()
    shell.executableURL = URL(fileURLWithPath: "/bin/sh")
    shell.arguments = ["-c", "printf '%s|' \(word)"]
    let output = Pipe()
    shell.standardOutput = output
    try shell.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    shell.waitUntilExit()
    #expect(String(decoding: printed, as: UTF8.self) == value + "|")
  }
}
