import GRDB

extension Schema {
    /// Version 4: a delivery may be a reversing entry (`reverses` names the delivery it takes
    /// back; its quantity then counts negative), so a mistaken delivery is corrected without
    /// deleting or changing it. A delivery is reversed at most once.
    static func migrateToV4(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE delivery ADD COLUMN reverses INTEGER REFERENCES delivery(id);
            CREATE UNIQUE INDEX delivery_reversed_once ON delivery(reverses) WHERE reverses IS NOT NULL;
            """)
    }

    /// A delivery's quantity as it counts towards the request's total.
    static let signedDeliveryQuantitySQL = "CASE WHEN reverses IS NULL THEN quantity ELSE -quantity END"
}
