import TandemCore

/// A demo city for trying Tandem: the real cases of spring 2020 from the federation's reports
/// (Yongchuan's tea base short of pickers, Nanchuan's Sichuan-pepper base needing fertiliser,
/// masks and 84 disinfectant, the Huahong instrument company, Beibei's blind-massage shops,
/// Dianshuo coffee's training…) plus generated branches and enterprises over every district.
/// Records are numbered in order from 1, so codes are known before they are stored.
public enum DemoCity {
    /// Builds the city: the real cases, then `scale` generated enterprises and branches with
    /// about five requests per enterprise, all determined by `seed`. `today` anchors dates.
    public static func build(scale: Int, seed: UInt64, geography: Geography, catalog: Catalog, today: Day) -> CitySeed {
        var city = CitySeed()
        var random = SeededGenerator(seed: seed)
        city.addRealCases(geography: geography, catalog: catalog, today: today)
        city.addGenerated(count: scale, random: &random, geography: geography, catalog: catalog, today: today)
        city.addOperators()
        return city
    }

}

/// The demo city's builders, kept out of the domain core.
extension CitySeed {
    // MARK: - Real cases

    fileprivate mutating func addRealCases(geography: Geography, catalog: Catalog, today: Day) {
        func place(_ district: String) -> GeoPoint? { geography.district(code: district)?.centroid }
        /// The demo's capability codes, as the catalog declares them (codes it lacks are left out).
        func capabilities(_ codes: String...) -> Set<Capability> { Set(codes.compactMap(catalog.capability(code:))) }
        let tea = addEnterprise("永川残疾人梦想茶叶基地", .employmentBase, "yongchuan", "永川区大安镇花果山村", "廖云祥",
                                disabled: 30, resumption: .partial(percent: 40), location: place("yongchuan"))
        addRequest(tea, "labour", "tea_pickers", 100, "person", .urgent, today, due: 3, notes: "采茶人手不足，100多人上山采茶")
        addRequest(tea, "production", "fertiliser", 2, "tonne", .high, today, due: 10, notes: "送去化肥等农资")
        addRequest(tea, "other", "sales", 500, "kg", .normal, today, due: 20, notes: "疫情期间销售也成问题")

        let pepper = addEnterprise("南川九叶青花椒基地", .employmentBase, "nanchuan", "南川区南平镇", "刘毅",
                                   disabled: 32, resumption: .partial(percent: 50), location: place("nanchuan"))
        addRequest(pepper, "production", "fertiliser", 8, "tonne", .urgent, today, due: 5, notes: "资金周转困难、物资不能正常保障")
        addRequest(pepper, "ppe", "masks", 300, "piece", .urgent, today, due: 2, notes: "复工复产防控物资短缺")
        addRequest(pepper, "ppe", "disinfectant84", 3, "barrel", .high, today, due: 2)
        addRequest(pepper, "other", "road_repair", 1, "session", .normal, today, due: 30, notes: "生产道路改扩建方案")

        let huahong = addEnterprise("重庆华虹仪表有限公司", .enterprise, "beibei", "北碚区", "张红",
                                    disabled: 120, resumption: .partial(percent: 70), location: nil)
        addRequest(huahong, "ppe", "masks", 2000, "piece", .high, today, due: 4, notes: "集中安置残疾人企业有序复工复产")
        addRequest(huahong, "ppe", "thermometers", 10, "piece", .normal, today, due: 7)

        let youyuan = addEnterprise("友缘盲人按摩店", .blindMassage, "beibei", "北碚区城南新区", "杨仁冬",
                                    disabled: 6, resumption: .resumed, location: nil)
        addRequest(youyuan, "ppe", "disinfectant84", 2, "barrel", .normal, today, due: 6, notes: "停业两个月后重新开门营业")
        addRequest(youyuan, "ppe", "masks", 200, "piece", .normal, today, due: 6)
        let mingguang = addEnterprise("北碚明光盲人推拿中心", .blindMassage, "beibei", "北碚区天生街道", "陈明",
                                      disabled: 4, resumption: .closed, location: nil)
        addRequest(mingguang, "ppe", "alcohol", 20, "bottle", .high, today, due: 3)

        let dianshuo = addEnterprise("重庆典硕职业培训学校（典硕咖啡）", .serviceInstitution, "shapingba", "沙坪坝区大学城",
                                     "李显彦", disabled: 12, resumption: .resumed, location: nil)
        addRequest(dianshuo, "other", "training", 2, "session", .normal, today, due: 25, notes: "线上直播培训，40余名聋人学员")

        let drone = addEnterprise("重庆芸中鹰航空科技有限公司", .enterprise, "banan", "巴南区", "鲜敏",
                                  disabled: 5, resumption: .resumed, location: nil)
        addRequest(drone, "ppe", "disinfectant84", 10, "barrel", .high, today, due: 2, notes: "无人机喷洒消毒")

        let longfa = addEnterprise("重庆隆发皮革制品有限责任公司", .enterprise, "bishan", "璧山区", "张老师",
                                   disabled: 40, resumption: .partial(percent: 60), location: nil)
        addRequest(longfa, "labour", "workers", 20, "person", .normal, today, due: 14, notes: "网络招聘残疾人职工")

        // The federation's own task forces.
        let office = addBranch("市残联机关第一党支部党员突击队", "yuzhong", headcount: 15, capabilities("labour", "ppe", "transport"))
        let employment = addBranch("市残疾人劳动就业服务指导中心党员突击队", "jiangbei", headcount: 12, capabilities("labour", "technical"))
        addBranch("市残疾人综合服务中心党员突击队", "jiulongpo", headcount: 10, capabilities("ppe", "technical"))
        addBranch("南川区残联党支部党员突击队", "nanchuan", headcount: 8, capabilities("agriculture", "transport", "ppe"))
        addBranch("永川区残联党支部党员突击队", "yongchuan", headcount: 9, capabilities("labour", "agriculture"))
        addBranch("北碚区残联党支部党员突击队", "beibei", headcount: 7, capabilities("ppe", "labour"))
        pairings.append((office, pepper))
        pairings.append((employment, longfa))
    }

    // MARK: - Generated city

    fileprivate static let tradeNames = ["兴旺", "阳光", "同心", "康乐", "明德", "惠民", "丰收", "金穗", "青山", "绿源", "春晖", "爱心",
                                     "向阳", "安康", "福满", "宏达", "鑫源", "长青", "嘉禾", "鸿运", "合力", "晨曦", "和美", "致远"]
    fileprivate static let kindSuffixes: [EnterpriseKind: [String]] = [
        .enterprise: ["电子有限公司", "服装加工厂", "食品有限公司", "包装制品厂", "竹编工艺厂", "汽配有限公司"],
        .employmentBase: ["花椒基地", "茶叶基地", "柑橘种植基地", "蔬菜基地", "中药材基地", "生猪养殖基地"],
        .auxiliaryEmployment: ["阳光家园辅助性就业中心", "庇护工场"],
        .blindMassage: ["盲人按摩店", "盲人推拿中心"],
        .serviceInstitution: ["残疾人康复中心", "残疾人托养中心"],
    ]
    fileprivate static let surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗"]
    fileprivate static let givenNames = ["建华", "小兰", "志强", "秀英", "国平", "丽", "军", "敏", "勇", "静", "伟", "芳", "明", "红梅", "德福"]
    fileprivate static let branchUnits = ["机关", "教育就业部", "康复部", "组织联络部", "宣传文化部", "维权部", "社区", "街道", "乡镇"]

    fileprivate mutating func addGenerated(count: Int, random: inout SeededGenerator, geography: Geography, catalog: Catalog, today: Day) {
        let districts = geography.districts
        guard !districts.isEmpty, count > 0 else { return }
        let kinds: [(EnterpriseKind, Int)] = [(.enterprise, 35), (.employmentBase, 20), (.auxiliaryEmployment, 10),
                                              (.blindMassage, 30), (.serviceInstitution, 5)]
        for n in 0..<count {
            // Every district gets some, round-robin first, then at random.
            let district = n < districts.count ? districts[n] : random.pick(districts)
            let kind = Self.weighted(kinds, &random)
            let name = district.shortNameZh + random.pick(Self.tradeNames) + random.pick(Self.kindSuffixes[kind]!)
            let location = random.chance(70)
                ? GeoPoint(lat: district.centroid.lat + 0.08 * random.unit(), lon: district.centroid.lon + 0.08 * random.unit())
                : nil
            let resumption: Resumption = switch random.below(3) {
            case 0: .closed
            case 1: .partial(percent: random.between(10, 90))
            default: .resumed
            }
            let enterprise = addEnterprise(name, kind, district.code, "\(district.name.zh)\(random.between(1, 99))号",
                                           random.pick(Self.surnames) + random.pick(Self.givenNames),
                                           disabled: random.between(1, 80), resumption: resumption, location: location)
            let requestCount = random.between(3, 7)
            for _ in 0..<requestCount {
                addGeneratedRequest(for: enterprise, kind: kind, random: &random, catalog: catalog, today: today)
            }
        }
        for n in 0..<count {
            let district = n < districts.count ? districts[districts.count - 1 - n] : random.pick(districts)
            var capabilities = Set<Capability>()
            for capability in catalog.capabilities where random.chance(40) { capabilities.insert(capability) }
            // Every branch can do something: the catalog's first capability (labour in the shipped one).
            if capabilities.isEmpty, let first = catalog.capabilities.first { capabilities.insert(first) }
            let name = "\(district.shortNameZh)\(random.pick(Self.branchUnits))第\(random.between(1, 9))党支部党员突击队"
            let code = addBranch(name, district.code, headcount: random.between(3, 40), capabilities)
            if random.chance(3) { branches[code.number - 1].active = false }
        }
        // Pair about half of the generated enterprises, with a free active branch of the same district where possible.
        var freeByDistrict: [String: [RecordCode]] = [:]
        let pairedBranches = Set(pairings.map(\.branch))
        for branch in branches where branch.active && !pairedBranches.contains(branch.code) {
            freeByDistrict[branch.districtCode, default: []].append(branch.code)
        }
        let pairedEnterprises = Set(pairings.map(\.enterprise))
        for enterprise in enterprises where !pairedEnterprises.contains(enterprise.code) && random.chance(50) {
            guard var free = freeByDistrict[enterprise.districtCode], let branch = free.popLast() else { continue }
            freeByDistrict[enterprise.districtCode] = free
            pairings.append((branch, enterprise.code))
        }
    }

    fileprivate mutating func addGeneratedRequest(for enterprise: RecordCode, kind: EnterpriseKind, random: inout SeededGenerator,
                                              catalog: Catalog, today: Day) {
        let category = random.pick(catalog.categories)
        let item = random.pick(category.items)
        let unit = item.units[0]
        let amount: Int = switch unit {
        case "tonne": random.between(1, 10)
        case "piece", "bottle", "kg": random.pick([50, 100, 200, 300, 500, 1000])
        case "person", "person_day": random.between(2, 60)
        default: random.between(1, 12)
        }
        let priority = Self.weighted([(Priority.urgent, 10), (.high, 25), (.normal, 50), (.low, 15)], &random)
        let age = random.between(0, 30)
        var request = Request(code: RecordCode(.request, requests.count + 1), enterpriseCode: enterprise, category: category.code,
                              item: item.code, quantity: Quantity(amount), unit: unit, priority: priority,
                              due: today.adding(days: random.between(-5, 25)), filed: today.adding(days: -age))
        var deliveries: [Quantity] = []
        switch random.below(10) {
        case 0, 1: // partly delivered
            let part = Quantity(amount * random.between(1, 9) / 10) // whole pieces, people, tonnes
            if !part.isZero { deliveries = [part]; request.delivered = part; request.status = .inProgress }
        case 2: // done
            deliveries = [request.quantity]
            request.delivered = request.quantity
            request.status = .done
            request.completed = today.adding(days: -random.between(0, min(age, 14)))
        case 3 where random.chance(20):
            request.status = .cancelled
        default:
            break
        }
        requests.append(SeededRequest(request: request, deliveries: deliveries))
    }

    // MARK: - Operators

    fileprivate mutating func addOperators() {
        operators.append(Operator(login: "dispatcher", displayName: "调度员 王华", role: .dispatcher))
        operators.append(Operator(login: "supervisor", displayName: "督导 陈静", role: .supervisor(group: nil)))
        operators.append(Operator(login: "supervisor1", displayName: "第一组督导 周敏", role: .supervisor(group: 1)))
        // lead1 leads the branch paired with Nanchuan's pepper base; lead2 a free branch.
        if let first = pairings.first {
            operators.append(Operator(login: "lead1", displayName: "突击队长 刘强", role: .branchLead(branch: first.branch)))
        }
        let paired = Set(pairings.map(\.branch))
        if let free = branches.first(where: { $0.active && !paired.contains($0.code) }) {
            operators.append(Operator(login: "lead2", displayName: "突击队长 赵勇", role: .branchLead(branch: free.code)))
        }
    }

    // MARK: - Helpers

    @discardableResult
    fileprivate mutating func addEnterprise(_ name: String, _ kind: EnterpriseKind, _ district: String, _ address: String,
                                        _ contact: String, disabled: Int, resumption: Resumption, location: GeoPoint?) -> RecordCode {
        let code = RecordCode(.enterprise, enterprises.count + 1)
        let phone = "023-\(6000_0000 + (code.number * 7919) % 1000_0000)"
        enterprises.append(Enterprise(code: code, name: name, kind: kind, districtCode: district, address: address,
                                      location: location, contactName: contact, contactPhone: phone,
                                      disabledEmployees: disabled, resumption: resumption))
        return code
    }

    @discardableResult
    fileprivate mutating func addBranch(_ name: String, _ district: String, headcount: Int, _ capabilities: Set<Capability>) -> RecordCode {
        let code = RecordCode(.branch, branches.count + 1)
        branches.append(Branch(code: code, name: name, districtCode: district, headcount: headcount, capabilities: capabilities))
        return code
    }

    fileprivate mutating func addRequest(_ enterprise: RecordCode, _ category: String, _ item: String, _ amount: Int, _ unit: String,
                                     _ priority: Priority, _ today: Day, due: Int, notes: String = "") {
        let request = Request(code: RecordCode(.request, requests.count + 1), enterpriseCode: enterprise, category: category,
                              item: item, quantity: Quantity(amount), unit: unit, priority: priority,
                              due: today.adding(days: due), notes: notes, filed: today.adding(days: -3))
        requests.append(SeededRequest(request: request, deliveries: []))
    }

    fileprivate static func weighted<T>(_ choices: [(T, Int)], _ random: inout SeededGenerator) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var roll = random.below(total)
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }
}
