// API keys: a file of `KEY TENANT [LIMIT=VALUE …]` lines, compared in constant time, reloaded on SIGHUP.
import Foundation
import Synchronization

/// The keys `serve --api-keys FILE` accepts, the tenant each one acts for and the tenants'
/// own limits. The file has one `KEY TENANT` pair per line, optionally followed by limits of the
/// tenant (`maxJobs=20 maxRunning=2 requestsPerSecond=5 maxTimeLimit=120`, `TenantLimits`);
/// blank lines and lines starting with `#` are skipped. A key is at least 16 characters; a
/// tenant is letters, digits, `-`, `_` and `.`; two lines of one tenant that both give limits
/// must give the same.
final class APIKeys: Sendable {
    /// Why a key file cannot be used, naming the line.
    struct FileError: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    let path: String
    /// The keys, and the limits of the tenants whose lines give some.
    private struct Contents {
        var keys: [(key: [UInt8], tenant: String)] = []
        var limits: [String: TenantLimits] = [:]
    }

    private let contents: Mutex<Contents>

    /// Reads `path` (throws naming the line that is wrong).
    init(path: String) throws(FileError) {
        self.path = path
        contents = Mutex(try Self.read(path))
    }

    /// How many keys are loaded.
    var count: Int { contents.withLock { $0.keys.count } }

    /// The limits `tenant`'s lines give, if any.
    func limits(of tenant: String) -> TenantLimits? { contents.withLock { $0.limits[tenant] } }

    /// Every tenant whose lines give limits, with them.
    var allLimits: [String: TenantLimits] { contents.withLock { $0.limits } }

    /// Reads the file again; on an error the keys in use stay as they were.
    func reload() throws(FileError) {
        let fresh = try Self.read(path)
        contents.withLock { $0 = fresh }
    }

    /// The tenant of `candidate`, or `nil` when no key matches. Every key is compared in full,
    /// in time that depends only on the lengths, so the answer's timing does not reveal how
    /// much of a key was right.
    func tenant(for candidate: Substring) -> String? {
        let given = Array(candidate.utf8)
        return contents.withLock { contents in
            var found: String?
            for entry in contents.keys where Self.constantTimeEqual(entry.key, given) && found == nil {
                found = entry.tenant
            }
            return found
        }
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0
    }

    private static func read(_ path: String) throws(FileError) -> Contents {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FileError(description: "--api-keys: cannot read \(path): \(error.localizedDescription)")
        }
        var out = Contents()
        var seen = Set<String>()
        var limitsLine: [String: Int] = [:]
        let tenantCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let place = "\(path):\(index + 1)"
            guard fields.count >= 2 else { throw FileError(description: "\(place): expected 'KEY TENANT', got \(fields.count) field") }
            let (key, tenant) = (String(fields[0]), String(fields[1]))
            guard key.count >= 16 else { throw FileError(description: "\(place): a key must have at least 16 characters") }
            guard tenant.unicodeScalars.allSatisfy(tenantCharacters.contains) else {
                throw FileError(description: "\(place): tenant '\(tenant)' may only have letters, digits, '-', '_' and '.'")
            }
            guard seen.insert(key).inserted else { throw FileError(description: "\(place): the key is listed twice") }
            out.keys.append((Array(key.utf8), tenant))
            guard fields.count > 2 else { continue }
            var limits = TenantLimits()
            for field in fields.dropFirst(2) {
                let parts = field.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else {
                    throw FileError(description: "\(place): '\(field)' is not a limit NAME=VALUE (\(TenantLimits.fields.joined(separator: ", ")))")
                }
                if let problem = limits.set(String(parts[0]), String(parts[1])) { throw FileError(description: "\(place): \(problem)") }
            }
            if let earlier = out.limits[tenant], earlier != limits, let first = limitsLine[tenant] {
                throw FileError(description: "\(place): tenant '\(tenant)' has other limits on line \(first); give them once, or the same")
            }
            out.limits[tenant] = limits
            limitsLine[tenant] = limitsLine[tenant] ?? index + 1
        }
        guard !out.keys.isEmpty else { throw FileError(description: "--api-keys: \(path) has no keys") }
        return out
    }
}
