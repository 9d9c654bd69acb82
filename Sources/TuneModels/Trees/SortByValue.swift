/// Sorts (value, sample) pairs by value in place, allocating nothing: introsort (quicksort with
/// median-of-three pivots, insertion sort below 16 elements, heapsort past a depth of 2·log₂ n),
/// as scikit-learn's splitter. The standard library's sort is a stable merge sort that allocates a
/// buffer per call, which dominated tree growing.
func sortByValue(_ pairs: UnsafeMutableBufferPointer<(value: Float, sample: Int32)>) {
    guard pairs.count > 1 else { return }
    introsort(pairs, 0, pairs.count, depthLimit: 2 * (Int.bitWidth - pairs.count.leadingZeroBitCount))
}

private func introsort(_ a: UnsafeMutableBufferPointer<(value: Float, sample: Int32)>, _ low: Int, _ high: Int, depthLimit: Int) {
    var low = low, high = high, depthLimit = depthLimit
    while high - low > 16 {
        if depthLimit == 0 {
            heapsort(a, low, high)
            return
        }
        depthLimit -= 1
        let middle = low + (high - low) / 2
        // Median of three to a[low], then partition around it.
        if a[middle].value < a[low].value { a.swapAt(middle, low) }
        if a[high - 1].value < a[low].value { a.swapAt(high - 1, low) }
        if a[high - 1].value < a[middle].value { a.swapAt(high - 1, middle) }
        a.swapAt(low, middle)
        let pivot = a[low].value
        var i = low + 1, j = high - 1
        while true {
            while i <= j && a[i].value < pivot { i += 1 }
            while i <= j && a[j].value > pivot { j -= 1 }
            if i >= j { break }
            a.swapAt(i, j)
            i += 1
            j -= 1
        }
        a.swapAt(low, j)
        // Recurse into the smaller side, loop on the larger.
        if j - low < high - j - 1 {
            introsort(a, low, j, depthLimit: depthLimit)
            low = j + 1
        } else {
            introsort(a, j + 1, high, depthLimit: depthLimit)
            high = j
        }
    }
    for i in (low + 1)..<max(high, low + 1) {
        let item = a[i]
        var j = i - 1
        while j >= low && a[j].value > item.value {
            a[j + 1] = a[j]
            j -= 1
        }
        a[j + 1] = item
    }
}

private func heapsort(_ a: UnsafeMutableBufferPointer<(value: Float, sample: Int32)>, _ low: Int, _ high: Int) {
    let count = high - low
    func siftDown(_ start: Int, _ end: Int) {
        var root = start
        while 2 * root + 1 < end {
            var child = 2 * root + 1
            if child + 1 < end && a[low + child].value < a[low + child + 1].value { child += 1 }
            if a[low + root].value >= a[low + child].value { return }
            a.swapAt(low + root, low + child)
            root = child
        }
    }
    for start in stride(from: count / 2 - 1, through: 0, by: -1) { siftDown(start, count) }
    for end in stride(from: count - 1, to: 0, by: -1) {
        a.swapAt(low, low + end)
        siftDown(0, end)
    }
}
