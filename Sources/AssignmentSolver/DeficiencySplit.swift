/// Splits a problem without a matching that covers its smaller side into
/// two problems that have one (Dulmage–Mendelsohn).
///
/// Take a maximum matching and let D be the rows reachable from its
/// unmatched rows by alternating paths, N(D) their columns. Every column of
/// N(D) is matched, to a row of D, and in every maximum matching: D holds
/// all of N(D) (D has no other neighbours, and |N(D)| pairs are needed from
/// it) and every other row is matched outside N(D). So an optimal answer is
/// an optimal matching of D × N(D) covering N(D), plus an optimal matching of
/// the other rows × the other columns covering those rows; both have a
/// matching covering their smaller side, which the fast paths need.
struct DeficiencySplit {
    let deficient: CompactProblem
    let rest: CompactProblem

    /// nil when the maximum matching covers the smaller side. `maximumMatching`,
    /// when known (an auction found it), spares Hopcroft–Karp most of its work.
    init?(_ problem: AssignmentProblem, maximumMatching: [Int32]? = nil) {
        let matching = MaximumMatching.solve(
            rows: problem.rows, cols: problem.cols, rowStart: problem.rowStart, edgeCol: problem.edgeCol,
            initial: maximumMatching)
        if matching.size == min(problem.rows, problem.cols) { return nil }
        var colToRow = [Int32](repeating: -1, count: problem.cols)
        for (i, j) in matching.rowToCol.enumerated() where j >= 0 { colToRow[Int(j)] = Int32(i) }
        var inD = [Bool](repeating: false, count: problem.rows)
        var inN = [Bool](repeating: false, count: problem.cols)
        var queue: [Int32] = []
        for i in 0..<problem.rows where matching.rowToCol[i] < 0 {
            inD[i] = true
            queue.append(Int32(i))
        }
        var head = 0
        while head < queue.count {
            let i = Int(queue[head])
            head += 1
            for e in Int(problem.rowStart[i])..<Int(problem.rowStart[i + 1]) {
                let j = Int(problem.edgeCol[e])
                if inN[j] { continue }
                inN[j] = true
                let mate = Int(colToRow[j])
                precondition(mate >= 0, "an unmatched column next to an unmatched row: the matching was not maximum")
                if !inD[mate] {
                    inD[mate] = true
                    queue.append(Int32(mate))
                }
            }
        }
        deficient = CompactProblem(problem, keepRow: inD, keepCol: inN)
        rest = CompactProblem(problem, keepRow: inD.map { !$0 }, keepCol: inN.map { !$0 })
    }

    /// Both parts' answers in the original numbering.
    func combine(deficient deficientRowToCol: [Int32], rest restRowToCol: [Int32]) -> [Int32] {
        var rowToCol = deficient.originalRowToCol(deficientRowToCol)
        for (i, j) in rest.originalRowToCol(restRowToCol).enumerated() where j >= 0 { rowToCol[i] = j }
        return rowToCol
    }
}
