import TandemCore

/// A work bulletin worded in one language, before it is laid out as text, markdown or HTML.
/// Every piece of data text in it has already been escaped for the target format.
public struct BulletinDocument: Sendable {
    public enum Block: Sendable, Hashable {
        case paragraph(String)
        case list([String])
    }

    public struct Section: Sendable, Hashable {
        public var heading: String
        public var blocks: [Block]
    }

    public var lang: Lang
    /// "渝残简〔2026〕5号"; empty when the config has no prefix.
    public var documentNumber: String
    public var title: String
    /// "（第5期）" / "(No. 5)".
    public var issueLine: String
    public var issuers: [String]
    public var dateLine: String
    public var sections: [Section]
    /// "报送：…。", "抄送：…。"
    public var distribution: [String]
    /// "重庆市残疾人联合会办公室　2026年11月30日印发"
    public var printedLine: String
    /// The audit chain head, when the audit is hash-chained; nil otherwise.
    public var chainLine: String?

    /// - Parameters:
    ///   - issue: the issue number (第N期).
    ///   - escape: makes data text safe for the output format (HTML escaping, markdown escaping…).
    public init(bulletin b: Bulletin, settings: BulletinSettings, issue: Int, chainHead: AuditChainHead?,
                geography: Geography, catalog: Catalog, lang: Lang, escape: @escaping (String) -> String) {
        let w = Wording(lang: lang, catalog: catalog, geography: geography, escape: escape)
        let zh = w.zh
        self.lang = lang
        let prefix = settings.documentPrefix.text(lang)
        documentNumber = prefix.isEmpty ? "" : zh ? "\(w.escape(prefix))〔\(b.period.last.year)〕\(issue)号"
            : "\(w.escape(prefix)) \(b.period.last.year) No. \(issue)"
        title = w.text(settings.title)
        issueLine = zh ? "（第\(issue)期）" : "(No. \(issue))"
        issuers = settings.issuers.map(w.text)
        dateLine = w.longDay(b.period.last)
        sections = [
            Self.overview(b, w),
            Self.requests(b, w),
            Self.resumption(b, w),
            Self.blindSpots(b, w, listed: settings.overdueListed),
            Self.notable(b, w),
        ]
        distribution = []
        if !settings.reportTo.isEmpty {
            distribution.append((zh ? "报送：" : "Reported to: ") + settings.reportTo.map(w.text).joined(separator: zh ? "，" : "; ") + (zh ? "。" : "."))
        }
        if !settings.copyTo.isEmpty {
            distribution.append((zh ? "抄送：" : "Copied to: ") + settings.copyTo.map(w.text).joined(separator: zh ? "，" : "; ") + (zh ? "。" : "."))
        }
        printedLine = zh ? "\(w.text(settings.printedBy))　\(w.longDay(b.asOf))印发"
            : "Printed by \(w.text(settings.printedBy)), \(w.longDay(b.asOf))"
        chainLine = chainHead.map { head in
            zh ? "审计链截至第\(head.events)条事件，链头哈希：\(w.escape(head.hash))"
                : "Audit chain head after \(head.events) events: \(w.escape(head.hash))"
        }
    }

    // MARK: - Sections

    static func overview(_ b: Bulletin, _ w: Wording) -> Section {
        let city = b.coverage.city
        var blocks: [Block] = []
        let newPairs = b.newPairings == 0 ? "" : w.zh ? "，其中本期新结对\(b.newPairings)对" : ", \(b.newPairings) of them new in this period"
        if w.zh {
            let needs = city.needingHelp == 0 ? "目前均无待办需求" :
                "其中有待办需求的\(city.needingHelp)家，已有党员突击队结对帮扶\(city.covered)家，覆盖率\(w.percent(city.coveragePercent))"
            blocks.append(.paragraph("截至\(w.shortDay(b.asOf))，全市登记帮扶单位\(city.enterprises)家，\(needs)；在岗党员突击队\(b.activeBranches)支，已结对\(b.pairedBranches)支\(newPairs)。"))
        } else {
            let needs = city.needingHelp == 0 ? "none of which has an open request" :
                "\(city.needingHelp) with open requests, of which \(city.covered) are paired with a Party task force: coverage \(w.percent(city.coveragePercent))"
            blocks.append(.paragraph("As of \(w.shortDay(b.asOf)), the city has \(w.count(city.enterprises, zh: "家", en: "registered enterprise")), \(needs). Of \(b.activeBranches) active task forces, \(b.pairedBranches) are paired\(newPairs)."))
        }
        if let cityShare = city.coverage {
            let behind = b.coverage.groups.filter { ($0.figures.coverage ?? 1) < cityShare }
                .sorted { ($0.figures.coverage ?? 1, $0.group.number) < ($1.figures.coverage ?? 1, $1.group.number) }
                .map { "\(w.text($0.group.name)) \(w.percent($0.figures.coveragePercent))" }
            if !behind.isEmpty {
                blocks.append(.paragraph(w.zh ? "覆盖率低于全市水平的督促指导小组：\(w.series(behind))。"
                                         : "Supervision groups below the city's coverage: \(w.series(behind))."))
            } else {
                blocks.append(.paragraph(w.zh ? "各督促指导小组覆盖率均不低于全市水平。" : "No supervision group is below the city's coverage."))
            }
        }
        return Section(heading: w.zh ? "【总体情况】" : "[Overview]", blocks: blocks)
    }

    static func requests(_ b: Bulletin, _ w: Wording) -> Section {
        let city = b.coverage.city
        let period = w.period(b.period)
        var blocks: [Block] = [.paragraph(w.zh
            ? "本期（\(period)）新提出需求\(b.filedRequests)条，记录送达\(b.deliveries)批次，办结需求\(b.completedRequests)条；目前尚有\(city.activeRequests)条需求在办，其中逾期\(city.overdue)条。"
            : "In this period (\(period)) \(w.count(b.filedRequests, zh: "", en: "request was", plural: "requests were")) filed, \(w.count(b.deliveries, zh: "", en: "delivery", plural: "deliveries")) recorded and \(w.count(b.completedRequests, zh: "", en: "request", plural: "requests")) completed; \(city.activeRequests) requests are still open, \(city.overdue) of them overdue.")]
        let lines = b.items.filter { !$0.isEmpty }.map { f -> String in
            let name = w.itemName(f.item, category: f.category)
            var parts: [String] = []
            if w.zh {
                parts.append("新增\(w.amount(f.filedQuantity, f.unit))")
                parts.append("送达\(w.amount(f.deliveredQuantity, f.unit))")
                if f.completedRequests > 0 { parts.append("办结\(f.completedRequests)条") }
                parts.append(f.openRequests == 0 ? "已无待送" : "尚待送达\(w.amount(f.openQuantity, f.unit))（在办\(f.openRequests)条）")
                return "\(name)：" + parts.joined(separator: "，")
            }
            parts.append("\(w.amount(f.filedQuantity, f.unit)) requested")
            parts.append("\(w.amount(f.deliveredQuantity, f.unit)) delivered")
            if f.completedRequests > 0 { parts.append("\(w.count(f.completedRequests, zh: "", en: "request")) completed") }
            parts.append(f.openRequests == 0 ? "nothing left to deliver"
                         : "\(w.amount(f.openQuantity, f.unit)) still to deliver (\(w.count(f.openRequests, zh: "", en: "open request")))")
            return "\(name): " + parts.joined(separator: ", ")
        }
        if !lines.isEmpty {
            blocks.append(.paragraph(w.zh ? "分项情况如下：" : "By item:"))
            blocks.append(.list(lines))
        }
        return Section(heading: w.zh ? "【需求办理】" : "[Requests]", blocks: blocks)
    }

    static func resumption(_ b: Bulletin, _ w: Wording) -> Section {
        let r = b.resumption
        var blocks: [Block] = []
        if w.zh {
            blocks.append(.paragraph("全市\(r.enterprises)家帮扶单位中，已全面复工\(r.resumed)家，部分复工\(r.partial)家，尚未复工\(r.closed)家，复工率\(w.percent(r.ratePercent))，平均产能恢复至\(w.percent(r.averageCapacityPercent))。"))
        } else {
            blocks.append(.paragraph("Of \(w.count(r.enterprises, zh: "", en: "enterprise")), \(r.resumed) have fully resumed work, \(r.partial) partly and \(r.closed) not yet: a resumption rate of \(w.percent(r.ratePercent)), with capacity back to \(w.percent(r.averageCapacityPercent)) on average."))
        }
        let kinds = r.byKind.map { k in
            w.zh ? "\(w.text(k.kind.name))\(k.enterprises)家，复工率\(w.percent(k.ratePercent))"
                : "\(w.text(k.kind.name)) \(w.percent(k.ratePercent)) of \(k.enterprises)"
        }
        if kinds.count > 1 {
            blocks.append(.paragraph(w.zh ? "分类型看：\(kinds.joined(separator: "；"))。" : "By kind: \(kinds.joined(separator: "; "))."))
        }
        return Section(heading: w.zh ? "【复工复产】" : "[Resumption of work]", blocks: blocks)
    }

    static func blindSpots(_ b: Bulletin, _ w: Wording, listed: Int) -> Section {
        let city = b.coverage.city
        var blocks: [Block] = []
        let districts = b.blindSpotDistricts
        if districts.isEmpty {
            blocks.append(.paragraph(w.zh ? "各区县有需求的单位均已有党员突击队结对，无盲区区县。"
                                     : "Every district with needs has at least one enterprise paired with a task force: no blind-spot district."))
        } else {
            let names = districts.map { d in
                w.zh ? "\(w.district(d.district.code))（\(d.figures.needingHelp)家待帮扶）"
                    : "\(w.district(d.district.code)) (\(w.count(d.figures.needingHelp, zh: "", en: "enterprise")) in need)"
            }
            blocks.append(.paragraph(w.zh ? "\(districts.count)个区县有需求但尚无党员突击队结对：\(w.series(names))，请相关督促指导小组抓紧协调。"
                                     : "\(w.count(districts.count, zh: "", en: "district")) with needs and no task force working any of them: \(w.series(names)). The supervision groups concerned should arrange pairings."))
        }
        if !city.blindSpots.isEmpty {
            blocks.append(.paragraph(w.zh ? "全市尚有\(city.blindSpots.count)家有需求的单位未结对突击队。"
                                     : "\(w.count(city.blindSpots.count, zh: "", en: "enterprise")) with needs across the city still \(city.blindSpots.count == 1 ? "has" : "have") no task force."))
        }
        if b.overdue.isEmpty {
            blocks.append(.paragraph(w.zh ? "无逾期未办结的需求。" : "No request is overdue."))
        } else {
            let shown = b.overdue.prefix(max(0, listed))
            let more = shown.count < b.overdue.count
            blocks.append(.paragraph(w.zh
                ? "逾期未办结需求\(b.overdue.count)条\(shown.isEmpty ? "。" : more ? "，逾期最久的\(shown.count)条：" : "：")"
                : "\(w.count(b.overdue.count, zh: "", en: "request is", plural: "requests are")) overdue\(shown.isEmpty ? "." : more ? "; the \(shown.count) most overdue:" : ":")"))
            if !shown.isEmpty {
                blocks.append(.list(shown.map { o in
                    let what = "\(w.itemName(o.item, category: o.category))"
                    if w.zh {
                        let branch = o.branch.map { "结对突击队\($0)" } ?? "尚无结对突击队"
                        return "\(o.request) \(w.data(o.enterpriseName))（\(w.district(o.districtCode))）\(what)尚差\(w.amount(o.remaining, o.unit))，应于\(w.shortDay(o.due))前送达，已逾期\(o.daysOverdue)天，\(branch)"
                    }
                    let branch = o.branch.map { "paired with \($0)" } ?? "no task force yet"
                    return "\(o.request) \(w.data(o.enterpriseName)) (\(w.district(o.districtCode))): \(what), \(w.amount(o.remaining, o.unit)) still to deliver, due \(w.shortDay(o.due)), \(w.count(o.daysOverdue, zh: "", en: "day")) overdue, \(branch)"
                }))
            }
        }
        return Section(heading: w.zh ? "【盲区预警】" : "[Blind spots and overdue requests]", blocks: blocks)
    }

    static func notable(_ b: Bulletin, _ w: Wording) -> Section {
        guard !b.notable.isEmpty else {
            return Section(heading: w.zh ? "【典型事例】" : "[Notable completions]",
                           blocks: [.paragraph(w.zh ? "本期无办结的需求。" : "No request was completed in this period.")])
        }
        let lines = b.notable.map { n -> String in
            let what = w.itemName(n.item, category: n.category)
            if w.zh {
                let branch = n.branchName.map { "，由\(w.data($0))结对帮扶" } ?? ""
                return "\(w.data(n.enterpriseName))（\(w.district(n.districtCode))）：\(what)\(w.amount(n.quantity, n.unit))已全部送达，\(w.shortDay(n.completed))办结\(branch)。"
            }
            let branch = n.branchName.map { ", with the help of \(w.data($0))" } ?? ""
            return "\(w.data(n.enterpriseName)) (\(w.district(n.districtCode))): \(what), \(w.amount(n.quantity, n.unit)), all delivered and completed on \(w.shortDay(n.completed))\(branch)."
        }
        return Section(heading: w.zh ? "【典型事例】" : "[Notable completions]", blocks: [.list(lines)])
    }
}
