// libFuzzer target: any bytes as an Excel workbook, read and imported as `import --xlsx` does.
import Foundation
import FuzzDriver
import PortfolioFiles

/// One input: refused with an error or imported; anything else (a trap, a leak, a hang) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    if let workbook = try? Workbook(xlsx: bytes, file: "fuzz.xlsx") {
        _ = ScenarioImporter.run(workbook: workbook, file: "fuzz.xlsx", settings: ScenarioImporter.settings(in: workbook).settings)
    }
    return 0
}

/// SwiftPM links an executable's `main` to `<target>_main`.
@_cdecl("FuzzWorkbook_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzWorkbook)
}
