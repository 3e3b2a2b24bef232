/// Some operator must always be an admin: without one nobody can register operators or
/// change roles again, and the database is stuck. The last admin therefore cannot demote or
/// remove themself (nor be demoted or removed by anyone else).
public enum AdminSuccession {
    /// Why `before` may not become `after` (nil: the operator is removed), or nil when allowed.
    /// `adminCount` is the number of admins as the database holds them now, counted inside the
    /// same write transaction as the change so that two concurrent demotions cannot both pass.
    public static func denial(before: Operator, after: Operator?, adminCount: Int) -> Bilingual? {
        guard before.role == .admin, after?.role != .admin, adminCount <= 1 else { return nil }
        return Bilingual(zh: "\(before.login) 是最后一位管理员；请先让另一位操作员成为管理员",
                         en: "\(before.login) is the last admin; make another operator an admin first")
    }

    /// Throws `TandemError.notAllowed` when the change would leave no admin.
    public static func require(before: Operator, after: Operator?, adminCount: Int) throws {
        if let reason = denial(before: before, after: after, adminCount: adminCount) {
            let action = after == nil ? Bilingual(zh: "删除操作员 \(before.login)", en: "remove operator \(before.login)")
                : Bilingual(zh: "更改 \(before.login) 的角色", en: "change the role of \(before.login)")
            throw TandemError.notAllowed(action: action, reason: reason)
        }
    }
}
