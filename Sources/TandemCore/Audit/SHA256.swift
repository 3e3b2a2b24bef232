import CLibcrypto

/// SHA-256 (FIPS 180-4), for the audit's hash chain, computed by OpenSSL's libcrypto: it uses
/// the CPU's SHA instructions where there are some. A 100 000-row import hashes 100 000 events
/// of a few hundred bytes each; a SHA-256 written in Swift spent about a tenth of the writing
/// thread's time there (libssl-dev comes with libpq-dev, so the build needs no new package).
/// Tested against the FIPS 180-4 example vectors (`SHA256Tests`).
public struct SHA256 {
    /// A plain C struct: copying the hasher copies its state, as a Swift value should.
    private var context = SHA256_CTX()

    public init() {
        SHA256_Init(&context)
    }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        // Contiguous input (arrays, a String's UTF-8) is hashed in place, with no copy.
        if bytes.withContiguousStorageIfAvailable({ update(buffer: $0) }) == nil {
            Array(bytes).withUnsafeBufferPointer { update(buffer: $0) }
        }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(buffer: $0) }
    }

    public mutating func update(buffer input: UnsafeBufferPointer<UInt8>) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        SHA256_Update(&context, base, input.count)
    }

    /// The digest; the hasher is spent afterwards.
    public mutating func finish() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Int(SHA256_DIGEST_LENGTH)) { digest, count in
            SHA256_Final(digest.baseAddress!, &context)
            count = Int(SHA256_DIGEST_LENGTH)
        }
    }

    /// The lowercase hex digest of `text`'s UTF-8 bytes.
    public static func hex(_ text: String) -> String {
        var hasher = SHA256()
        hasher.update(text)
        return hex(hasher.finish())
    }

    public static func hex(_ digest: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: digest.count * 2) { out in
            for (index, byte) in digest.enumerated() {
                out[2 * index] = hexDigit(byte >> 4)
                out[2 * index + 1] = hexDigit(byte & 0x0f)
            }
            return digest.count * 2
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
}
