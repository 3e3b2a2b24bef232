import TandemCore

/// Cancelling, reopening and correcting a delivery from the console: each a form that names
/// the request, asks for a reason and checks with the core's rules (`RequestRules`,
/// `Permissions`) before anything is written; the store checks again in its transaction.
extension ScreenContext {
    func cancelForm(for request: Request) -> FormState {
        var form = FormState(purpose: .cancelRequest(request.code), title: bi("取消需求：\(request.code)", "Cancel request: \(request.code)"))
        form.dangerous = true
        let unit = unitName(request.unit)
        form.lines = [bi("\(itemName(request))：已送达 \(request.delivered)/\(request.quantity) \(unit)",
                         "\(itemName(request)): \(request.delivered) of \(request.quantity) \(unit) delivered")]
        form.fields = [FormField(bi("原因", "Reason"), hint: bi("必填，写入历史记录", "required; kept in the history"))]
        form.submitLabel = bi("取消需求", "Cancel it")
        return validate(form)
    }

    func reopenForm(for request: Request) -> FormState {
        var form = FormState(purpose: .reopenRequest(request.code), title: bi("重新打开需求：\(request.code)", "Reopen request: \(request.code)"))
        form.dangerous = true
        form.lines = [bi("\(itemName(request))：\(request.status.name.zh)，已送达 \(request.delivered)/\(request.quantity) \(unitName(request.unit))",
                         "\(itemName(request)): \(request.status.name.en), \(request.delivered) of \(request.quantity) \(unitName(request.unit)) delivered")]
        form.fields = [FormField(bi("原因", "Reason"), hint: bi("必填，写入历史记录", "required; kept in the history"))]
        form.submitLabel = bi("重新打开", "Reopen")
        return validate(form)
    }

    /// The request's deliveries that may still be corrected (not reversing entries, not reversed), oldest first;
    /// nil while its history is being read.
    func correctableDeliveries(of request: Request) -> [Delivery]? {
        guard let history = histories[request.enterpriseCode] else { return nil }
        let mine = history.deliveries.filter { $0.requestCode == request.code }
        let reversed = Set(mine.compactMap(\.reverses))
        return mine.filter { !$0.isReversal && !reversed.contains($0.id) }
    }

    func correctForm(for request: Request, keeping old: FormState? = nil) -> FormState {
        var form = FormState(purpose: .correctDelivery(request.code), title: bi("更正送达：\(request.code)", "Correct a delivery: \(request.code)"))
        form.dangerous = true
        let unit = unitName(request.unit)
        form.lines = [bi("\(itemName(request))：已送达 \(request.delivered)/\(request.quantity) \(unit)",
                         "\(itemName(request)): \(request.delivered) of \(request.quantity) \(unit) delivered"),
                      bi("更正会冲销原记录（保留）并登记正确数量", "the wrong entry is reversed (and kept), the right quantity recorded")]
        let deliveries = correctableDeliveries(of: request)
        if let deliveries {
            if deliveries.isEmpty { form.lines.append(bi("警告：没有可更正的送达", "WARNING: no delivery to correct")) }
            for d in deliveries.suffix(3) { form.lines.append(bi("#\(d.id) " + deliveryLine(d, unit: unit).trimmingWhitespace(), "#\(d.id) " + deliveryLine(d, unit: unit).trimmingWhitespace())) }
        } else {
            form.lines.append(bi("正在读取送达记录…", "Reading the deliveries…"))
        }
        // By default the newest delivery this operator may correct.
        let mayCorrect = deliveries?.last { context.denial(.correctDelivery(enterprise: request.enterpriseCode, recordedBy: $0.operatorLogin), in: snapshot) == nil }
        form.fields = [
            FormField(bi("送达编号", "Delivery #"), mayCorrect.map { "#\($0.id)" } ?? "", hint: bi("要更正的送达，如 #12", "the delivery to correct, e.g. #12")),
            FormField(bi("正确数量", "Quantity"), hint: bi("这笔送达实际的数量（\(unit)）；没有送达填 0", "what that delivery really was (\(unit)); 0 if none")),
            FormField(bi("原因", "Reason"), hint: bi("必填，写入历史记录", "required; kept in the history")),
            FormField(bi("超额", "Over"), "n", hint: bi("更正后超出需求时填 y 确认", "y to confirm a total above the request")),
        ]
        form.focus = form.fields[0].editor.text.isEmpty ? 0 : 1
        // Rebuilt when the deliveries arrive: what was typed (and where) stays.
        if let old, case .correctDelivery(let code) = old.purpose, code == request.code {
            var typed = false
            for i in form.fields.indices where old.fields.indices.contains(i) && !old.fields[i].editor.text.isEmpty && i != 3 {
                form.fields[i].editor = old.fields[i].editor
                typed = true
            }
            if typed { form.focus = old.focus }
        }
        form.submitLabel = bi("更正", "Correct")
        return validate(form)
    }

    /// The correction form's fields checked with the core's rules; the problems by field.
    func checkCorrection(_ form: inout FormState, _ code: RecordCode) {
        let v = form.fields.map(\.value)
        guard let request = data?.request(code) else { return }
        let over = ["y", "yes", "是"].contains(v[3].lowercased())
        if !["", "n", "no", "否"].contains(v[3].lowercased()) && !over { form.fields[3].error = bi("填 y 或 n", "enter y or n") }
        if v[2].isEmpty { form.fields[2].error = TandemError.reasonRequired.problemText }
        if let problem = TextRules.problem(.reason, v[2]) { form.fields[2].error = problem.bilingual(wording: ConsoleKeyRemedies()) }
        guard let deliveries = correctableDeliveries(of: request) else {
            form.fields[0].error = bi("正在读取送达记录…", "reading the deliveries…")
            return
        }
        let number = v[0].hasPrefix("#") ? String(v[0].dropFirst()) : v[0]
        guard let id = Int64(number), let delivery = deliveries.first(where: { $0.id == id }) else {
            let choices = deliveries.map { "#\($0.id)" }.joined(separator: t("、", ", "))
            form.fields[0].error = deliveries.isEmpty ? bi("没有可更正的送达", "no delivery to correct")
                : bi("应为 \(choices) 之一", "expected one of \(choices)")
            return
        }
        if let reason = context.denial(.correctDelivery(enterprise: request.enterpriseCode, recordedBy: delivery.operatorLogin), in: snapshot) {
            form.fields[0].error = reason
            return
        }
        do {
            let quantity = try RequestRules.parseCorrectedQuantity(v[1])
            _ = try RequestRules.correct(request, delivery: delivery, alreadyReversed: false, to: quantity, allowOver: over, on: data?.today ?? Day.local())
        } catch let error as TandemError {
            form.fields[1].error = error.namingUnits(context.catalog).bilingual(wording: ConsoleKeyRemedies())
        } catch {
            form.fields[1].error = bi("数量无效", "invalid quantity")
        }
    }

    /// The correction's mutation from a valid form.
    func correctionMutation(_ form: FormState, _ code: RecordCode) -> Mutation? {
        let v = form.fields.map(\.value)
        let number = v[0].hasPrefix("#") ? String(v[0].dropFirst()) : v[0]
        guard let id = Int64(number), let quantity = try? RequestRules.parseCorrectedQuantity(v[1]) else { return nil }
        return .correctDelivery(code, delivery: id, quantity: quantity, reason: v[2], over: ["y", "yes", "是"].contains(v[3].lowercased()))
    }
}
