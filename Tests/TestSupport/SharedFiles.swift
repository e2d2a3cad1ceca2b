// Where the tests find the repository's examples and the shared fixtures.
public import Foundation

/// The files tests read: the repository's `Examples/` and the shared fixtures beside it.
public enum SharedFiles {
    /// The repository root (two folders up from this file's folder).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Examples/` in the repository.
    public static var examples: URL { repositoryRoot.appendingPathComponent("Examples", isDirectory: true) }

    /// The fixtures of one format version: `../shared/fixtures` (v1) or `../shared/fixtures-v2`
    /// beside the repository, or `$CAPACITY_PLANNER_FIXTURES` / `$CAPACITY_PLANNER_FIXTURES_V2`.
    public static func fixtures(version: Int = 1) -> URL {
        let variable = version == 1 ? "CAPACITY_PLANNER_FIXTURES" : "CAPACITY_PLANNER_FIXTURES_V\(version)"
        if let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        let folder = version == 1 ? "fixtures" : "fixtures-v\(version)"
        return repositoryRoot.deletingLastPathComponent()
            .appendingPathComponent("shared", isDirectory: true).appendingPathComponent(folder, isDirectory: true)
    }
}
