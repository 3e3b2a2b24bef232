/// Whole percentages as every surface shows them (console, command line, bulletin): rounded to
/// the nearest, half up, except that a share that is not complete never reads 100 % and a share
/// that is not nothing never reads 0 % (99.6 % is 99 %, 0.3 % is 1 %).
public enum Percent {
    /// `part` of `whole` in whole percent; nil when `whole` is 0.
    public static func of(_ part: Int64, _ whole: Int64) -> Int? {
        guard whole > 0 else { return nil }
        let clampedPart = min(max(0, part), whole)
        let rounded = Int((clampedPart * 200 + whole) / (2 * whole))
        if clampedPart == whole { return 100 }
        if clampedPart == 0 { return 0 }
        return min(99, max(1, rounded))
    }

    public static func of(_ part: Int, _ whole: Int) -> Int? { of(Int64(part), Int64(whole)) }

    /// The delivered share of a quantity asked for, 0…100 (more than asked reads 100).
    public static func delivered(_ delivered: Quantity, of asked: Quantity) -> Int {
        of(delivered.thousandths, asked.thousandths) ?? 0
    }
}
