/// A whole city to load into an empty database in one transaction: records numbered in order
/// from 1 (so codes are known before they are stored), requests with the deliveries already
/// made against them, active pairings and operators. The demo city and tests build one.
public struct CitySeed: Sendable {
    public struct SeededRequest: Sendable {
        public var request: Request
        /// Deliveries already recorded against it (their sum is `request.delivered`).
        public var deliveries: [Quantity]

        public init(request: Request, deliveries: [Quantity]) {
            self.request = request
            self.deliveries = deliveries
        }
    }

    public var branches: [Branch]
    public var enterprises: [Enterprise]
    public var requests: [SeededRequest]
    public var pairings: [(branch: RecordCode, enterprise: RecordCode)]
    public var operators: [Operator]

    public init(branches: [Branch] = [], enterprises: [Enterprise] = [], requests: [SeededRequest] = [],
                pairings: [(branch: RecordCode, enterprise: RecordCode)] = [], operators: [Operator] = []) {
        self.branches = branches
        self.enterprises = enterprises
        self.requests = requests
        self.pairings = pairings
        self.operators = operators
    }
}
