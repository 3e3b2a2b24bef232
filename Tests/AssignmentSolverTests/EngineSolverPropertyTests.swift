import Testing
@testable import AssignmentSolver

/// Every solver path against exhaustive search on every shape up to 7 × 7.
@Suite("Engine: solver against brute force")
struct EngineSolverPropertyTests {
    static let shapes: [(Int, Int)] = (1...7).flatMap { r in (1...7).map { c in (r, c) } }
    static let families: [(density: Double, costs: ClosedRange<Int>)] = [
        (1.0, 0...3),  // complete, many ties and zeros
        (0.7, 0...9),
        (0.4, 0...2),  // sparse, often no full matching
        (0.5, 0...AssignmentProblem.maximumCost),
        (0.25, 0...0),  // all zero costs
    ]

    @Test("public solver: maximum cardinality, then minimum cost", arguments: shapes)
    func publicSolver(rows: Int, cols: Int) throws {
        var rng = SplitMix64(seed: UInt64(rows * 100 + cols))
        for family in Self.families {
            for _ in 0..<12 {
                let instance = SmallInstance.random(
                    rows: rows, cols: cols, density: family.density, costRange: family.costs, using: &rng)
                let solution = AssignmentSolver.solve(try instance.problem())
                let expected = instance.bruteForce()
                let actual = try #require(instance.evaluate(solution.rowToCol), "invalid matching for \(instance)")
                #expect(actual.pairs == expected.pairs, "\(instance)")
                #expect(actual.cost == expected.cost, "\(instance)")
                #expect(solution.totalCost == Int64(expected.cost), "\(instance)")
                #expect(solution.pairCount == expected.pairs, "\(instance)")
                #expect(solution.unmatchedCount(rows: rows, cols: cols) == min(rows, cols) - expected.pairs)
                for (j, i) in solution.colToRow.enumerated() where i >= 0 {
                    #expect(solution.rowToCol[Int(i)] == Int32(j))
                }
            }
        }
    }

    @Test("shortest augmenting paths on every shape", arguments: shapes)
    func shortestAugmentingPaths(rows: Int, cols: Int) throws {
        var rng = SplitMix64(seed: UInt64(7000 + rows * 10 + cols))
        for family in Self.families {
            for _ in 0..<8 {
                let instance = SmallInstance.random(
                    rows: rows, cols: cols, density: family.density, costRange: family.costs, using: &rng)
                let rowToCol = AssignmentSolver.solveByShortestPaths(try instance.problem())
                let actual = try #require(instance.evaluate(rowToCol), "invalid matching for \(instance)")
                let expected = instance.bruteForce()
                #expect(actual.pairs == expected.pairs && actual.cost == expected.cost, "\(instance)")
            }
        }
    }

    @Test("scaling auction on square instances", arguments: 1...7)
    func scalingAuction(n: Int) throws {
        var rng = SplitMix64(seed: UInt64(9000 + n))
        for family in Self.families {
            for _ in 0..<20 {
                let instance = SmallInstance.random(
                    rows: n, cols: n, density: family.density, costRange: family.costs, using: &rng)
                let expected = instance.bruteForce()
                for relabel in [Int.max, 0] {
                    guard let rowToCol = ScalingAuction.solve(try instance.problem(), relabelFrom: relabel) else {
                        // The auction may only give up when no perfect matching exists.
                        #expect(expected.pairs < n, "auction gave up on a feasible instance \(instance)")
                        continue
                    }
                    let actual = try #require(instance.evaluate(rowToCol), "invalid matching for \(instance)")
                    #expect(actual.pairs == n && actual.cost == expected.cost, "\(instance)")
                }
            }
        }
    }

    @Test("rectangular auction with implicit dummy rows, both orientations", arguments: shapes.filter { $0.0 != $0.1 })
    func rectangularAuction(rows: Int, cols: Int) throws {
        var rng = SplitMix64(seed: UInt64(15000 + rows * 10 + cols))
        for family in Self.families {
            for _ in 0..<8 {
                let instance = SmallInstance.random(
                    rows: rows, cols: cols, density: family.density, costRange: family.costs, using: &rng)
                let expected = instance.bruteForce()
                guard let rowToCol = RectangularAuction.solve(try instance.problem()) else {
                    #expect(expected.pairs < min(rows, cols), "gave up on a feasible instance \(instance)")
                    continue
                }
                let actual = try #require(instance.evaluate(rowToCol), "invalid matching for \(instance)")
                #expect(actual.pairs == expected.pairs && actual.cost == expected.cost, "\(instance)")
            }
        }
    }

    @Test("rectangular auction with a bid budget: the optimum or a refusal, never wrong", arguments: shapes.filter { $0.0 != $0.1 })
    func budgetedRectangularAuction(rows: Int, cols: Int) throws {
        var rng = SplitMix64(seed: UInt64(16000 + rows * 10 + cols))
        for family in Self.families {
            for budget in [0, 1, 3, 10, 40] {
                let instance = SmallInstance.random(
                    rows: rows, cols: cols, density: family.density, costRange: family.costs, using: &rng)
                let expected = instance.bruteForce()
                switch RectangularAuction.answer(try instance.problem(), bidBudget: budget) {
                case .optimal(let rowToCol):
                    let actual = try #require(instance.evaluate(rowToCol), "invalid matching for \(instance)")
                    #expect(actual.pairs == expected.pairs && actual.cost == expected.cost, "\(instance)")
                case .uncoverable(let matching):
                    let actual = try #require(instance.evaluate(matching), "invalid matching for \(instance)")
                    #expect(actual.pairs == expected.pairs && expected.pairs < min(rows, cols), "\(instance)")
                case .gaveUp: break
                }
            }
        }
    }

    @Test("2–10 % off square: the budgeted auction or its fallback agrees with shortest augmenting paths")
    func slightlyRectangular() throws {
        var rng = SplitMix64(seed: 4242)
        for trial in 0..<24 {
            let large = Int.random(in: 40...120, using: &rng)
            let small = large - max(1, large * Int.random(in: 3...10, using: &rng) / 100)
            let (rows, cols) = trial % 2 == 0 ? (large, small) : (small, large)
            let density = [1.0, 0.2, 0.08][trial % 3]
            let costs = [0...5, 0...1000, 0...AssignmentProblem.maximumCost][trial % 3]
            let instance = SmallInstance.random(rows: rows, cols: cols, density: density, costRange: costs, using: &rng)
            let problem = try instance.problem()
            let reference = try #require(instance.evaluate(AssignmentSolver.solveByShortestPaths(problem)))
            let actual = try #require(instance.evaluate(AssignmentSolver.solve(problem).rowToCol))
            #expect(actual.pairs == reference.pairs && actual.cost == reference.cost, "trial \(trial)")
            let first = AssignmentSolver.solve(problem, slightlyRectangular: .auctionFirst)
            let auctionFirst = try #require(instance.evaluate(first.rowToCol))
            #expect(auctionFirst.pairs == reference.pairs && auctionFirst.cost == reference.cost, "trial \(trial)")
            // The race on two cores (used from 100 000 edges): the same answer every time.
            let raced = AssignmentSolver.raceAuctionAndPaths(problem).solution
            let race = try #require(instance.evaluate(raced.rowToCol))
            #expect(race.pairs == reference.pairs && race.cost == reference.cost, "trial \(trial)")
            #expect(AssignmentSolver.raceAuctionAndPaths(problem).solution.rowToCol == raced.rowToCol, "trial \(trial)")
            for budget in [10, 200, Int.max] {
                if case .optimal(let rowToCol) = RectangularAuction.answer(problem, bidBudget: budget) {
                    let auction = try #require(instance.evaluate(rowToCol))
                    #expect(auction.pairs == reference.pairs && auction.cost == reference.cost, "trial \(trial) budget \(budget)")
                }
            }
        }
    }

    @Test("deficiency split: parts solved apart give the optimum", arguments: shapes)
    func deficiencySplit(rows: Int, cols: Int) throws {
        var rng = SplitMix64(seed: UInt64(17000 + rows * 10 + cols))
        for _ in 0..<30 {
            let instance = SmallInstance.random(rows: rows, cols: cols, density: 0.35, costRange: 0...5, using: &rng)
            let expected = instance.bruteForce()
            guard let split = DeficiencySplit(try instance.problem()) else {
                #expect(expected.pairs == min(rows, cols), "no split of a deficient instance \(instance)")
                continue
            }
            #expect(expected.pairs < min(rows, cols))
            let rowToCol = split.combine(
                deficient: AssignmentSolver.solve(split.deficient.problem).rowToCol,
                rest: AssignmentSolver.solve(split.rest.problem).rowToCol)
            let actual = try #require(instance.evaluate(rowToCol), "invalid matching for \(instance)")
            #expect(actual.pairs == expected.pairs && actual.cost == expected.cost, "\(instance)")
        }
    }

    @Test("dense Jonker–Volgenant on complete square instances", arguments: 1...7)
    func denseJonkerVolgenant(n: Int) throws {
        var rng = SplitMix64(seed: UInt64(11000 + n))
        for costs in [0...1, 0...20, 0...AssignmentProblem.maximumCost] {
            for _ in 0..<30 {
                let instance = SmallInstance.random(rows: n, cols: n, density: 1, costRange: costs, using: &rng)
                let problem = try instance.problem()
                let rowToCol = DenseJonkerVolgenant.solve(n: n, costs: problem.denseCostMatrix())
                let actual = try #require(instance.evaluate(rowToCol), "invalid matching for \(instance)")
                #expect(actual.pairs == n && actual.cost == instance.bruteForce().cost, "\(instance)")
            }
        }
    }

    @Test("dense candidate auction: few candidates, certified or refused, never wrong", arguments: 1...7)
    func denseCandidateAuction(n: Int) throws {
        var rng = SplitMix64(seed: UInt64(13000 + n))
        for costs in [0...2, 0...50, 0...AssignmentProblem.maximumCost] {
            for _ in 0..<20 {
                let instance = SmallInstance.random(rows: n, cols: n, density: 1, costRange: costs, using: &rng)
                let matrix = try instance.problem().denseCostMatrix()
                for (perRow, perColumn) in [(1, 1), (2, 1), (3, 2)] {
                    guard let rowToCol = DenseCandidateAuction.solve(
                        n: n, costs: matrix, candidatesPerRow: perRow, candidatesPerColumn: perColumn)
                    else { continue }  // no perfect matching among the candidates: the caller uses JV
                    let actual = try #require(instance.evaluate(rowToCol), "invalid matching for \(instance)")
                    #expect(actual.pairs == n && actual.cost == instance.bruteForce().cost, "\(instance)")
                }
            }
        }
    }

    @Test("larger random instances: every path agrees with shortest augmenting paths")
    func largerInstances() throws {
        var rng = SplitMix64(seed: 77)
        for trial in 0..<24 {
            let rows = Int.random(in: 20...90, using: &rng)
            let cols = trial % 3 == 0 ? rows : Int.random(in: 20...90, using: &rng)
            let density = [1.0, 0.15, 0.05, 0.5][trial % 4]
            let costs = [0...5, 0...1000, 0...AssignmentProblem.maximumCost][trial % 3]
            let instance = SmallInstance.random(rows: rows, cols: cols, density: density, costRange: costs, using: &rng)
            let problem = try instance.problem()
            let reference = try #require(instance.evaluate(AssignmentSolver.solveByShortestPaths(problem)))
            let solution = AssignmentSolver.solve(problem)
            let actual = try #require(instance.evaluate(solution.rowToCol))
            #expect(actual.pairs == reference.pairs && actual.cost == reference.cost, "trial \(trial)")
            if rows == cols && density == 1 {
                let jv = try #require(instance.evaluate(DenseJonkerVolgenant.solve(n: rows, costs: problem.denseCostMatrix())))
                #expect(jv.cost == reference.cost, "trial \(trial)")
            }
        }
    }

    @Test("empty and edgeless problems")
    func degenerate() throws {
        let empty = AssignmentSolver.solve(try AssignmentProblem(rows: 0, cols: 0, edges: []))
        #expect(empty.pairCount == 0 && empty.totalCost == 0)
        let edgeless = AssignmentSolver.solve(try AssignmentProblem(rows: 3, cols: 2, edges: []))
        #expect(edgeless.pairCount == 0 && edgeless.rowToCol == [-1, -1, -1])
        #expect(edgeless.unmatchedCount(rows: 3, cols: 2) == 2)
    }

    @Test("no overflow: 2000 pairs at the maximum cost")
    func largeCosts() throws {
        let n = 2000
        var edges: [AssignmentEdge] = []
        for i in 0..<n {
            edges.append(AssignmentEdge(row: i, col: i, cost: AssignmentProblem.maximumCost))
            edges.append(AssignmentEdge(row: i, col: (i + 1) % n, cost: AssignmentProblem.maximumCost - 1))
        }
        let solution = AssignmentSolver.solve(try AssignmentProblem(rows: n, cols: n, edges: edges))
        #expect(solution.pairCount == n)
        #expect(solution.totalCost == Int64(n) * Int64(AssignmentProblem.maximumCost - 1))
    }

    @Test("same input, same answer")
    func deterministic() throws {
        var rng = SplitMix64(seed: 42)
        let instance = SmallInstance.random(rows: 7, cols: 7, density: 0.6, costRange: 0...2, using: &rng)
        let first = AssignmentSolver.solve(try instance.problem())
        for _ in 0..<5 { #expect(AssignmentSolver.solve(try instance.problem()) == first) }
    }
}
