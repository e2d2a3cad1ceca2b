// What the tool may draw on a terminal: in-place progress lines and colour.
import CapacityPlanning
import Foundation

/// Facts about the standard streams that decide how output looks.
///
/// Progress is drawn only on a terminal; colour only on a terminal whose `TERM`
/// is not `dumb` and when `NO_COLOR` is unset or empty (https://no-color.org).
enum Terminal {
    /// Whether file descriptor `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Whether escape sequences that move the cursor may be written to `fd`.
    static func canRedraw(_ fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isTerminal(fd) && environment["TERM"] != "dumb"
    }

    /// Whether colour may be written to `fd`.
    static func usesColor(_ fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        canRedraw(fd, environment: environment) && (environment["NO_COLOR"] ?? "").isEmpty
    }
}

/// ANSI text styles, applied only when colour is on.
struct TextStyle: Sendable {
    /// Whether styles produce escape sequences.
    let enabled: Bool

    /// Plain text: no escape sequences.
    static let plain = TextStyle(enabled: false)

    /// The style for standard output or standard error, following `Terminal.usesColor`.
    static func forStream(_ fd: Int32) -> TextStyle { TextStyle(enabled: Terminal.usesColor(fd)) }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Bold.
    func bold(_ text: String) -> String { wrap(text, "1") }
    /// Dim (secondary information).
    func dim(_ text: String) -> String { wrap(text, "2") }
    /// Green (good news).
    func green(_ text: String) -> String { wrap(text, "32") }
    /// Red (errors, broken rules).
    func red(_ text: String) -> String { wrap(text, "31") }
    /// Yellow (warnings).
    func yellow(_ text: String) -> String { wrap(text, "33") }
}

/// One progress line on standard error, redrawn in place about four times a second.
///
/// It appears only once the solve has run for a second, and only when standard
/// error is a terminal (`forStandardError()` returns `nil` otherwise, so
/// redirected or piped runs stay quiet). The elapsed time is the line's own
/// clock, so it keeps ticking while a planner is between reports.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private let style: TextStyle
    private var latest: PlanningProgressSnapshot?
    private var drawn = false
    private var finished = false
    private var timer: (any DispatchSourceTimer)?

    /// What the line shows from the latest planner report.
    struct PlanningProgressSnapshot: Equatable, Sendable {
        /// The planner reporting.
        var planner: String
        /// Best objective found so far.
        var incumbent: Double?
        /// Best proven upper bound.
        var bound: Double?
        /// Relative gap, when both are known.
        var gap: Double?
        /// What proves the bound.
        var boundSource: BoundSource? = nil
    }

    /// A progress line when standard error is a terminal (and `TERM` is not `dumb`), else `nil`.
    static func forStandardError() -> ProgressLine? {
        Terminal.canRedraw(STDERR_FILENO) ? ProgressLine(style: .forStream(STDERR_FILENO)) : nil
    }

    private init(style: TextStyle) {
        self.style = style
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer.schedule(deadline: .now() + 1, repeating: 0.25)
        timer.setEventHandler { [weak self] in self?.redraw() }
        self.timer = timer
        timer.resume()
    }

    /// Records a planner's report; the timer draws it.
    func update(planner: String, incumbent: Double?, bound: Double?, gap: Double?, boundSource: BoundSource? = nil) {
        lock.lock()
        defer { lock.unlock() }
        let same = planner == latest?.planner
        latest = PlanningProgressSnapshot(planner: planner, incumbent: incumbent ?? latest?.incumbent,
                                          bound: bound ?? (same ? latest?.bound : nil),
                                          gap: gap ?? (same ? latest?.gap : nil),
                                          boundSource: bound == nil && same ? latest?.boundSource : boundSource)
    }

    /// The text of the line (without escape sequences for the cursor).
    static func text(_ snapshot: PlanningProgressSnapshot?, elapsed: Double, style: TextStyle = .plain) -> String {
        let incumbent = snapshot?.incumbent.map { Format.money($0) } ?? "–"
        let bound = snapshot?.bound.map { Format.money($0) } ?? "–"
        let gap = snapshot?.gap.map { Format.percent($0, decimals: 2) } ?? "–"
        let planner = snapshot?.planner ?? "solving"
        return style.dim(String(format: "%6.1fs", elapsed)) + "  " + style.bold(planner)
            + "  incumbent \(incumbent)  bound \(bound)  gap \(gap)"
            + (snapshot?.boundSource.map { style.dim("  (\($0.description))") } ?? "")
    }

    private func redraw() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        drawn = true
        let line = Self.text(latest, elapsed: Date().timeIntervalSince(started), style: style)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    /// Stops redrawing and clears the line.
    func finish() {
        timer?.cancel()
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
