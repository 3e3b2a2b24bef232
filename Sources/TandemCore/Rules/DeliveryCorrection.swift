/// Correcting a mistaken delivery: the delivery is taken back by a reversing entry and, unless
/// the right quantity is 0, the right quantity is recorded as a new delivery. Nothing is
/// deleted or changed in place, so the history shows the mistake and its correction.
public struct DeliveryCorrection: Sendable, Hashable {
    /// The request after the reversing entry.
    public var reversed: Request
    /// The request after the replacement delivery; nil when the right quantity is 0.
    public var corrected: Request?

    /// The request as it ends up.
    public var result: Request { corrected ?? reversed }
}

extension RequestRules {
    /// Checks and works out a correction of `delivery` (of `request`) to `quantity`.
    /// - `alreadyReversed`: a reversing entry for this delivery exists (it was corrected before:
    ///   correct its replacement instead).
    /// - Refused: a reversing entry itself, the same quantity, and a total above the requested
    ///   quantity unless `allowOver` (as for a delivery).
    /// - Status: an active request goes by what is delivered after the correction (open at 0,
    ///   done at the full quantity). A request that the wrong delivery had completed (done with
    ///   all delivered) becomes active again when the correction leaves some undelivered; one
    ///   closed by hand (done with some undelivered, or cancelled) stays closed.
    public static func correct(_ request: Request, delivery: Delivery, alreadyReversed: Bool, to quantity: Quantity,
                               allowOver: Bool, on today: Day) throws -> DeliveryCorrection {
        func refuse(_ zh: String, _ en: String) -> TandemError {
            .cannotCorrect(request: request.code, delivery: delivery.id, reason: Bilingual(zh: zh, en: en))
        }
        guard delivery.requestCode == request.code else {
            throw refuse("它不是 \(request.code) 的送达", "it is not a delivery of \(request.code)")
        }
        if let original = delivery.reverses {
            throw refuse("它是对 #\(original) 的冲销，不能再更正", "it is the reversing entry of #\(original) and cannot be corrected")
        }
        if alreadyReversed { throw refuse("它已被更正过；请更正其替代记录", "it was already corrected; correct its replacement instead") }
        guard quantity != delivery.quantity else {
            throw refuse("数量相同（\(quantity)），无需更正", "the quantity is the same (\(quantity)); nothing to correct")
        }
        guard quantity <= Quantity.maximum else { throw TandemError.invalidQuantity(quantity.description) }

        let completedByDelivery = request.status == .done && request.delivered >= request.quantity
        var reversed = request
        reversed.delivered = request.delivered - delivery.quantity
        if request.status.isActive || (completedByDelivery && reversed.delivered < request.quantity) {
            reversed.status = reversed.delivered.isZero ? .open : .inProgress
            reversed.completed = nil
        }
        guard !quantity.isZero else { return DeliveryCorrection(reversed: reversed, corrected: nil) }

        if quantity > reversed.remaining && !allowOver {
            throw TandemError.overDelivery(request: request.code, remaining: reversed.remaining, unit: request.unit)
        }
        var corrected = reversed
        corrected.delivered = reversed.delivered + quantity
        if reversed.status.isActive {
            if corrected.delivered >= corrected.quantity {
                corrected.status = .done
                corrected.completed = request.status == .done ? request.completed : today
            } else {
                corrected.status = .inProgress
            }
        }
        return DeliveryCorrection(reversed: reversed, corrected: corrected)
    }

    /// Checks a typed corrected quantity: a number, 0 allowed (the delivery did not happen).
    public static func parseCorrectedQuantity(_ text: String) throws -> Quantity {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw TandemError.missingValue(field: RequestField.quantity.name) }
        guard let quantity = Quantity(parsing: trimmed) else { throw TandemError.invalidQuantity(trimmed) }
        return quantity
    }
}
