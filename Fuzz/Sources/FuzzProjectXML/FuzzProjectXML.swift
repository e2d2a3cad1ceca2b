// libFuzzer target: any bytes as a Microsoft Project XML file, read and imported as `import --mspdi` does.
import Foundation
import FuzzDriver
import PortfolioFiles

/// One input: refused with an error or imported; anything else (a trap, a leak, a hang) is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProjectXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    if let document = try? MSPDIDocument(data: bytes, file: "fuzz.xml") {
        _ = MSPDIImporter.run(document, file: "fuzz.xml", settings: .init())
    }
    return 0
}

/// SwiftPM links an executable's `main` to `<target>_main`.
@_cdecl("FuzzProjectXML_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzProjectXML)
}
