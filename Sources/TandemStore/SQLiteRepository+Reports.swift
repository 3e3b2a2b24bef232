import GRDB
import TandemCore

extension SQLiteRepository {
    public func allDeliveries() throws -> [Delivery] {
        try read { db in
            try db.fetchRaw("SELECT \(RowDecoding.deliveryColumns) FROM delivery ORDER BY id", RowDecoding.delivery)
        }
    }

    /// The audit table is a plain append-only list: no event carries its predecessor's hash yet,
    /// so there is no head to report (and none is made up).
    public func auditChainHead() throws -> AuditChainHead? { nil }
}
