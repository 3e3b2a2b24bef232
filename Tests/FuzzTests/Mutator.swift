/// Deterministic input mutations for the bounded fuzz runs: the same seed gives the same
/// inputs on every machine, so a failure names a seed that reproduces it.
struct Mutator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64: small, fast, and good enough to spread mutations.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }

    /// Bytes that change how a line, a number or a YAML node is read.
    static let interestingBytes: [UInt8] = Array("\n\r\t :-#{}[],&*!|>'\"%@`0912".utf8) + [0, 0x7F, 0x80, 0xC3, 0xFF]

    /// Tokens that reach limits and special cases of integer, line and YAML parsing.
    static let interestingTokens: [String] = [
        "-1", "0", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "99999999999999999999999", "1e309", "-0", "0x10", "1.5", ".nan", ".inf", "~", "null", "true", "''", "\"\"",
        "\u{0}", "\u{202E}", "\u{FEFF}", "é", "工", "😀", "&a x", "*a", "<<: *a", "!!binary", "!!float", "? ", "- ",
        ": ", "\n- ", "\n  ", "{", "}", "[", "]", "[[[[[[[[", "]]]]", "---\n", "...\n", "\t", "\r\n", "%YAML 1.2\n",
        String(repeating: "9", count: 400), String(repeating: "a", count: 5000),
    ]

    /// One to four random edits of `input`.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        for _ in 0...below(4) {
            switch below(9) {
            case 0 where !bytes.isEmpty:
                bytes[below(bytes.count)] ^= UInt8(1 << below(8))
            case 1 where !bytes.isEmpty:
                bytes[below(bytes.count)] = Self.interestingBytes[below(Self.interestingBytes.count)]
            case 2:
                bytes.insert(contentsOf: Array(Self.interestingTokens[below(Self.interestingTokens.count)].utf8),
                             at: below(bytes.count + 1))
            case 3 where !bytes.isEmpty:
                let start = below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + below(16)))
            case 4 where !bytes.isEmpty:
                let start = below(bytes.count)
                let slice = bytes[start..<min(bytes.count, start + 1 + below(64))]
                bytes.insert(contentsOf: slice, at: below(bytes.count + 1))
            case 5 where !bytes.isEmpty:
                bytes.removeSubrange(below(bytes.count)...)
            case 6:
                var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                if lines.count > 1 { lines.swapAt(below(lines.count), below(lines.count)) }
                bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
            case 7 where !bytes.isEmpty:
                // Replace a digit run with a token: numbers are where parsers overflow.
                if let start = bytes.indices.dropFirst(below(bytes.count)).first(where: { (48...57).contains(bytes[$0]) }) {
                    var end = start
                    while end < bytes.count && (48...57).contains(bytes[end]) { end += 1 }
                    bytes.replaceSubrange(start..<end, with: Array(Self.interestingTokens[below(12)].utf8))
                }
            default:
                let line = Array(Self.interestingTokens[below(Self.interestingTokens.count)].utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\n")] + line)
            }
        }
        return bytes
    }
}
