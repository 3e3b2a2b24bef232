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
    /// Checks a draft against the catalog (and, when `today` is given, its due date) and returns
    /// it normalised to catalog codes. Throws every problem at once (`check` lists them per field).
    public static func validate(_ draft: RequestDraft, catalog: Catalog, today: Day? = nil) throws
        -> (category: RequestCategory, item: CatalogItem, unit: MeasureUnit, quantity: Quantity)
    {
        let check = check(RequestDraftText(draft), catalog: catalog, today: today)
        if let error = check.error { throw error }
        guard let category = check.category, let item = check.item, let unit = check.unit, let quantity = check.quantity else {
            throw TandemError.invalidQuantity(draft.quantity) // unreachable: a valid check has every part
        }
        return (category, item, unit, quantity)
    }

    public static func parsePositiveQuantity(_ text: String) throws -> Quantity {
        guard let quantity = Quantity(parsing: text), !quantity.isZero else {
            throw TandemError.invalidQuantity(text)
        }
        return quantity
    }

    /// Why `quantity` may not be delivered against `request`, or nil: the request must be open or
    /// in progress, and more than remains needs `allowOver` (a real over-delivery).
    public static func deliveryProblem(_ request: Request, quantity: Quantity, allowOver: Bool) -> TandemError? {
        guard request.status.isActive else { return .requestClosed(request.code, request.status) }
        guard !quantity.isZero else { return .invalidQuantity("0") }
        if quantity > request.remaining && !allowOver {
            return .overDelivery(request: request.code, remaining: request.remaining, unit: request.unit)
        }
        guard request.delivered + quantity <= Quantity.maximum else { return .invalidQuantity(quantity.description) }
        return nil
    }

    /// Checks a typed delivery quantity: a number above 0 that `deliveryProblem` accepts.
    /// The console form, the console's `:deliver` and `tandem request deliver` ask this.
    public static func checkDelivery(of request: Request, quantity text: String, allowOver: Bool) -> Result<Quantity, TandemError> {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return .failure(.missingValue(field: RequestField.quantity.name)) }
        let quantity: Quantity
        do { quantity = try parsePositiveQuantity(trimmed) } catch let error as TandemError { return .failure(error) } catch {
            return .failure(.invalidQuantity(trimmed))
        }
        if let problem = deliveryProblem(request, quantity: quantity, allowOver: allowOver) { return .failure(problem) }
        return .success(quantity)
    }

    /// Records a delivery. More than remains is refused unless `allowOver` says it is a
    /// real over-delivery. The first delivery moves an open request to in progress; reaching
    /// the requested quantity finishes it.
    public static func deliver(_ request: Request, quantity: Quantity, allowOver: Bool, on today: Day) throws -> Request {
        if let problem = deliveryProblem(request, quantity: quantity, allowOver: allowOver) { throw problem }
        var changed = request
        changed.delivered = request.delivered + quantity
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
