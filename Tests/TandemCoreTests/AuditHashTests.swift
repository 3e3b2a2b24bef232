import Testing
import TandemCore

/// The chain's content rule, shared by both stores. The expected hashes were computed apart
/// from Swift (Python's hashlib over the same content): changing the rule breaks every stored chain.
@Suite struct AuditHashTests {
    @Test func theRuleIsTheOneStoredChainsWereWrittenWith() {
        let fields = AuditHash.fields(time: "2026-11-30T14:53:12.345Z", operatorName: "root as wang", action: .deliver,
                                      subject: AuditSubject(enterprise: RecordCode(.enterprise, 12), request: RecordCode(.request, 7)),
                                      before: "{\"delivered\":0}", after: "{\"delivered\":120000}")
        #expect(fields == ["2026-11-30T14:53:12.345Z", "root as wang", "request.deliver", "12", nil, "7", nil,
                           "{\"delivered\":0}", "{\"delivered\":120000}"])
        let first = AuditHash.hash(id: 1, fields: fields, previousHash: AuditHash.genesis)
        #expect(first == "714f54d5935526a21bf4751d3e365573dabc1a9d54248a8391e97d78a51718a9")
        #expect(AuditHash.hash(id: 2, fields: fields, previousHash: first) == "cdfc1e9688984ebc77e075be54380e1d777eb68fefe15c394f65dcfa87ea8ed5")
        // A NULL and an empty text are different content.
        var empty = fields
        empty[4] = ""
        #expect(AuditHash.hash(id: 1, fields: empty, previousHash: AuditHash.genesis) != first)
    }
}
