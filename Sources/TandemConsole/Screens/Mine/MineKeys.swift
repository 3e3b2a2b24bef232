import TandemCore

/// The lead's screen's key table.
extension ConsoleState {
    func mineBindings() -> [KeyBinding] {
        let request = selectedMineRequest
        let enterprise = myEnterprise?.code
        let noEnterprise = bi("您的突击队还没有结对单位", "your branch has no paired enterprise yet")
        return movement(bi("需求", "requests")) + [detailRow(bi("需求", "request"))] + workBindings(request) + [
            KeyBinding(keys: [.char("r")], action: .resumption, label: bi("复工状态", "resumption"),
                       help: bi("更新单位复工复产状态", "update the enterprise's resumption status"), command: "resume",
                       disabled: enterprise.map { context.denial(.updateResumption(enterprise: $0), in: snapshot) } ?? noEnterprise),
            KeyBinding(keys: [.char("n")], action: .newRequest, label: bi("登记需求", "new request"),
                       help: bi("为本单位登记新需求", "file a new request for this enterprise"), command: "file",
                       disabled: enterprise.map { context.denial(.fileRequest(enterprise: $0), in: snapshot) } ?? noEnterprise),
        ] + requestLifeBindings(request)
    }
}
