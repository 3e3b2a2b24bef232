/// The rows of every exported table, as raw values in `ExchangeTable.fields` order.
public enum ExportRows {
    public static func enterprises(_ snapshot: CitySnapshot) -> [[TableCell]] {
        snapshot.enterprises.map { e in ExchangeTable.enterprises.fields.map { ExchangeRows.enterprise(e, field: $0) } }
    }

    public static func branches(_ snapshot: CitySnapshot) -> [[TableCell]] {
        snapshot.branches.map { b in ExchangeTable.branches.fields.map { ExchangeRows.branch(b, field: $0) } }
    }

    public static func requests(_ snapshot: CitySnapshot) -> [[TableCell]] {
        snapshot.requests.map { r in ExchangeTable.requests.fields.map { ExchangeRows.request(r, field: $0, snapshot: snapshot) } }
    }

    public static func operators(_ operators: [Operator]) -> [[TableCell]] {
        operators.map { o in ExchangeTable.operators.fields.map { ExchangeRows.operator(o, field: $0) } }
    }

    /// Every pairing, active and ended.
    public static func pairings(_ pairings: [Pairing], snapshot: CitySnapshot) -> [[TableCell]] {
        pairings.map { p in
            let enterprise = snapshot.enterprise(p.enterpriseCode)
            return [.text(p.branchCode.description), .optionalText(snapshot.branch(p.branchCode)?.name),
                    .text(p.enterpriseCode.description), .optionalText(enterprise?.name), .optionalText(enterprise?.districtCode),
                    .text(p.startedAt.description), .text(p.startedBy), .optionalText(p.endedAt?.description), .optionalText(p.endedBy),
                    .optionalText(p.endReason)]
        }
    }

    public static func deliveries(_ deliveries: [Delivery], snapshot: CitySnapshot) -> [[TableCell]] {
        var requestByNumber: [Int: Request] = [:]
        for request in snapshot.requests { requestByNumber[request.code.number] = request }
        return deliveries.map { d in
            let request = requestByNumber[d.requestCode.number]
            return [.text(d.requestCode.description), .optionalText(request?.enterpriseCode.description),
                    .optionalText(request?.category), .optionalText(request?.item), .number(d.quantity),
                    .optionalText(request?.unit), .text(d.at.description), .text(d.operatorLogin), .optionalText(d.note),
                    .number(d.overDelivery ? 1 : 0)]
        }
    }

    /// One row per supervision group, per district and for the whole city, with the figures of
    /// `tandem coverage`.
    public static func coverage(_ report: CoverageReport, lang: Lang) -> [[TableCell]] {
        func row(_ scope: String, _ code: String, _ name: String, _ group: Int?, _ f: CoverageFigures) -> [TableCell] {
            [.text(scope), .text(code), .text(name), group.map { .number($0) } ?? .empty, .number(f.enterprises),
             .number(f.pairedEnterprises), .number(f.needingHelp), .number(f.covered),
             f.coveragePercent.map { .number($0) } ?? .empty, .number(f.blindSpots.count), .number(f.activeRequests),
             .number(f.overdue), .number(f.doneLast7Days)]
        }
        return report.groups.map { row("group", "G\($0.group.number)", $0.group.name.text(lang), $0.group.number, $0.figures) }
            + report.districts.map { row("district", $0.district.code, $0.district.name.text(lang), $0.district.group, $0.figures) }
            + [row("city", "city", lang == .zh ? "全市" : "whole city", nil, report.city)]
    }
}
