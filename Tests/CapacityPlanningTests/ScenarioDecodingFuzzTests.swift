import StrictJSON
import CapacityPlanning
import Foundation
import Testing

/// Seeded random mutations of the valid fixtures: decoding must never crash, and must
/// either reject the document with at least one error or accept a scenario that validates.
@Suite("Scenario decoding under random mutations")
struct ScenarioDecodingFuzzTests {
    static let mutationsPerFixture = 300

    @Test func thereAreFixturesToMutate() throws {
        #expect(try DecodingFixtures.validNames().count >= 15)
    }

    @Test(arguments: (try? DecodingFixtures.validNames()) ?? [])
    func mutatedFixturesAreRejectedOrValid(name: String) throws {
        let original = try JSONValue(parsing: try DecodingFixtures.data(name))
        var random = FuzzRandom(seed: Self.seed(name))
        var outcome = (accepted: 0, rejected: 0)
        for round in 0..<Self.mutationsPerFixture {
            let mutation = JSONMutator.mutate(original, using: &random)
            let accepted = try Self.check(mutation.bytes, context: "\(name) round \(round): \(mutation.log)")
            if accepted { outcome.accepted += 1 } else { outcome.rejected += 1 }
            if !mutation.textChanged {
                let foundation = (try? JSONDecoder().decode(Scenario.self, from: Data(mutation.bytes))) != nil
                #expect(foundation == accepted, "\(name) round \(round): \(mutation.log)")
            }
        }
        #expect(outcome.rejected > 0)
        #expect(outcome.accepted > 0)
    }

    /// Decodes `bytes`; returns whether it was accepted, after checking what either outcome promises.
    private static func check(_ bytes: [UInt8], context: @autoclosure () -> String) throws -> Bool {
        let decoded: (scenario: Scenario, warnings: [ScenarioIssue])
        do {
            decoded = try Scenario.decodeWithWarnings(jsonBytes: bytes)
        } catch {
            #expect(!error.issues.isEmpty, "\(context())")
            #expect(error.issues.allSatisfy { $0.severity == .error && !$0.message.isEmpty }, "\(context())")
            return false
        }
        let scenario = decoded.scenario
        #expect(decoded.warnings.allSatisfy { $0.severity == .warning }, "\(context())")
        #expect(scenario.validate().allSatisfy { $0.severity == .warning }, "\(context())")
        #expect(try Scenario.decode(jsonBytes: scenario.jsonValue.serialized()) == scenario, "\(context())")
        // Every valid scenario normalises, however large its durations (they are cut to the horizon).
        let problem = try PlanningProblem(scenario)
        #expect(problem.projects.count == scenario.projects.count)
        return true
    }

    /// FNV-1a of the name: a seed that stays the same from run to run.
    private static func seed(_ name: String) -> UInt64 {
        name.utf8.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}

/// Random damage to a JSON document: on the tree (delete, retype, negate, enlarge, rename, duplicate)
/// and, now and then, on the text (NaN-ish tokens, huge numbers, truncation, stray bytes).
enum JSONMutator {
    struct Mutation {
        var bytes: [UInt8]
        var log: [String]
        /// Whether the text itself was damaged (or an object given a repeated key), which
        /// `JSONDecoder` judges differently.
        var textChanged: Bool
    }

    private enum Step {
        case key(Int)
        case index(Int)
    }

    static func mutate(_ original: JSONValue, using random: inout FuzzRandom) -> Mutation {
        var value = original
        var log: [String] = []
        var textChanged = false
        let strings = collectStrings(original)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            var paths: [[Step]] = []
            collectPaths(value, prefix: [], into: &paths)
            guard let path = paths.randomElement(using: &random) else { break }
            value = modify(value, path[...]) { node in
                let (replacement, note, repeatedKey) = replace(node, strings: strings, using: &random)
                log.append("\(note) at \(describe(path, in: value))")
                textChanged = textChanged || repeatedKey
                return replacement
            } ?? .null
        }
        var bytes = value.serialized(pretty: Bool.random(using: &random))
        if Int.random(in: 0..<4, using: &random) == 0 {
            let (damaged, note) = damageText(bytes, using: &random)
            bytes = damaged
            log.append(note)
            textChanged = true
        }
        return Mutation(bytes: bytes, log: log, textChanged: textChanged)
    }

    // MARK: Tree

    private static func collectPaths(_ value: JSONValue, prefix: [Step], into paths: inout [[Step]]) {
        paths.append(prefix)
        switch value {
        case .array(let elements):
            for i in elements.indices { collectPaths(elements[i], prefix: prefix + [.index(i)], into: &paths) }
        case .object(let members):
            for i in members.indices { collectPaths(members[i].value, prefix: prefix + [.key(i)], into: &paths) }
        default:
            break
        }
    }

    private static func collectStrings(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let string): [string]
        case .array(let elements): elements.flatMap(collectStrings)
        case .object(let members): members.flatMap { [$0.key] + collectStrings($0.value) }
        default: []
        }
    }

    private static func describe(_ path: [Step], in value: JSONValue) -> String {
        var text = ""
        var node = value
        for step in path {
            switch (step, node) {
            case (.index(let i), .array(let elements)) where elements.indices.contains(i):
                text += "[\(i)]"
                node = elements[i]
            case (.key(let i), .object(let members)) where members.indices.contains(i):
                text += "." + members[i].key
                node = members[i].value
            default:
                return text
            }
        }
        return text.isEmpty ? "the top" : text
    }

    /// Applies `change` at `path`; a `nil` result deletes the node from its parent.
    private static func modify(
        _ value: JSONValue, _ path: ArraySlice<Step>, _ change: (JSONValue) -> JSONValue?
    ) -> JSONValue? {
        guard let step = path.first else { return change(value) }
        switch (step, value) {
        case (.index(let i), .array(var elements)) where elements.indices.contains(i):
            if let child = modify(elements[i], path.dropFirst(), change) {
                elements[i] = child
            } else {
                elements.remove(at: i)
            }
            return .array(elements)
        case (.key(let i), .object(var members)) where members.indices.contains(i):
            if let child = modify(members[i].value, path.dropFirst(), change) {
                members[i].value = child
            } else {
                members.remove(at: i)
            }
            return .object(members)
        default:
            return value
        }
    }

    /// A replacement for `node` (nil deletes it), a note of what was done, and whether a key was repeated.
    private static func replace(
        _ node: JSONValue, strings: [String], using random: inout FuzzRandom
    ) -> (JSONValue?, String, Bool) {
        switch Int.random(in: 0..<10, using: &random) {
        case 0: return (nil, "deleted", false)
        case 1: return (.null, "nulled", false)
        case 2:
            let other: [JSONValue] = [.string("1"), .number(1), .bool(true), .array([]), .object([]), .array([.number(1)])]
            let pick = other.randomElement(using: &random) ?? .null
            return (pick, "retyped to \(String(decoding: pick.serialized(), as: UTF8.self))", false)
        default: break
        }
        switch node {
        case .number(let number):
            let choices: [Double] = [
                -number, number + 0.5, 0, -1, 1e300, 1e15, 9_007_199_254_740_992, 9_007_199_254_740_994,
                Double(Int.random(in: -3...20, using: &random)), number * 1000, .leastNonzeroMagnitude, -0.0,
            ]
            let pick = choices.randomElement(using: &random) ?? 0
            return (.number(pick), "number \(number) -> \(pick)", false)
        case .string(let string):
            let choices = ["", "zzz", strings.randomElement(using: &random) ?? "", string + "x", String(string.reversed()),
                           "é😀", "\u{0}\n", String(string.dropFirst())]
            let pick = choices.randomElement(using: &random) ?? ""
            return (.string(pick), "string '\(string)' -> '\(pick)'", false)
        case .bool(let bool):
            return (.bool(!bool), "flipped", false)
        case .null:
            return (.number(1), "null -> 1", false)
        case .array(let elements):
            return mutateArray(elements, using: &random)
        case .object(let members):
            return mutateObject(members, strings: strings, using: &random)
        }
    }

    private static func mutateArray(_ elements: [JSONValue], using random: inout FuzzRandom) -> (JSONValue?, String, Bool) {
        var elements = elements
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            guard let copy = elements.randomElement(using: &random) else { return (.array([.null]), "null added", false) }
            elements.append(copy)
            return (.array(elements), "element duplicated", false)
        case 1:
            guard !elements.isEmpty else { return (.array([]), "kept empty", false) }
            elements.remove(at: Int.random(in: elements.indices, using: &random))
            return (.array(elements), "element removed", false)
        case 2:
            return (.array(elements.reversed()), "reversed", false)
        default:
            return (.array([]), "emptied", false)
        }
    }

    private static func mutateObject(
        _ members: [(key: String, value: JSONValue)], strings: [String], using random: inout FuzzRandom
    ) -> (JSONValue?, String, Bool) {
        var members = members
        switch Int.random(in: 0..<4, using: &random) {
        case 0 where !members.isEmpty:
            let i = Int.random(in: members.indices, using: &random)
            let old = members[i].key
            let typo = [String(old.dropLast()), old.uppercased(), old + "s", String(old.reversed())]
                .randomElement(using: &random) ?? old
            members[i].key = typo
            return (.object(members), "key '\(old)' renamed '\(typo)'", members.filter { $0.key == typo }.count > 1)
        case 1:
            members.append((strings.randomElement(using: &random) ?? "extra", .number(1)))
            let repeated = Set(members.map(\.key)).count < members.count
            return (.object(members), "member added", repeated)
        case 2 where !members.isEmpty:
            members.remove(at: Int.random(in: members.indices, using: &random))
            return (.object(members), "member removed", false)
        default:
            return (.object([]), "emptied", false)
        }
    }

    // MARK: Text

    private static func damageText(_ bytes: [UInt8], using random: inout FuzzRandom) -> ([UInt8], String) {
        var bytes = bytes
        guard !bytes.isEmpty else { return (bytes, "empty") }
        switch Int.random(in: 0..<5, using: &random) {
        case 0, 1:
            let numbers = numberRanges(bytes)
            guard let range = numbers.randomElement(using: &random) else { return (bytes, "no number") }
            let token = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "01", "1.", "-", "0x1F",
                         "1e999999999", "123456789012345678901234567890"].randomElement(using: &random) ?? "NaN"
            bytes.replaceSubrange(range, with: Array(token.utf8))
            return (bytes, "number token -> \(token)")
        case 2:
            let end = Int.random(in: 0..<bytes.count, using: &random)
            return (Array(bytes[..<end]), "truncated at \(end)")
        case 3:
            let at = Int.random(in: 0..<bytes.count, using: &random)
            bytes.remove(at: at)
            return (bytes, "byte \(at) removed")
        default:
            let at = Int.random(in: 0...bytes.count, using: &random)
            let stray = Array("{}[],:\"\\0aé\u{1}".utf8) + [0xFF, 0xC3]
            let byte = stray.randomElement(using: &random) ?? 0
            bytes.insert(byte, at: at)
            return (bytes, "byte \(byte) inserted at \(at)")
        }
    }

    /// Ranges of number tokens outside strings.
    private static func numberRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var inString = false
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if inString {
                if byte == UInt8(ascii: "\\") { i += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
                i += 1
                continue
            }
            if byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                let start = i
                while i < bytes.count, "0123456789+-.eE".utf8.contains(bytes[i]) { i += 1 }
                ranges.append(start..<i)
                continue
            }
            i += 1
        }
        return ranges
    }
}
