// Clocks and the process's peak memory.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock timing and peak resident memory.
enum Measure {
    /// Runs `body` and returns its result with the wall-clock seconds it took.
    static func time<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (value: T, seconds: Double) {
        let start = ContinuousClock.now
        let value = try body()
        return (value, seconds(since: start))
    }

    /// Seconds from `start` to now.
    static func seconds(since start: ContinuousClock.Instant) -> Double { start.secondsElapsed }

    /// CPU seconds (user + system) this process has used so far.
    static func cpuSeconds() -> Double? {
        guard let usage = usage() else { return nil }
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
    }

    /// The machine's 1-minute load average (runnable processes), to tell a quiet machine from a busy one.
    static func loadAverage() -> Double? {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 1) == 1 else { return nil }
        return loads[0]
    }

    /// The most resident memory this process has held so far, in MiB (`ru_maxrss`).
    ///
    /// The figure only grows: in one process it is the peak over everything run so far,
    /// which is why `--isolate` runs each scenario in a fresh child process.
    static func peakResidentMiB() -> Double? {
        guard let usage = usage() else { return nil }
        #if canImport(Darwin)
        return Double(usage.ru_maxrss) / 1_048_576 // bytes on Darwin
        #else
        return Double(usage.ru_maxrss) / 1024 // KiB on Linux
        #endif
    }
}

extension Measure {
    /// This process's resource usage (`getrusage(RUSAGE_SELF)`).
    fileprivate static func usage() -> rusage? {
        var usage = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return nil }
        return usage
    }
}

/// Writes a line to standard error (progress; standard output stays free).
func log(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
