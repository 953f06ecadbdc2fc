extension Array {
    /// The elements from the longest to the shortest by `length`, those of equal length in
    /// their order here (as a stable sort keeps them). Each length is computed once: a
    /// String's `count` walks its characters, and sorting name tables with it in the
    /// comparator was a fifth of a small report's lint (issue 15).
    func sortedLongestFirst(by length: (Element) -> Int) -> [Element] {
        let lengths = map(length)
        return indices.sorted { lengths[$0] != lengths[$1] ? lengths[$0] > lengths[$1] : $0 < $1 }.map { self[$0] }
    }
}
