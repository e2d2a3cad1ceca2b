// Cycles in the dependency graph, for validation's "dependency cycle" error.

/// Cycle finding on the `dependsOn` graph, iterative so that long chains cannot overflow the stack.
enum DependencyGraph {
    /// The strongly connected components that contain a cycle (more than one project, or a self-dependency).
    ///
    /// - Complexity: O(V + E) (Tarjan's algorithm).
    static func cycles(_ edges: [[Int]]) -> [[Int]] {
        let count = edges.count
        var order = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var frames: [(node: Int, edge: Int)] = []
        var counter = 0
        var result: [[Int]] = []
        for root in 0..<count where order[root] < 0 {
            order[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            frames.append((root, 0))
            while let frame = frames.last {
                let v = frame.node
                if frame.edge < edges[v].count {
                    frames[frames.count - 1].edge += 1
                    let w = edges[v][frame.edge]
                    if order[w] < 0 {
                        order[w] = counter
                        low[w] = counter
                        counter += 1
                        stack.append(w)
                        onStack[w] = true
                        frames.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], order[w])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[v]) }
                guard low[v] == order[v] else { continue }
                var component: [Int] = []
                while let w = stack.popLast() {
                    onStack[w] = false
                    component.append(w)
                    if w == v { break }
                }
                if component.count > 1 || edges[v].contains(v) { result.append(component) }
            }
        }
        return result.sorted { ($0.min() ?? 0) < ($1.min() ?? 0) }
    }

    /// A shortest cycle `start -> … -> start` using only projects of `members`.
    static func cycle(through start: Int, within members: Set<Int>, _ edges: [[Int]]) -> [Int]? {
        var parent: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for w in edges[v] where members.contains(w) {
                if w == start {
                    var path = [v]
                    while let p = parent[path[path.count - 1]] { path.append(p) }
                    return path.reversed() + [start]
                }
                if parent[w] == nil, w != start {
                    parent[w] = v
                    queue.append(w)
                }
            }
        }
        return nil
    }
}
