import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TandemCore

/// The text encodings a CSV file from a Chinese office arrives in.
public enum TextEncodingFound: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 BOM"
    case utf16 = "UTF-16"
    /// GB18030, a superset of GBK and GB2312: what Excel and WPS write as "CSV" on Chinese Windows.
    case gb18030 = "GB18030"
}

/// Decodes a text file: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode
/// text"), and otherwise GB18030 through the C library's iconv. Valid UTF-8 is taken as UTF-8:
/// Chinese text in GB18030 is almost never valid UTF-8, so the test is reliable in practice.
public enum TextDecoding {
    public static func decode(_ data: Data) -> (text: String, encoding: TextEncodingFound)? {
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return String(data: data.dropFirst(3), encoding: .utf8).map { ($0, .utf8WithBOM) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return String(data: data, encoding: .utf16).map { ($0, .utf16) }
        }
        if let text = String(validatingUTF8: data) { return (text, .utf8) }
        return gb18030(data).map { ($0, .gb18030) }
    }

    /// GB18030 bytes as text, or nil when they are not valid GB18030.
    public static func gb18030(_ data: Data) -> String? {
        convert(data, from: "GB18030", to: "UTF-8").flatMap { String(validatingUTF8: $0) }
    }

    /// Text as GB18030 bytes (used by tests and by nobody else: Tandem writes UTF-8).
    public static func gb18030Bytes(_ text: String) -> Data? {
        convert(Data(text.utf8), from: "UTF-8", to: "GB18030")
    }

    static func convert(_ data: Data, from source: String, to target: String) -> Data? {
        let converter = iconv_open(target, source)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        // iconv takes mutable pointers; the copies are made once, in bulk.
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: data.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let converted: Int = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        guard converted != -1, inLeft == 0 else { return nil }
        output.removeLast(outLeft)
        return Data(output)
    }
}

extension String {
    /// The text of `data` when it is valid UTF-8, else nil (Foundation would repair it).
    init?(validatingUTF8 data: Data) {
        // Stops at the first invalid byte: a GB18030 file is told apart without decoding it all.
        guard let text = String(validating: data, as: UTF8.self) else { return nil }
        self = text
    }
}
