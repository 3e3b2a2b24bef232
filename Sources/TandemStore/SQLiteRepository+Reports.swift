import GRDB
import TandemCore

extension SQLiteRepository {
    public func allDeliveries() throws -> [Delivery] {
        try read { db in
            try db.fetchRaw("SELECT \(RowDecoding.deliveryColumns) FROM delivery ORDER BY id", RowDecoding.delivery)
        }
    }
}
