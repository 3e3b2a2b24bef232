import ArgumentParser
import Foundation
import TandemCore

/// `tandem suggest`: the engine's optimal one-to-one proposals, explained.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Propose the optimal pairing of free branches with enterprises needing help, explained. / 结对建议"
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only enterprises of this district.") var district: String?
    @Option(help: "Only enterprises of this supervision group.") var group: String?
    @Flag(help: "Also reconsider the active pairings in scope.") var replan = false
    @Option(help: "table or json.") var format: Format = .table
    @Flag(help: "Write the proposed pairings (dispatchers and admins), in one transaction.") var apply = false
    @Option(help: "Show at most this many proposals and unpaired enterprises in the table (0: all).") var limit: Int = 0
    @Flag(help: .hidden) var timing = false
    /// For measuring the pruned graph against the complete one on the same city.
    @Option(help: .hidden) var completeGraphLimit: Int = PairingPlanner.completeGraphLimit

    func run() throws {
        let context = try global.openContext()
        if apply {
            try Permissions.require(context.actor, .pair) { _ in nil }
        }
        let scope = try context.scope.planningScope(district: try district.map { try context.district($0) },
                                                    group: try group.map { try context.group($0).number }, replan: replan)
        let started = DispatchTime.now()
        let snapshot = try context.repository.snapshot()
        let loaded = DispatchTime.now()
        let plan = PairingPlanner.plan(snapshot: snapshot, geography: context.geography, catalog: context.catalog,
                                       weights: context.weights, today: context.today, scope: scope,
                                       completeGraphLimit: completeGraphLimit)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        if timing {
            let load = Double(loaded.uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            Printer.error("suggest_load_seconds \(load)\nsuggest_graph_seconds \(plan.graphSeconds)\n"
                          + "suggest_solve_seconds \(plan.solveSeconds)\nsuggest_total_seconds \(seconds)")
        }
        let lang = context.lang
        switch format {
        case .json: print(plan.prettyJSON())
        case .table: print(table(plan, snapshot: snapshot, context: context, seconds: seconds))
        }
        guard apply else { return }
        // Applying: new pairs only; with --replan, pairings that change are ended first.
        let application = PlanApplication(plan: plan, replan: replan, snapshot: snapshot)
        let written = try application.apply(to: context.repository, reason: PlanApplication.replanReason.text(lang), by: context.actor)
        let ending = application.ending
        Printer.error(lang == .zh ? "已写入 \(written.count) 个结对" + (ending.isEmpty ? "" : "，解除 \(ending.count) 个旧结对")
                      : "applied \(written.count) pairings" + (ending.isEmpty ? "" : ", ended \(ending.count) old ones"))
    }

    private func table(_ plan: PairingPlan, snapshot: CitySnapshot, context: AppContext, seconds: Double) -> String {
        let lang = context.lang
        func short(_ districtCode: String?) -> String {
            districtCode.flatMap { context.geography.district(code: $0)?.shortName(lang) } ?? ""
        }
        let shown = limit > 0 ? Array(plan.proposals.prefix(limit)) : plan.proposals
        let proposals = Tabular(
            headers: [Bilingual(zh: "单位", en: "enterprise"), Bilingual(zh: "区县", en: "district"), Bilingual(zh: "突击队", en: "branch"),
                      Bilingual(zh: "距离", en: "km"), Bilingual(zh: "能力缺口", en: "gaps"), Bilingual(zh: "紧急度", en: "urgency"),
                      Bilingual(zh: "代价", en: "cost")],
            rows: shown.map { p in
                let e = snapshot.enterprise(p.enterprise), b = snapshot.branch(p.branch)
                let x = p.explanation
                return ["\(p.enterprise) \(e?.name ?? "")", short(e?.districtCode), "\(p.branch) \(b?.name ?? "")",
                        String(format: "%.1f", x.distanceKm) + (x.sameDistrict ? "*" : ""),
                        x.gaps.isEmpty ? "—" : x.gaps.map { $0.text(lang) }.joined(separator: "; "),
                        String(x.urgency), String(x.cost)]
            },
            numericColumns: [3, 5, 6])
        var text = proposals.table(lang)
        if !plan.unpaired.isEmpty {
            let unpairedShown = limit > 0 ? Array(plan.unpaired.prefix(limit)) : plan.unpaired
            let unpaired = Tabular(
                headers: [Bilingual(zh: "未结对单位", en: "left unpaired"), Bilingual(zh: "区县", en: "district"),
                          Bilingual(zh: "紧急度", en: "urgency"), Bilingual(zh: "原因", en: "reason")],
                rows: unpairedShown.map { u in
                    let e = snapshot.enterprise(u.enterprise)
                    return ["\(u.enterprise) \(e?.name ?? "")", short(e?.districtCode), String(u.urgency), u.text(lang)]
                },
                numericColumns: [2])
            text += "\n\n" + unpaired.table(lang)
        }
        let summary = lang == .zh
            ? "建议 \(plan.proposals.count) 个结对（总代价 \(plan.totalCost)），\(plan.unpaired.count) 个单位暂无突击队；保留现有结对 \(plan.keptPairings) 个；空闲突击队 \(plan.freeBranches) 支；候选图：\(plan.candidateGraph == "complete" ? "完全" : plan.candidateGraph)，\(plan.candidateEdges) 条边；用时 \(String(format: "%.3f", seconds)) 秒。* 表示同区县"
            : "\(plan.proposals.count) pairings proposed (total cost \(plan.totalCost)), \(plan.unpaired.count) enterprises left without a branch; \(plan.keptPairings) active pairings kept; \(plan.freeBranches) free branches; candidate graph: \(plan.candidateGraph), \(plan.candidateEdges) edges; \(String(format: "%.3f", seconds)) s. * same district"
        return text + "\n\n" + summary
    }
}
