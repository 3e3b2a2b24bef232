import TandemCore

/// The lead's screen's key table, and what its own keys do.
extension MineState {
    func bindings(_ s: ScreenContext) -> [KeyBinding] {
        let request = selectedRequest(s)
        let enterprise = s.myEnterprise?.code
        let noEnterprise = bi("您的突击队还没有结对单位", "your branch has no paired enterprise yet")
        return s.movement(bi("需求", "requests")) + [s.detailRow(bi("需求", "request"), focused: request?.code)] + s.workBindings(request) + [
            KeyBinding(keys: [.char("r")], action: .resumption, label: bi("复工状态", "resumption"),
                       help: bi("更新单位复工复产状态", "update the enterprise's resumption status"), command: "resume",
                       disabled: enterprise.map { s.context.denial(.updateResumption(enterprise: $0), in: s.snapshot) } ?? noEnterprise),
            KeyBinding(keys: [.char("n")], action: .newRequest, label: bi("登记需求", "new request"),
                       help: bi("为本单位登记新需求", "file a new request for this enterprise"), command: "file",
                       disabled: enterprise.map { s.context.denial(.fileRequest(enterprise: $0), in: s.snapshot) } ?? noEnterprise),
        ] + s.requestLifeBindings(request)
    }

    /// The lead's screen has only its list to move in; the request keys are the console's.
    mutating func perform(_ action: ConsoleAction, _ s: ScreenContext) -> ScreenOutcome {
        _ = cursor.perform(action, count: requests(s).count, page: viewport(s))
        return .none
    }
}
