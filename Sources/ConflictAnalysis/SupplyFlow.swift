// Shared supply as a max flow: demand lines → qualified people → their usable hours.

/// The most hours a set of demand lines can get from people who each have limited hours and
/// may serve several lines (a person with two skills is one person, not two).
///
/// A max flow from a source through each line (capacity: its hours) to each qualified person
/// (unbounded) to a sink (capacity: the person's hours). The lines reachable from the source in
/// the residual graph form the canonical minimum cut: their demand minus their people's hours is
/// exactly the shortfall, and every person they reach is fully used. `shortGroups()` splits that
/// set into independent groups (no person in common).
///
/// - Complexity: Dinic's algorithm, O(V²·E) in the worst case; bipartite unit-depth graphs like
///   these finish in a few phases.
struct SupplyFlow {
    /// A demand line: hours wanted and the people (global indices) who may serve it.
    struct Line {
        /// Hours wanted.
        var hours: Double
        /// Global indices of the qualified people.
        var people: [Int]
    }

    /// A group of lines short of hours, with the people who can serve them.
    struct Group {
        /// Indices into `lines`.
        var lines: [Int]
        /// Global person indices.
        var people: [Int]
        /// Hours the lines want.
        var demand: Double
        /// Hours the people have.
        var supply: Double
        /// `demand − supply`.
        var shortage: Double { demand - supply }
    }

    /// The lines.
    let lines: [Line]
    /// Hours flowing to each line.
    private(set) var served: [Double]
    /// Total hours served.
    var totalServed: Double { served.reduce(0, +) }
    /// Total hours wanted.
    var totalDemand: Double { lines.reduce(0) { $0 + $1.hours } }
    /// Total shortfall.
    var shortage: Double { max(0, totalDemand - totalServed) }

    private var graph: FlowGraph
    private let personNode: [Int: Int]
    private let personOfNode: [Int: Int]
    private let capacityOf: (Int) -> Double

    /// Solves the max flow of `lines` against `capacity(person)`.
    init(lines: [Line], capacity: (Int) -> Double) {
        self.lines = lines
        var personNode: [Int: Int] = [:]
        var personOfNode: [Int: Int] = [:]
        let source = 0
        let lineBase = 1
        var next = lineBase + lines.count
        for line in lines {
            for p in line.people where personNode[p] == nil {
                personNode[p] = next
                personOfNode[next] = p
                next += 1
            }
        }
        let sink = next
        var graph = FlowGraph(nodes: sink + 1)
        var lineEdges: [Int] = []
        for (k, line) in lines.enumerated() {
            lineEdges.append(graph.addEdge(source, lineBase + k, max(0, line.hours)))
            for p in line.people { _ = graph.addEdge(lineBase + k, personNode[p] ?? sink, .infinity) }
        }
        var capacities: [Int: Double] = [:]
        for (p, node) in personNode.sorted(by: { $0.value < $1.value }) {
            let c = max(0, capacity(p))
            capacities[p] = c
            _ = graph.addEdge(node, sink, c)
        }
        graph.maxFlow(source: source, sink: sink)
        self.graph = graph
        self.personNode = personNode
        self.personOfNode = personOfNode
        self.served = lineEdges.map { graph.flow(of: $0) }
        self.capacityOf = { capacities[$0] ?? 0 }
    }

    /// The groups of lines that cannot all be served, each with the people who can serve them;
    /// groups share no person. Empty when every line is fully served.
    func shortGroups() -> [Group] {
        guard shortage > 1e-6 else { return [] }
        let reachable = graph.reachableFromSource(0)
        let lineBase = 1
        // Union lines that share a reachable person.
        var parent = Array(lines.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var firstLineOfPerson: [Int: Int] = [:]
        for k in lines.indices where reachable[lineBase + k] {
            for p in lines[k].people {
                guard let node = personNode[p], reachable[node] else { continue }
                if let other = firstLineOfPerson[p] {
                    let (a, b) = (find(k), find(other))
                    if a != b { parent[a] = b }
                } else {
                    firstLineOfPerson[p] = k
                }
            }
        }
        var byRoot: [Int: Group] = [:]
        for k in lines.indices where reachable[lineBase + k] {
            let root = find(k)
            var group = byRoot[root] ?? Group(lines: [], people: [], demand: 0, supply: 0)
            group.lines.append(k)
            group.demand += lines[k].hours
            byRoot[root] = group
        }
        for (p, k) in firstLineOfPerson {
            let root = find(k)
            byRoot[root]?.people.append(p)
            byRoot[root]?.supply += capacityOf(p)
        }
        return byRoot.values
            .map { group in
                var g = group
                g.people.sort()
                return g
            }
            .filter { $0.shortage > 1e-6 }
            .sorted { $0.lines.first ?? 0 < $1.lines.first ?? 0 }
    }
}

/// A directed graph with real capacities for Dinic's max flow.
struct FlowGraph {
    private var head: [Int]
    private var to: [Int] = []
    private var next: [Int] = []
    private var capacity: [Double] = []
    private var original: [Double] = []

    /// A graph of `nodes` nodes and no edges.
    init(nodes: Int) {
        head = Array(repeating: -1, count: nodes)
    }

    /// Adds `from → to` with `capacity` (and its residual twin); returns the edge's id.
    mutating func addEdge(_ from: Int, _ toNode: Int, _ cap: Double) -> Int {
        let id = to.count
        to.append(toNode); next.append(head[from]); capacity.append(cap); original.append(cap); head[from] = id
        to.append(from); next.append(head[toNode]); capacity.append(0); original.append(0); head[toNode] = id + 1
        return id
    }

    /// The flow on edge `id` after `maxFlow`.
    func flow(of id: Int) -> Double { max(0, original[id] - capacity[id]) }

    /// Nodes reachable from `source` through edges with residual capacity.
    func reachableFromSource(_ source: Int) -> [Bool] {
        levels(from: source).map { $0 >= 0 }
    }

    /// Breadth-first distance of every node from `source` through edges with residual
    /// capacity (−1 where unreachable): Dinic's level graph, and the minimum cut's source side.
    private func levels(from source: Int) -> [Int] {
        var level = Array(repeating: -1, count: head.count)
        level[source] = 0
        var queue = [source]
        var i = 0
        while i < queue.count {
            let u = queue[i]
            i += 1
            var e = head[u]
            while e >= 0 {
                if capacity[e] > 1e-9, level[to[e]] < 0 {
                    level[to[e]] = level[u] + 1
                    queue.append(to[e])
                }
                e = next[e]
            }
        }
        return level
    }

    /// Pushes the maximum flow from `source` to `sink`.
    mutating func maxFlow(source: Int, sink: Int) {
        while true {
            var level = levels(from: source)
            guard level[sink] >= 0 else { return }
            var cursor = head
            while true {
                let pushed = push(source, sink, .infinity, &level, &cursor)
                if pushed <= 1e-9 { break }
            }
        }
    }

    private mutating func push(_ u: Int, _ sink: Int, _ limit: Double, _ level: inout [Int], _ cursor: inout [Int]) -> Double {
        if u == sink { return limit }
        while cursor[u] >= 0 {
            let e = cursor[u]
            let v = to[e]
            if capacity[e] > 1e-9, level[v] == level[u] + 1 {
                let pushed = push(v, sink, min(limit, capacity[e]), &level, &cursor)
                if pushed > 1e-9 {
                    capacity[e] -= pushed
                    capacity[e ^ 1] += pushed
                    return pushed
                }
            }
            cursor[u] = next[e]
        }
        return 0
    }
}
