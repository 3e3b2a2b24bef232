/// A malformed instance file: `line` is 1-based.
public struct InstanceFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// Reads the engine's raw instance format: a header line `rows cols edges`,
/// then exactly `edges` lines `i j cost` (0-based `i < rows`, `j < cols`,
/// `0 ≤ cost ≤ 10^9`, no pair twice). Fields are separated by spaces or tabs;
/// lines end with `\n` (a `\r` before it is accepted); blank lines are
/// accepted only after the last edge.
///
/// The hot loop scans integers straight from the byte buffer and only checks
/// that each line is well formed; the first bad line is then re-read slowly
/// to say precisely what is wrong with it.
public enum InstanceParser {
    public static func parse(_ bytes: [UInt8]) throws(InstanceFormatError) -> AssignmentProblem {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(InstanceFormatError) in try parse(UnsafeRawBufferPointer(buffer)) }
        }
        return try result.get()
    }

    public static func parse(_ text: String) throws(InstanceFormatError) -> AssignmentProblem {
        try parse(Array(text.utf8))
    }

    public static func parse(_ raw: UnsafeRawBufferPointer) throws(InstanceFormatError) -> AssignmentProblem {
        let bytes = raw.bindMemory(to: UInt8.self)
        let end = bytes.count
        var headerEnd = 0
        while headerEnd < end && bytes[headerEnd] != newline { headerEnd += 1 }
        let header = try parseHeader(Array(bytes[0..<headerEnd]))
        let (rows, cols, edges) = header
        var position = min(headerEnd + 1, end)

        // Each edge line takes at least 5 bytes ("0 0 0"), so a truncated file
        // cannot make us allocate more than its own size.
        let capacity = min(edges, (end - position) / 5 + 1)
        var edgeRow = [Int32](repeating: 0, count: capacity)
        var edgeCol = [Int32](repeating: 0, count: capacity)
        var edgeCost = [Int32](repeating: 0, count: capacity)

        var failedEdge = -1
        var failedLineStart = 0
        edgeRow.withUnsafeMutableBufferPointer { edgeRow in
        edgeCol.withUnsafeMutableBufferPointer { edgeCol in
        edgeCost.withUnsafeMutableBufferPointer { edgeCost in
            let p = bytes.baseAddress!
            let rowLimit = rows, colLimit = cols
            for e in 0..<edges {
                let lineStart = position
                var pos = position
                let i = scanField(p, &pos, end)
                let j = scanField(p, &pos, end)
                let c = scanField(p, &pos, end)
                while pos < end && (p[pos] == space || p[pos] == tab || p[pos] == carriageReturn) { pos += 1 }
                let lineEnds = pos == end || p[pos] == newline
                if i < 0 || j < 0 || c < 0 || i >= rowLimit || j >= colLimit
                    || c > AssignmentProblem.maximumCost || !lineEnds || e >= capacity {
                    failedEdge = e
                    failedLineStart = lineStart
                    return
                }
                edgeRow[e] = Int32(truncatingIfNeeded: i)
                edgeCol[e] = Int32(truncatingIfNeeded: j)
                edgeCost[e] = Int32(truncatingIfNeeded: c)
                position = pos < end ? pos + 1 : pos
            }
        }}}
        if failedEdge >= 0 {
            let line = failedEdge + 2
            if failedLineStart >= end {
                throw InstanceFormatError(
                    line: line, message: "expected \(edges) edges as declared in the header, found \(failedEdge)")
            }
            var lineEnd = failedLineStart
            while lineEnd < end && bytes[lineEnd] != newline { lineEnd += 1 }
            throw InstanceFormatError(
                line: line,
                message: diagnoseEdgeLine(Array(bytes[failedLineStart..<lineEnd]), rows: rows, cols: cols))
        }
        // Only blank lines may follow the last edge.
        var line = edges + 2
        while position < end {
            let byte = bytes[position]
            if byte == newline {
                line += 1
            } else if byte != space && byte != tab && byte != carriageReturn {
                throw InstanceFormatError(
                    line: line, message: "more edge lines than the \(edges) declared in the header")
            }
            position += 1
        }
        do {
            return try AssignmentProblem(
                validatedRows: rows, cols: cols, edgeRow: edgeRow, edgeCol: edgeCol, edgeCost: edgeCost)
        } catch {
            throw InstanceFormatError(line: (error.edgeIndex ?? -1) + 2, message: error.description)
        }
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Skips blanks, then reads a run of decimal digits. Returns -1 when there
    /// is no digit or the field does not end at a blank or line end, and a
    /// value above any limit (but no overflow) for an overlong number.
    /// Up to eight digits are read at once from a little-endian 64-bit word.
    @inline(__always)
    private static func scanField(_ p: UnsafePointer<UInt8>, _ pos: inout Int, _ end: Int) -> Int {
        while pos < end && (p[pos] == space || p[pos] == tab) { pos += 1 }
        if pos &+ 8 <= end {
            let word = UnsafeRawPointer(p + pos).loadUnaligned(as: UInt64.self)
            let digits = word &- 0x3030_3030_3030_3030
            let nonDigit = (digits | (digits &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080
            if nonDigit != 0 {
                let length = nonDigit.trailingZeroBitCount >> 3
                if length == 0 { return -1 }
                let next = p[pos &+ length]
                if next != space && next != tab && next != newline && next != carriageReturn { return -1 }
                pos &+= length
                return Int(eightDigits(digits << UInt64((8 &- length) &* 8)))
            }
        }
        let start = pos
        var value = 0
        while pos < end {
            let digit = Int(p[pos]) &- 48
            if digit < 0 || digit > 9 { break }
            value = value &* 10 &+ digit
            pos += 1
        }
        let length = pos - start
        if length == 0 { return -1 }
        if pos < end {
            let next = p[pos]
            if next != space && next != tab && next != newline && next != carriageReturn { return -1 }
        }
        return length > 18 ? Int.max : value
    }

    /// The value of eight digit bytes (already minus '0', first digit in the
    /// lowest byte; leading bytes of 0 stand for leading zeros).
    @inline(__always)
    private static func eightDigits(_ digits: UInt64) -> UInt64 {
        let pairs = (digits &* 10 &+ (digits >> 8)) & 0x00FF_00FF_00FF_00FF
        let quads = (pairs &* 100 &+ (pairs >> 16)) & 0x0000_FFFF_0000_FFFF
        return (quads &* 10000 &+ (quads >> 32)) & 0xFFFF_FFFF
    }

    private static func fields(_ line: [UInt8]) -> [String] {
        line.split(whereSeparator: { $0 == space || $0 == tab || $0 == carriageReturn })
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// A non-negative decimal integer, or nil; values beyond Int range clamp to Int.max.
    private static func naturalNumber(_ field: String) -> Int? {
        guard !field.isEmpty, field.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(field) ?? Int.max
    }

    /// The most rows or columns an instance may declare. Arrays of that length are allocated
    /// before the first edge is read, so a header alone must not claim gigabytes (fuzzing found
    /// `1000000000 1 1` taking 90 s); a province has about 300 000 enterprises.
    public static let maximumDimension = 10_000_000

    private static func parseHeader(_ line: [UInt8]) throws(InstanceFormatError) -> (Int, Int, Int) {
        let parts = fields(line)
        guard parts.count == 3 else {
            throw InstanceFormatError(line: 1, message: "expected header 'rows cols edges', found \(parts.count) fields")
        }
        var values: [Int] = []
        for (name, field) in zip(["rows", "cols", "edges"], parts) {
            guard let value = naturalNumber(field) else {
                throw InstanceFormatError(line: 1, message: "header \(name) '\(field)' is not a non-negative integer")
            }
            guard value < Int(Int32.max) else {
                throw InstanceFormatError(line: 1, message: "header \(name) \(field) is too large")
            }
            values.append(value)
        }
        let (rows, cols, edges) = (values[0], values[1], values[2])
        for (name, value) in [("rows", rows), ("cols", cols)] where value > maximumDimension {
            throw InstanceFormatError(line: 1, message: "header \(name) \(value) is too large (at most \(maximumDimension))")
        }
        guard edges <= rows * cols else {
            throw InstanceFormatError(
                line: 1, message: "header declares \(edges) edges, more than rows × cols = \(rows * cols)")
        }
        return (rows, cols, edges)
    }

    /// Says what is wrong with an edge line the fast scanner rejected.
    private static func diagnoseEdgeLine(_ line: [UInt8], rows: Int, cols: Int) -> String {
        let parts = fields(line)
        if parts.isEmpty { return "expected 'i j cost', found an empty line" }
        guard parts.count == 3 else { return "expected 3 fields 'i j cost', found \(parts.count)" }
        let names = ["row index", "column index", "cost"]
        var values: [Int] = []
        for (name, field) in zip(names, parts) {
            if field.hasPrefix("-"), naturalNumber(String(field.dropFirst())) != nil {
                return "negative \(name) \(field)"
            }
            guard let value = naturalNumber(field) else { return "\(name) '\(field)' is not a non-negative integer" }
            values.append(value)
        }
        if values[0] >= rows { return "row index \(parts[0]) out of range (must be < rows = \(rows))" }
        if values[1] >= cols { return "column index \(parts[1]) out of range (must be < cols = \(cols))" }
        if values[2] > AssignmentProblem.maximumCost {
            return "cost \(parts[2]) exceeds the maximum \(AssignmentProblem.maximumCost)"
        }
        return "malformed edge line"
    }
}
