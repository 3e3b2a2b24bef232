// libFuzzer entry point for the engine's instance parser (`tandem engine solve` input).
// Built by Tests/fuzz/run.sh with `swiftc -sanitize=fuzzer,address` straight from the
// AssignmentSolver sources, which depend on nothing else. A thrown InstanceFormatError is
// the contract for bad input; a trap, overflow or memory error is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func instanceParserFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = UnsafeRawBufferPointer(start: data, count: size)
    // Solve only small shapes: a header may declare millions of rows; solving those is slow by nature.
    if let problem = try? InstanceParser.parse(raw), problem.edgeCount <= 2_000, problem.rows <= 2_000, problem.cols <= 2_000 {
        _ = AssignmentSolver.solve(problem)
    }
    return 0
}
