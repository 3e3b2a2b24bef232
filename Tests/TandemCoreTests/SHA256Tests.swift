import Testing
import TandemCore

/// The example vectors of FIPS 180-4 (NIST's "SHA-256 examples") and the padding edges.
@Suite struct SHA256Tests {
    @Test func theFIPSExamplesHash() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
            == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        var million = SHA256()
        for _ in 0..<1000 { million.update(String(repeating: "a", count: 1000)) }
        #expect(SHA256.hex(million.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func messagesAroundTheBlockEdgeHashAsWhole() {
        // 55, 56 and 64 bytes: the length fits, just fails to fit, and fills a block.
        #expect(SHA256.hex(String(repeating: "a", count: 55)) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        #expect(SHA256.hex(String(repeating: "a", count: 56)) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        #expect(SHA256.hex(String(repeating: "a", count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        var split = SHA256()
        split.update("ab")
        split.update("c")
        #expect(SHA256.hex(split.finish()) == SHA256.hex("abc"))
    }

    @Test func aCopiedHasherGoesOnOnItsOwn() {
        // A value: the copy holds the state as it was, and each goes on alone.
        var first = SHA256()
        first.update("ab")
        var second = first
        first.update("c")
        second.update("d")
        #expect(SHA256.hex(first.finish()) == SHA256.hex("abc"))
        #expect(SHA256.hex(second.finish()) == SHA256.hex("abd"))
    }
}
