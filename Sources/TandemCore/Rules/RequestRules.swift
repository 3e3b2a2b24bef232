/// A request as typed by a user, before it is checked against the catalog.
public struct RequestDraft: Sendable, Hashable {
    public var enterpriseCode: RecordCode
    public var category: String
    public var item: String
    public var quantity: String
    public var unit: String
    public var priority: Priority
    public var due: Day?
    public var notes: String

    public init(enterpriseCode: RecordCode, category: String, item: String, quantity: String, unit: String,
                priority: Priority = .normal, due: Day? = nil, notes: String = "") {
        self.enterpriseCode = enterpriseCode
        self.category = category
        self.item = item
        self.quantity = quantity
        self.unit = unit
        self.priority = priority
        self.due = due
        self.notes = notes
    }
}

/// The life of a request: filing, deliveries, done, cancel, reopen. Pure functions that
/// return the changed request or throw, so the store can apply them inside a transaction.
public enum RequestRules {
    /// Checks a draft against the catalog and returns it normalised to catalog codes.
    public static func validate(_ draft: RequestDraft, catalog: Catalog) throws
        -> (category: RequestCategory, item: CatalogItem, unit: MeasureUnit, quantity: Quantity)
    {
        guard let category = catalog.category(matching: draft.category) else {
            throw TandemError.unknownCategory(draft.category, choices: catalog.categories.map(\.code))
        }
        guard let item = catalog.item(matching: draft.item, in: category) else {
            throw TandemError.unknownItem(draft.item, category: category.code, choices: category.items.map(\.code))
        }
        guard let unit = catalog.unit(matching: draft.unit), item.units.contains(unit.code) else {
            throw TandemError.unknownUnit(draft.unit, item: item.code, choices: item.units)
        }
        let quantity = try parsePositiveQuantity(draft.quantity)
        return (category, item, unit, quantity)
    }

    public static func parsePositiveQuantity(_ text: String) throws -> Quantity {
        guard let quantity = Quantity(parsing: text), !quantity.isZero else {
            throw TandemError.invalidQuantity(text)
        }
        return quantity
    }

    /// Records a delivery. More than remains is refused unless `allowOver` says it is a
    /// real over-delivery. The first delivery moves an open request to in progress; reaching
    /// the requested quantity finishes it.
    public static func deliver(_ request: Request, quantity: Quantity, allowOver: Bool, on today: Day) throws -> Request {
        guard request.status.isActive else { throw TandemError.requestClosed(request.code, request.status) }
        guard !quantity.isZero else { throw TandemError.invalidQuantity("0") }
        if quantity > request.remaining && !allowOver {
            throw TandemError.overDelivery(request: request.code, remaining: request.remaining, unit: request.unit)
        }
        var changed = request
        changed.delivered = request.delivered + quantity
        guard changed.delivered <= Quantity.maximum else { throw TandemError.invalidQuantity(quantity.description) }
        changed.status = changed.delivered >= changed.quantity ? .done : .inProgress
        if changed.status == .done { changed.completed = today }
        return changed
    }

    /// Closes a request as done, whatever share of it was delivered.
    public static func markDone(_ request: Request, on today: Day) throws -> Request {
        guard request.status.isActive else { throw TandemError.requestClosed(request.code, request.status) }
        var changed = request
        changed.status = .done
        changed.completed = today
        return changed
    }

    public static func cancel(_ request: Request, reason: String) throws -> Request {
        guard !reason.trimmingWhitespace().isEmpty else { throw TandemError.reasonRequired }
        guard request.status.isActive else { throw TandemError.requestClosed(request.code, request.status) }
        var changed = request
        changed.status = .cancelled
        return changed
    }

    /// Reopens a done or cancelled request; it goes back to in progress if anything was delivered.
    public static func reopen(_ request: Request, reason: String) throws -> Request {
        guard !reason.trimmingWhitespace().isEmpty else { throw TandemError.reasonRequired }
        guard !request.status.isActive else { throw TandemError.requestNotClosed(request.code, request.status) }
        var changed = request
        changed.status = request.delivered.isZero ? .open : .inProgress
        changed.completed = nil
        return changed
    }
}

/// The one-to-one rule, checked before a pairing is written (the schema checks it again).
public enum PairingRules {
    public static func checkCanPair(branch: Branch, enterprise: Enterprise,
                                    branchPairing: Pairing?, enterprisePairing: Pairing?) throws {
        if let existing = branchPairing {
            throw TandemError.branchAlreadyPaired(branch: branch.code, enterprise: existing.enterpriseCode)
        }
        if let existing = enterprisePairing {
            throw TandemError.enterpriseAlreadyPaired(enterprise: enterprise.code, branch: existing.branchCode)
        }
        guard branch.active else { throw TandemError.branchInactive(branch.code) }
    }
}
