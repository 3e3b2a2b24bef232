import Testing
@testable import TandemCore

/// The rules the command line and the console both ask: one function each, tested once here.
private enum Shared {
    static let catalog = Catalog(
        categories: [RequestCategory(code: "ppe", name: Bilingual(zh: "防护物资", en: "PPE"), items: [
            CatalogItem(code: "masks", name: Bilingual(zh: "口罩", en: "masks"), units: ["piece"], capability: .ppe)])],
        units: [MeasureUnit(code: "piece", name: Bilingual(zh: "个", en: "pieces")),
                MeasureUnit(code: "tonne", name: Bilingual(zh: "吨", en: "tonnes"))])
    static let today = Day(year: 2020, month: 3, day: 10)
    static let e1 = RecordCode(.enterprise, 1)

    static let geography = Geography(
        districts: [
            District(code: "yongchuan", name: Bilingual(zh: "永川区", en: "Yongchuan District"), kind: .district,
                     centroid: GeoPoint(lat: 29.35, lon: 105.93), group: 1, tile: TilePosition(row: 3, col: 1)),
            District(code: "beibei", name: Bilingual(zh: "北碚区", en: "Beibei District"), kind: .district,
                     centroid: GeoPoint(lat: 29.83, lon: 106.40), group: 2, tile: TilePosition(row: 2, col: 3)),
        ],
        groups: [SupervisionGroup(number: 1, name: Bilingual(zh: "第一组", en: "Group 1")),
                 SupervisionGroup(number: 2, name: Bilingual(zh: "第二组", en: "Group 2"))])

    static func request(_ n: Int, _ e: Int, priority: Priority = .normal, due: Day? = nil) -> Request {
        Request(code: RecordCode(.request, n), enterpriseCode: RecordCode(.enterprise, e), category: "ppe", item: "masks",
                quantity: Quantity(10), unit: "piece", priority: priority, due: due, filed: Day(year: 2020, month: 3, day: 1))
    }

    /// E1 in Yongchuan (group 1) paired with B1; E2 in Beibei (group 2) paired with B2; B3 free in Beibei.
    static var snapshot: CitySnapshot {
        CitySnapshot(
            branches: [Branch(code: RecordCode(.branch, 1), name: "一", districtCode: "yongchuan", headcount: 5, capabilities: []),
                       Branch(code: RecordCode(.branch, 2), name: "二", districtCode: "beibei", headcount: 5, capabilities: []),
                       Branch(code: RecordCode(.branch, 3), name: "三", districtCode: "beibei", headcount: 5, capabilities: []),
                       Branch(code: RecordCode(.branch, 4), name: "四", districtCode: "beibei", headcount: 5, capabilities: [], active: false)],
            enterprises: [Enterprise(code: RecordCode(.enterprise, 1), name: "甲", kind: .enterprise, districtCode: "yongchuan"),
                          Enterprise(code: RecordCode(.enterprise, 2), name: "乙", kind: .enterprise, districtCode: "beibei")],
            requests: [request(1, 1), request(2, 2), request(3, 1)],
            activePairings: [Pairing(id: 1, branchCode: RecordCode(.branch, 1), enterpriseCode: RecordCode(.enterprise, 1), startedAt: Timestamp(millisecondsSince1970: 0), startedBy: "a"),
                             Pairing(id: 2, branchCode: RecordCode(.branch, 2), enterpriseCode: RecordCode(.enterprise, 2), startedAt: Timestamp(millisecondsSince1970: 0), startedBy: "a")])
    }
}

@Suite struct RequestDraftCheckTests {
    @Test func everyBadFieldGetsItsOwnProblemAtOnce() {
        let typed = RequestDraftText(enterpriseCode: Shared.e1, category: "防护物资", item: "口罩", quantity: "-5", unit: "tonne",
                                     priority: "asap", due: "2020-03-01")
        let check = RequestRules.check(typed, catalog: Shared.catalog, today: Shared.today)
        #expect(check.problems.map(\.field) == [.quantity, .unit, .priority, .due])
        #expect(check.problem(.quantity) == .invalidQuantity("-5"))
        #expect(check.problem(.unit) == .unknownUnit("tonne", item: "masks", choices: ["piece"]))
        #expect(check.problem(.due) == .dueBeforeToday(due: Day(year: 2020, month: 3, day: 1), today: Shared.today))
        #expect(check.problem(.due)?.message(.en) == "the due date 2020-03-01 is before today (2020-03-10)")
        #expect(check.draft == nil)
        // All problems as one error, in field order, for a surface that shows one line.
        guard case .several(let errors)? = check.error else { Issue.record("expected several problems"); return }
        #expect(errors.count == 4)
    }

    @Test func emptyAndUnknownFieldsSayWhichAndDependentFieldsWait() {
        let empty = RequestRules.check(RequestDraftText(enterpriseCode: Shared.e1, category: "", item: "", quantity: "", unit: ""),
                                       catalog: Shared.catalog, today: Shared.today)
        #expect(empty.problems.map(\.field) == [.category, .quantity])
        #expect(empty.problem(.category)?.message(.zh) == "请填写类别")
        let unknown = RequestRules.check(RequestDraftText(enterpriseCode: Shared.e1, category: "ppe", item: "rice", quantity: "3", unit: "kg"),
                                         catalog: Shared.catalog, today: nil)
        #expect(unknown.problems.map(\.field) == [.item])
        #expect(unknown.category?.code == "ppe")
    }

    @Test func aValidDraftComesBackInCatalogCodesAndTheStoreRuleAgrees() throws {
        let typed = RequestDraftText(enterpriseCode: Shared.e1, category: " PPE ", item: "口罩", quantity: "300", unit: "个",
                                     priority: "紧急", due: "2020-03-10", notes: "急需")
        let check = RequestRules.check(typed, catalog: Shared.catalog, today: Shared.today)
        let draft = try #require(check.draft)
        #expect(draft == RequestDraft(enterpriseCode: Shared.e1, category: "ppe", item: "masks", quantity: "300", unit: "piece",
                                      priority: .urgent, due: Shared.today, notes: "急需"))
        #expect(throws: TandemError.dueBeforeToday(due: Day(year: 2020, month: 1, day: 1), today: Shared.today)) {
            var past = draft
            past.due = Day(year: 2020, month: 1, day: 1)
            _ = try RequestRules.validate(past, catalog: Shared.catalog, today: Shared.today)
        }
    }

    @Test func deliveriesAreCheckedOnceForEverySurface() {
        let request = Shared.request(1, 1)
        #expect(RequestRules.checkDelivery(of: request, quantity: "4", allowOver: false) == .success(Quantity(4)))
        #expect(RequestRules.checkDelivery(of: request, quantity: "", allowOver: false) == .failure(.missingValue(field: RequestField.quantity.name)))
        #expect(RequestRules.checkDelivery(of: request, quantity: "0", allowOver: false) == .failure(.invalidQuantity("0")))
        #expect(RequestRules.checkDelivery(of: request, quantity: "11", allowOver: false)
                == .failure(.overDelivery(request: request.code, remaining: Quantity(10), unit: "piece")))
        #expect(RequestRules.checkDelivery(of: request, quantity: "11", allowOver: true) == .success(Quantity(11)))
    }

    @Test func loginsHaveNoSpaces() throws {
        #expect(try OperatorRules.checkLogin("  zhou ") == "zhou")
        #expect(throws: TandemError.self) { try OperatorRules.checkLogin("zhou min") }
        #expect(throws: TandemError.self) { try OperatorRules.checkLogin("   ") }
    }
}

@Suite struct RemedyTests {
    /// Every error that has a remedy, with a made-up wording: the core adds it after the problem.
    static let withRemedies: [TandemError] = [
        .notRegistered(login: "zhou"), .branchAlreadyPaired(branch: RecordCode(.branch, 3), enterprise: RecordCode(.enterprise, 5)),
        .enterpriseAlreadyPaired(enterprise: RecordCode(.enterprise, 5), branch: RecordCode(.branch, 3)),
        .overDelivery(request: RecordCode(.request, 1), remaining: Quantity(3), unit: "piece"),
        .requestClosed(RecordCode(.request, 1), .done), .reasonRequired, .databaseMissing(path: "/x"),
        .databaseExists(path: "/x"), .databaseNotInitialized(path: "/x"),
    ]

    struct Shouting: RemedyWording {
        func text(_ remedy: Remedy, _ lang: Lang) -> String { "DO \(remedy)" }
    }

    @Test func coreTextsNameNoFlagOrCommandAndEachSurfaceAddsItsOwn() {
        for error in Self.withRemedies {
            for lang in Lang.allCases {
                let plain = error.message(lang)
                #expect(!plain.contains("--") && !plain.contains("tandem "), "\(plain)")
                let worded = error.message(lang, wording: Shouting())
                #expect(worded == error.problem(lang) + (lang == .zh ? "；" : "; ") + "DO \(error.remedy!)")
            }
        }
        #expect(TandemError.overDelivery(request: RecordCode(.request, 1), remaining: Quantity(3), unit: "piece").remedy == .allowOverDelivery)
        #expect(TandemError.branchAlreadyPaired(branch: RecordCode(.branch, 3), enterprise: RecordCode(.enterprise, 5)).remedy
                == .unpairFirst(RecordCode(.branch, 3)))
        #expect(TandemError.unknownDistrict("x").message(.en, wording: Shouting()) == "no district x")
    }
}

@Suite struct ReadScopeTests {
    @Test func aGroupSupervisorSeesTheirGroupsRowsOnly() throws {
        let supervisor1 = Operator(login: "s1", displayName: "s1", role: .supervisor(group: 1))
        let scope = Permissions.readScope(of: supervisor1, geography: Shared.geography)
        #expect(scope.districts(of: Shared.geography).map(\.code) == ["yongchuan"])
        let visible = scope.filter(Shared.snapshot)
        #expect(visible.enterprises.map(\.code.number) == [1])
        #expect(visible.requests.map(\.code.number) == [1, 3])
        #expect(visible.branches.map(\.code.number) == [1])
        #expect(visible.activePairings.map(\.enterpriseCode.number) == [1])
        #expect(throws: TandemError.outsideReadScope(what: "G2", scope: scope.name)) { try scope.require(group: 2) }
        #expect(try scope.planningScope(district: nil, group: nil, replan: false).group == 1)
        for role in [Role.dispatcher, .admin, .supervisor(group: nil), .branchLead(branch: RecordCode(.branch, 1))] {
            let everyone = Permissions.readScope(of: Operator(login: "x", displayName: "x", role: role), geography: Shared.geography)
            #expect(everyone.isWholeCity)
            #expect(everyone.filter(Shared.snapshot).requests.count == 3)
        }
    }
}

@Suite struct SharedOrderAndPlanTests {
    @Test func urgencyOrderIsOverdueThenPriorityThenDueThenCode() {
        let today = Shared.today
        let overdueLow = Shared.request(5, 1, priority: .low, due: Day(year: 2020, month: 3, day: 1))
        let urgentNoDue = Shared.request(4, 1, priority: .urgent)
        let urgentDueSoon = Shared.request(6, 1, priority: .urgent, due: Day(year: 2020, month: 3, day: 12))
        let normal = Shared.request(2, 1)
        let normalToo = Shared.request(3, 1)
        let sorted = [normalToo, normal, urgentNoDue, overdueLow, urgentDueSoon].sorted { RequestOrder.isMoreUrgent($0, than: $1, today: today) }
        #expect(sorted.map(\.code.number) == [5, 6, 4, 2, 3])
    }

    @Test func freeBranchesAreActiveAndUnpaired() {
        let snapshot = Shared.snapshot
        #expect(snapshot.branches.filter(snapshot.isFree).map(\.code.number) == [3])
    }

    @Test func applyingAPlanWritesOnlyFreePairsOrEndsWhatAReplanChanges() {
        let snapshot = Shared.snapshot
        typealias Pair = PlanApplication.Pair
        let b1 = RecordCode(.branch, 1), b3 = RecordCode(.branch, 3)
        let e1 = RecordCode(.enterprise, 1), e2 = RecordCode(.enterprise, 2)
        // Without replanning, a proposal touching a paired side is skipped.
        let kept = PlanApplication(proposals: [Pair(branch: b3, enterprise: e1)], leftUnpaired: [], replan: false, snapshot: snapshot)
        #expect(kept.isEmpty)
        // Re-planning: E1 moves to B3 (its pairing with B1 ends), E2 left unpaired (its pairing ends).
        let moved = PlanApplication(proposals: [Pair(branch: b3, enterprise: e1)], leftUnpaired: [e2], replan: true, snapshot: snapshot)
        #expect(moved.ending == [e1, e2])
        #expect(moved.pairs == [Pair(branch: b3, enterprise: e1)])
        // A proposal the data already holds writes nothing.
        let same = PlanApplication(proposals: [Pair(branch: b1, enterprise: e1)], leftUnpaired: [], replan: true, snapshot: snapshot)
        #expect(same.isEmpty)
    }

    @Test func oneMatcherForCodesAndNamesInBothLanguages() {
        #expect(Shared.catalog.category(matching: "ppe")?.code == "ppe")
        #expect(Shared.catalog.category(matching: "防护物资")?.code == "ppe")
        #expect(Shared.catalog.unit(matching: "Tonnes")?.code == "tonne")
        #expect(Shared.geography.district(matching: "永川")?.code == "yongchuan")
        #expect(Shared.geography.district(matching: "beibei district")?.code == "beibei")
        #expect(Shared.geography.group(matching: "G2")?.number == 2)
        #expect(Shared.geography.group(matching: "group 1")?.number == 1)
        #expect(RequestStatus(matching: "in progress") == .inProgress)
        #expect(RequestStatus(matching: "in_progress") == .inProgress)
        #expect(EnterpriseKind(matching: "blind-massage") == .blindMassage)
        #expect(Priority(matching: "紧急") == .urgent)
        #expect(Priority(matching: "2") == .high)
        #expect(Shared.catalog.category(matching: "  ") == nil)
    }
}
