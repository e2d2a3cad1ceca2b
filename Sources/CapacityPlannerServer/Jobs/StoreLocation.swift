// `serve --store URL`: which store, where.
import Logging

/// The `--store` values: `memory`, `sqlite:PATH`, `postgres://USER@HOST:PORT/DATABASE`.
enum StoreLocation {
    /// What `--store` may say, for error messages.
    static let forms = "memory, sqlite:PATH or postgres://USER@HOST:PORT/DATABASE"

    /// Why `value` is not a store location, or `nil` when it is one.
    static func problem(_ value: String) -> String? {
        if value == "memory" || value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") { return nil }
        if value.hasPrefix("sqlite:") { return value.count > "sqlite:".count ? nil : "--store: sqlite: needs a file path" }
        return "--store: '\(value)' is not one of \(forms)"
    }

    /// Opens the store `value` names (not yet prepared).
    static func open(_ value: String, logger: Logger) async throws(JobStoreError) -> any JobStore {
        if value == "memory" { return try await SQLiteJobStore.open(path: nil) }
        if value.hasPrefix("sqlite:") { return try await SQLiteJobStore.open(path: String(value.dropFirst("sqlite:".count))) }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") { return try PostgresJobStore(url: value, logger: logger) }
        throw JobStoreError(message: problem(value) ?? "unknown store '\(value)'")
    }
}
