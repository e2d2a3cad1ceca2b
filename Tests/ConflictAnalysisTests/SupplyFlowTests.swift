// The max flow behind shared supply.
@testable import ConflictAnalysis
import Testing

@Suite("SupplyFlow")
struct SupplyFlowTests {
    @Test("two lines sharing one person: served up to her hours, one short group naming her")
    func shared() {
        let flow = SupplyFlow(lines: [.init(hours: 30, people: [0]), .init(hours: 30, people: [0])], capacity: { _ in 40 })
        #expect(flow.totalServed == 40)
        #expect(flow.shortage == 20)
        let groups = flow.shortGroups()
        #expect(groups.count == 1)
        #expect(groups.first?.lines == [0, 1] && groups.first?.people == [0] && groups.first?.shortage == 20)
    }

    @Test("independent shortages form separate groups; a served line with its own person is in none")
    func separateGroups() {
        let flow = SupplyFlow(lines: [.init(hours: 50, people: [0]), .init(hours: 10, people: [1]), .init(hours: 25, people: [2, 3])],
                              capacity: { [40, 40, 10, 10][$0] })
        #expect(flow.shortage == 15)
        let groups = flow.shortGroups()
        #expect(groups.map(\.lines) == [[0], [2]])
        #expect(groups.map(\.shortage) == [10, 5])
        #expect(groups.map(\.people) == [[0], [2, 3]])
    }

    @Test("flexible people are routed to where only they can help (augmenting paths)")
    func rerouting() {
        // Person 0 can serve both lines, person 1 only the first: a greedy fill of line 0 by person 0 would strand line 1.
        let flow = SupplyFlow(lines: [.init(hours: 40, people: [0, 1]), .init(hours: 40, people: [0])], capacity: { _ in 40 })
        #expect(flow.shortage == 0)
        #expect(flow.shortGroups().isEmpty)
    }

    @Test("a line nobody can serve is short by all its hours")
    func nobody() {
        let flow = SupplyFlow(lines: [.init(hours: 12, people: [])], capacity: { _ in 40 })
        #expect(flow.shortGroups().map(\.shortage) == [12])
        #expect(flow.shortGroups().first?.people == [])
    }
}
