import Testing

@testable import LocalWorkspace

@Suite struct XMLTextTests {
    @Test func escapesAndUnescapes() {
        #expect(XMLText.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;")
        #expect(XMLText.unescape("a&lt;b&gt;&amp;&#65;&#x42;") == "a<b>&AB")
        #expect(XMLText.unescape("a&bogus") == nil)
    }

    @Test func readsBlockLists() throws {
        let list = try #require(
            XMLText.blockList(
                "\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<BlockList>\n  <Latest>QQ==</Latest>"
                    + "<Uncommitted>Qg==</Uncommitted><Committed>Qw==</Committed></BlockList>\n"))
        #expect(list.map(\.list) == ["Latest", "Uncommitted", "Committed"])
        #expect(list.map(\.id) == ["QQ==", "Qg==", "Qw=="])
        #expect(XMLText.blockList("<BlockList><Other>x</Other></BlockList>") == nil)
        #expect(XMLText.blockList("<BlockList><Latest>x</Latest>") == nil)
        #expect(XMLText.blockList("<BlockList></BlockList>junk") == nil)
        #expect(XMLText.blockList("<BlockList></BlockList>")?.isEmpty == true)
    }
}
