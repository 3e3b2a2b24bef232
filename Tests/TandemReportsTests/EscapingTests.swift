import Testing
import TandemReports

@Suite struct EscapingTests {
    @Test func htmlEscapesMarkupQuotesAndDropsControls() {
        #expect(Escaping.html("<script>alert('x')</script> & \"q\"\u{1B}[31m")
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;[31m")
    }

    @Test func markdownBackslashesSyntax() {
        #expect(Escaping.markdown("*重庆* [链接](x) #1 | a_b, One-to-One") == "\\*重庆\\* \\[链接\\](x) \\#1 \\| a\\_b, One-to-One")
    }

    @Test func plainKeepsChineseAndDropsEscapes() {
        #expect(Escaping.plain("南川\u{1B}[2J九叶青") == "南川[2J九叶青")
    }
}
