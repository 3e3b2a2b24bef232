import TandemCore

/// Asking for a pairing, from the Pairing screen's `p` or the `:pair` line: the same question
/// either way. A pair beyond the engine's reach or with headcount, vehicle or capability gaps
/// (judged by `PairingPlanner.assess`, the engine's own rule) is confirmed first.
extension PairingState {
    /// The engine's judgement of a pair, or nil when either record is not in the snapshot.
    static func assessment(_ pair: ProposedPair, _ s: ScreenContext) -> PairAssessment? {
        guard let snapshot = s.snapshot, let branch = snapshot.branch(pair.branch), let enterprise = snapshot.enterprise(pair.enterprise) else {
            return nil
        }
        return PairingPlanner.assess(branch: branch, enterprise: enterprise, snapshot: snapshot, geography: s.context.geography,
                                     catalog: s.context.catalog, weights: s.context.weights, today: s.data?.today ?? Day.local())
    }

    /// Pairs at once when the engine sees nothing to question, else opens the confirmation.
    static func request(_ pair: ProposedPair, via origin: CommandOrigin, _ s: ScreenContext) -> ScreenOutcome {
        // A pair the one-to-one rule refuses is refused at once; there is nothing to confirm.
        if let snapshot = s.snapshot, let branch = snapshot.branch(pair.branch), let enterprise = snapshot.enterprise(pair.enterprise) {
            do {
                try PairingRules.checkCanPair(branch: branch, enterprise: enterprise, branchPairing: snapshot.pairingByBranch[pair.branch],
                                              enterprisePairing: snapshot.pairingByEnterprise[pair.enterprise])
            } catch let error as TandemError {
                return .error(error.bilingual(wording: origin.wording))
            } catch {}
        }
        guard let assessment = assessment(pair, s), assessment.needsConfirmation else {
            return .effects([.mutate(.pair(branch: pair.branch, enterprise: pair.enterprise), via: origin)])
        }
        return .form(confirmForm(pair, assessment, origin: origin, s))
    }

    static func confirmForm(_ pair: ProposedPair, _ assessment: PairAssessment, origin: CommandOrigin, _ s: ScreenContext) -> FormState {
        var form = FormState(purpose: .confirmPair(pair, origin), title: bi("结对：\(pair.branch) ↔ \(pair.enterprise)", "Pair \(pair.branch) with \(pair.enterprise)"))
        form.dangerous = true
        form.lines = [names(pair, s)]
        form.lines += warnings(assessment)
        form.lines.append(bi("仍要结对请按 Enter，Esc 取消。", "Enter pairs them anyway, Esc cancels."))
        form.submitLabel = bi("仍然结对", "Pair anyway")
        return form
    }

    /// "B2 name ↔ E2 name".
    static func names(_ pair: ProposedPair, _ s: ScreenContext) -> Bilingual {
        let branch = s.snapshot?.branch(pair.branch).map { TerminalText.sanitize($0.name) } ?? ""
        let enterprise = s.snapshot?.enterprise(pair.enterprise).map { TerminalText.sanitize($0.name) } ?? ""
        return bi("\(pair.branch) \(branch) ↔ \(pair.enterprise) \(enterprise)", "\(pair.branch) \(branch) ↔ \(pair.enterprise) \(enterprise)")
    }

    /// One warning line per reason to hesitate: out of reach, then each gap.
    static func warnings(_ assessment: PairAssessment) -> [Bilingual] {
        let km = Int(assessment.explanation.distanceKm.rounded())
        var lines: [Bilingual] = []
        if !assessment.withinReach {
            lines.append(bi("警告：相距约 \(km) 公里，超出引擎范围（\(assessment.maxDistanceKm) 公里）",
                            "WARNING: about \(km) km apart, beyond the engine's reach (\(assessment.maxDistanceKm) km)"))
        }
        for gap in assessment.explanation.gaps {
            lines.append(bi("警告：" + gap.text(.zh), "WARNING: " + gap.text(.en)))
        }
        return lines
    }
}
