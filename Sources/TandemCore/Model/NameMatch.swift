/// The one way a typed word names a value: its code, its Chinese name or its English name,
/// ignoring case, surrounding spaces and the difference between a space, `-` and `_`
/// (`in_progress`, `in progress`, `blind-massage`). Catalog, districts, groups, priorities,
/// statuses and enterprise kinds all look up through it.
public enum NameMatch {
    /// The comparable form of a typed word or a name.
    public static func key(_ text: String) -> String {
        String(text.trimmingWhitespace().lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    /// The first value whose code or one of whose names is `text`.
    public static func first<Value>(in values: some Sequence<Value>, matching text: String,
                                    names: (Value) -> [String]) -> Value? {
        let wanted = key(text)
        guard !wanted.isEmpty else { return nil }
        return values.first { value in names(value).contains { key($0) == wanted } }
    }
}
