/// Values looked up by record code, stored by the code's number. Codes are small dense numbers
/// (the store numbers records 1, 2, 3…), so an array beats a hash table several times over on
/// cities of tens of thousands of records.
public struct CodeTable<Value: Sendable>: Sendable {
    public let kind: RecordKind
    private var slots: [Value?]

    public init(kind: RecordKind, capacity: Int = 0) {
        self.kind = kind
        slots = [Value?](repeating: nil, count: capacity + 1)
    }

    public subscript(code: RecordCode) -> Value? {
        get {
            guard code.kind == kind, code.number >= 0, code.number < slots.count else { return nil }
            return slots[code.number]
        }
        set {
            guard code.kind == kind, code.number >= 0 else { return }
            if code.number >= slots.count {
                slots.append(contentsOf: repeatElement(nil, count: code.number - slots.count + 1))
            }
            slots[code.number] = newValue
        }
    }

    public func contains(_ code: RecordCode) -> Bool { self[code] != nil }
}
