/// Finds which of many names occur in a text in one pass over the text (Aho–Corasick over
/// Unicode scalars): matching every project name against every paragraph would be
/// paragraphs × names, and real reports have hundreds of each.
public struct NameMatcher: Sendable {
    private var next: [[Unicode.Scalar: Int]] = [[:]]
    private var fail: [Int] = [0]
    /// The names (indices) that end at each state, including through failure links.
    private var output: [[Int]] = [[]]

    public init(_ names: [String]) {
        for (index, name) in names.enumerated() {
            var state = 0
            for scalar in name.unicodeScalars {
                if let known = next[state][scalar] { state = known; continue }
                next.append([:]); fail.append(0); output.append([])
                next[state][scalar] = next.count - 1
                state = next.count - 1
            }
            if state != 0 { output[state].append(index) }
        }
        // Breadth first: a state's failure link is the longest proper suffix that is a state.
        var queue = Array(next[0].values)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (scalar, child) in next[state] {
                var link = fail[state]
                while link != 0, next[link][scalar] == nil { link = fail[link] }
                let target = next[link][scalar] ?? 0
                fail[child] = target == child ? 0 : target
                output[child] += output[fail[child]]
                queue.append(child)
            }
        }
    }

    /// The indices of the names that occur in `text`, each once, in ascending order.
    public func names(in text: String) -> [Int] {
        var found = Set<Int>()
        var state = 0
        for scalar in text.unicodeScalars {
            while state != 0, next[state][scalar] == nil { state = fail[state] }
            state = next[state][scalar] ?? 0
            for index in output[state] { found.insert(index) }
        }
        return found.sorted()
    }
}
