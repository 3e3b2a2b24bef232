import GRDB

extension Schema {
    /// Version 5: the open and in-progress requests indexed in urgency order (priority, then due
    /// day, then number), so that a start screen reads its most urgent requests without reading
    /// the city (`SQLiteRepository.firstScreen`).
    static func migrateToV5(_ db: Database) throws {
        try db.execute(sql: urgencyIndexSQL)
    }

    static let urgencyIndexSQL = """
        CREATE INDEX request_active_by_urgency ON request(priority, due, number) WHERE \(activeRequestSQL);
        """

    /// The condition of an open or in-progress request, written exactly as the partial index's,
    /// which SQLite uses only for queries that repeat it.
    static let activeRequestSQL = "status IN ('open', 'in_progress')"
}
