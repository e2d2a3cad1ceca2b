// libFuzzer target: any bytes as a scenario (formats v1–v3), read strictly, validated and built
// into a planning problem as `solve` does; a scenario that reads must write back to JSON that reads
// into the same scenario.
import CapacityPlanning
import Foundation
import FuzzDriver

/// One input: refused with an error, or read, validated and built; a scenario whose written form
/// reads differently is a finding (a trap), as is any crash, leak or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard let scenario = try? Scenario(json: bytes) else { return 0 }
    _ = try? PlanningProblem(scenario)
    let written = Data(scenario.jsonValue.serialized())
    guard let reread = try? Scenario(json: written), reread == scenario else {
        // A scenario the library wrote and cannot read back as itself: the writer and reader disagree.
        FileHandle.standardError.write(Data("round trip failed: \(String(decoding: written, as: UTF8.self))\n".utf8))
        abort()
    }
    return 0
}

/// SwiftPM links an executable's `main` to `<target>_main`.
@_cdecl("FuzzScenario_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzScenario)
}
