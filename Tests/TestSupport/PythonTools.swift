// Independent readers and writers for the file-format tests: Python with openpyxl and MPXJ (which needs Java).
public import Foundation

/// The Python interpreter the file-format tests run independent tools with.
///
/// `scripts/test` makes one (`.build/test-python`, with openpyxl, mpxj and JPype1 from PyPI)
/// and names it in `$CAPACITY_PLANNER_TEST_PYTHON`; without that variable, `python3` on the path.
public enum PythonTools {
    /// The interpreter.
    public static let python: URL? = {
        if let path = ProcessInfo.processInfo.environment["CAPACITY_PLANNER_TEST_PYTHON"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Why tests that need `modules` cannot run here, or `nil` when they can.
    public static func skipReason(_ modules: [String]) -> String? {
        guard let python else { return "no python3: run the tests with scripts/test, which installs the file-format tools" }
        let imports = modules.map { "import \($0)" }.joined(separator: "; ")
        guard let result = try? CommandRunner.run(python, ["-c", imports], directory: FileManager.default.temporaryDirectory,
                                                  timeout: 60),
              result.status == 0 else {
            return "\(python.path) cannot import \(modules.joined(separator: ", ")): run the tests with scripts/test, "
                + "which installs them (pip: \(modules.joined(separator: " ")))"
        }
        return nil
    }

    /// Why openpyxl tests cannot run, or `nil`.
    public static let openpyxlSkipReason = skipReason(["openpyxl"])
    /// Why MPXJ tests cannot run (they need Java too), or `nil`.
    public static let mpxjSkipReason: String? = {
        if let reason = skipReason(["mpxj", "jpype"]) { return reason }
        guard let python, let result = try? CommandRunner.run(
            python, ["-c", "import jpype, mpxj; jpype.startJVM(); from org.mpxj.reader import UniversalProjectReader"],
            directory: FileManager.default.temporaryDirectory, timeout: 120), result.status == 0 else {
            return "MPXJ cannot start a Java VM: install a Java runtime (apt-get install default-jre-headless)"
        }
        return nil
    }()

    /// Runs `script` (Python source) with `arguments` in `directory`.
    public static func run(_ script: String, _ arguments: [String] = [], directory: URL, timeout: Double = 180) throws -> CommandResult {
        guard let python else { throw CocoaError(.fileNoSuchFile) }
        return try CommandRunner.run(python, ["-c", script] + arguments, directory: directory, timeout: timeout)
    }
}
