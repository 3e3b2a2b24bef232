import Foundation
import Testing

/// `tandem request correct`: the same core rule as the console, a reversing entry in the
/// history, and `tandem check` still clean.
@Suite struct CorrectDeliveryCommandTests {
    @Test func aMistypedDeliveryIsCorrected() throws {
        let cli = try CLIHarness(lang: "en_US.UTF-8")
        try cli.ok(["init"])
        try cli.ok(["enterprise", "add", "--name", "南川九叶青花椒基地", "--district", "南川", "--kind", "employment_base"])
        try cli.ok(["request", "add", "E1", "--category", "ppe", "--item", "masks", "--quantity", "300", "--unit", "piece"])
        try cli.ok(["request", "deliver", "R1", "200"])
        let refused = try cli.refused(["request", "correct", "R1", "--delivery", "#1", "--quantity", "120"])
        #expect(refused.contains("reason"), "\(refused)")
        let said = try cli.ok(["request", "correct", "R1", "--delivery", "#1", "--quantity", "120", "--reason", "typed 200 for 120"])
        #expect(said.contains("delivery #1 corrected") && said.contains("120/300"), "\(said)")
        let shown = try cli.ok(["request", "show", "R1"])
        #expect(shown.contains("#1 ") && shown.contains("−200 (reverses #1) typed 200 for 120") && shown.contains("+120"), "\(shown)")
        let again = try cli.refused(["request", "correct", "R1", "--delivery", "1", "--quantity", "100", "--reason", "again"])
        #expect(again.contains("already corrected"), "\(again)")
        #expect(try cli.ok(["check"]).contains("database intact"))
        #expect(try cli.ok(["log"]).contains("delivery reversed (correction)"))
    }
}
