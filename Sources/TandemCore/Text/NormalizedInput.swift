/// Typed or imported text as Tandem reads it: full-width forms (`３００`, `０．５`, `Ｅ１２`) become
/// their ASCII twins, the ideographic space a plain space, `、` a comma, and the ends are trimmed.
/// The one place where Chinese input conventions are folded, so that quantities, codes and
/// names typed with a Chinese input method read the same as ASCII ones.
public func normalizedInput(_ text: String) -> String {
    // Most input is plain: nothing to fold and nothing to trim.
    if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
       !isWhitespace(first), !isWhitespace(last),
       !text.unicodeScalars.contains(where: { $0.value >= 0x3000 && ($0.value <= 0x3001 || (0xFF01...0xFF5E).contains($0.value)) }) {
        return text
    }
    var scalars = String.UnicodeScalarView()
    var changed = false
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0xFF01...0xFF5E: // full-width ASCII block: ！ … ～
            scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            changed = true
        case 0x3000: // ideographic space
            scalars.append(" ")
            changed = true
        case 0x3001: // 、 enumeration comma
            scalars.append(",")
            changed = true
        default:
            scalars.append(scalar)
        }
    }
    return (changed ? String(scalars) : text).trimmingWhitespace()
}

/// Unicode's White_Space property, answered without the property tables for the scalars that
/// fill a spreadsheet (ASCII and CJK): the import asks it of both ends of every cell. The set
/// is Unicode's (PropList.txt, stable since Unicode 6.3), checked against
/// `Unicode.Scalar.Properties.isWhitespace` over every scalar by a test.
@inline(__always)
public func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}
