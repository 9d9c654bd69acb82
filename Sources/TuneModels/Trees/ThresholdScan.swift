import Foundation

/// The exact split search of CART along one feature: given a node's rows in ascending order of
/// the feature, scores every threshold between distinct neighbouring values (the midpoint) by
/// the weighted impurity of the two children, moving rows from right to left with running
/// statistics — O(1) per row for Gini and squared error (sums of squares kept incrementally),
/// O(classes) for entropy.
///
/// Holds pointers into the tree's training arrays; valid only inside the closure that made it.
struct ThresholdScan {
    let weights: UnsafeBufferPointer<Double>
    /// Class index (classification) or target value (regression) per row.
    let targets: UnsafeBufferPointer<Double>
    /// 0 for regression.
    let classCount: Int
    let criterion: SplitCriterion
    let minimumLeaf: Int
    /// Class weights left and right of the threshold (classification), `classCount` each.
    let leftCounts: UnsafeMutableBufferPointer<Double>
    let rightCounts: UnsafeMutableBufferPointer<Double>

    /// The threshold of lowest child impurity among those more than 1e-12 below `bar` (the best
    /// found so far at this node; nil: none yet), or nil if none is; ties keep the first.
    /// - Parameters:
    ///   - rows: the node's rows sorted by `values`, at least two, not all of one value.
    ///   - weight: the node's total weight.
    ///   - classWeights: the node's weight per class (classification).
    func best(
        rows: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>, weight: Double,
        classWeights: UnsafeBufferPointer<Double>, bar: Double?
    ) -> (threshold: Float, childImpurity: Double)? {
        let count = rows.count
        // Every child impurity is finite, so "no bar" is an infinite one.
        var bar = bar ?? .infinity
        var found: (threshold: Float, childImpurity: Double)?
        // Thresholds after positions firstOffer...lastOffer leave `minimumLeaf` rows on each side.
        let (firstOffer, lastOffer) = (minimumLeaf - 1, count - minimumLeaf - 1)
        guard firstOffer <= lastOffer else { return nil }
        // Moves rows 0...lastOffer to the left one at a time (`move`), offering the threshold after
        // each from firstOffer on, between distinct values only; `childImpurity` gives the
        // threshold's child impurity, or nil when it cannot beat `bar`.
        @inline(__always) func sweep(_ move: (Int) -> Void, _ childImpurity: (_ bar: Double) -> Double?) {
            for offset in 0..<firstOffer { move(Int(rows[offset])) }
            var value = values[Int(rows[firstOffer])]
            for offset in firstOffer...lastOffer {
                move(Int(rows[offset]))
                let next = values[Int(rows[offset + 1])]
                if next > value, let impurity = childImpurity(bar) {
                    if impurity < bar - 1e-12 {
                        var threshold = value / 2 + next / 2
                        if threshold >= next || threshold < value { threshold = value }
                        bar = impurity
                        found = (threshold, impurity)
                    }
                }
                value = next
            }
        }
        var leftWeight = 0.0
        if classCount == 0 {
            var rightSum = 0.0, rightSquares = 0.0, leftSum = 0.0, leftSquares = 0.0
            for row in rows {
                let (w, y) = (weights[Int(row)], targets[Int(row)])
                rightSum += w * y
                rightSquares += w * y * y
            }
            sweep({ row in
                let (w, y) = (weights[row], targets[row])
                leftWeight += w
                leftSum += w * y
                leftSquares += w * y * y
                rightSum -= w * y
                rightSquares -= w * y * y
            }, { _ in
                let rightWeight = weight - leftWeight
                return (leftSquares - leftSum * leftSum / leftWeight + rightSquares - rightSum * rightSum / rightWeight) / weight
            })
            return found
        }
        for k in 0..<classCount {
            leftCounts[k] = 0
            rightCounts[k] = classWeights[k]
        }
        if criterion == .entropy {
            sweep({ row in
                let (w, k) = (weights[row], Int(targets[row]))
                leftWeight += w
                leftCounts[k] += w
                rightCounts[k] -= w
            }, { _ in
                let rightWeight = weight - leftWeight
                return (leftWeight * entropy(leftCounts, leftWeight) + rightWeight * entropy(rightCounts, rightWeight)) / weight
            })
            return found
        }
        if classCount == 2 {
            // Two classes: the left side's weight and class-1 weight in registers (targets are 0
            // or 1), the rest derived at each threshold; no store-to-load chain through counts.
            let (total0, total1) = (classWeights[0], classWeights[1])
            var left1 = 0.0
            sweep({ row in
                let w = weights[row]
                leftWeight += w
                left1 += w * targets[row]
            }, { bar in
                let (left0, rightWeight) = (leftWeight - left1, weight - leftWeight)
                let (right0, right1) = (total0 - left0, total1 - left1)
                return giniChildImpurity(
                    leftWeight: leftWeight, leftSquares: left0 * left0 + left1 * left1,
                    rightWeight: rightWeight, rightSquares: right0 * right0 + right1 * right1, weight: weight, bar: bar)
            })
            return found
        }
        var rightSquares = 0.0, leftSquares = 0.0
        for k in 0..<classCount { rightSquares += rightCounts[k] * rightCounts[k] }
        sweep({ row in
            let (w, k) = (weights[row], Int(targets[row]))
            leftWeight += w
            let (l, r) = (leftCounts[k], rightCounts[k])
            leftSquares += (l + w) * (l + w) - l * l
            rightSquares += (r - w) * (r - w) - r * r
            leftCounts[k] = l + w
            rightCounts[k] = r - w
        }, { bar in
            giniChildImpurity(
                leftWeight: leftWeight, leftSquares: leftSquares, rightWeight: weight - leftWeight, rightSquares: rightSquares,
                weight: weight, bar: bar)
        })
        return found
    }

    /// The weighted Gini impurity of two children from their weights and sums of squared class
    /// weights, or nil when it cannot beat `bar`.
    ///
    /// Most thresholds are far from the best, so those are ruled out without dividing: the child
    /// impurity is (w − Σ)/w with Σ = leftSquares/leftWeight + rightSquares/rightWeight, which cannot
    /// beat the bar when Σ·lw·rw ≤ (w·(1 − bar) − margin)·lw·rw; the margin (1e-13 of w) is far
    /// wider than the rounding of either side and far below the 1e-12 tie tolerance.
    @inline(__always)
    private func giniChildImpurity(
        leftWeight: Double, leftSquares: Double, rightWeight: Double, rightSquares: Double, weight: Double, bar: Double
    ) -> Double? {
        let products = leftSquares * rightWeight + rightSquares * leftWeight
        if products <= (weight * (1 - bar) - 1e-13 * weight) * (leftWeight * rightWeight) { return nil }
        return (leftWeight - leftSquares / leftWeight + rightWeight - rightSquares / rightWeight) / weight
    }
}

/// The entropy (bits) of class weights `counts` summing to `weight`.
func entropy<Counts: Collection<Double>>(_ counts: Counts, _ weight: Double) -> Double {
    var total = 0.0
    for count in counts where count > 0 { total -= (count / weight) * log2(count / weight) }
    return total
}
