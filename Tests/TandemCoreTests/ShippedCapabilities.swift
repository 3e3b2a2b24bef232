import TandemCore

/// The capabilities of the shipped `config/categories.yaml`, for catalogs built by hand in tests.
extension Capability {
    static let labour = Capability(code: "labour", name: Bilingual(zh: "劳动力", en: "labour"))
    static let transport = Capability(code: "transport", name: Bilingual(zh: "车辆运输", en: "transport"), carriesHeavyLoads: true)
    static let ppe = Capability(code: "ppe", name: Bilingual(zh: "防护物资采购", en: "PPE procurement"))
    static let agriculture = Capability(code: "agriculture", name: Bilingual(zh: "农资农技", en: "farm supplies"))
    static let technical = Capability(code: "technical", name: Bilingual(zh: "技术指导", en: "technical help"))
    static let shipped = [labour, transport, ppe, agriculture, technical]
}
