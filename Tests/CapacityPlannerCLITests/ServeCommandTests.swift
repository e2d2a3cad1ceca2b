// `capacity-planner serve`: the flags that keep portfolios private are checked before it binds.
import Foundation
import Testing

@Suite("serve, end to end")
struct ServeCommandTests {
    @Test("serve refuses a non-loopback address without API keys, naming the way out; a bad --store is named")
    func refusesOpenBinding() throws {
        let open = try CLI.run(["serve", "--host", "0.0.0.0", "--port", "0", "--store", "memory"])
        #expect(open.status == 64 || open.status == 2, "\(open)")
        #expect(open.stderr.contains("--api-keys") && open.stderr.contains("--insecure-no-auth"), "\(open)")
        let store = try CLI.run(["serve", "--port", "0", "--store", "mongodb://x"])
        #expect(store.status != 0, "\(store)")
        #expect(store.stderr.contains("--store"), "\(store)")
    }

    @Test("serve --api-keys with a broken file says which line is wrong")
    func brokenKeyFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("keys.txt")
        try "good-key-0123456789abcdef acme\nshort globex\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["serve", "--port", "0", "--store", "memory", "--api-keys", file.path])
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("keys.txt:2") && result.stderr.contains("16 characters"), "\(result)")
    }
}
