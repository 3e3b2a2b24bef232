/// Rules for registering operators, whoever registers them (command line, store, demo).
public enum OperatorRules {
    /// An operator's login is an OS login name: not empty, no spaces. Returns it trimmed.
    public static func checkLogin(_ login: String) throws -> String {
        try TextRules.check(.login, login)
        let trimmed = login.trimmingWhitespace()
        guard !trimmed.isEmpty, !trimmed.contains(where: \.isWhitespace) else {
            throw TandemError.invalidValue(field: Bilingual(zh: "登录名", en: "login"), value: login,
                                           expected: Bilingual(zh: "不含空格的系统登录名", en: "an OS login name without spaces"))
        }
        return trimmed
    }

    /// A new or changed operator: a login as `checkLogin` wants it and a display name by `TextRules`.
    public static func check(_ op: Operator) throws {
        _ = try checkLogin(op.login)
        try TextRules.check(.name, op.displayName)
    }
}
