// The tests' response checker checks what is written by hand and leaves generated types alone.
import Foundation
import Testing

@Suite("Response checker")
struct SchemaValidatorTests {
    let validator: SchemaValidator

    init() throws { validator = try SchemaValidator.load() }

    @Test("its list of hand-written bodies is the generator's type overrides")
    func overrides() {
        #expect(validator.handWritten.isSuperset(of: ["Plan", "PlanCheckReport", "ConflictReport"]))
    }

    @Test("a problem+json body missing a required member, or an undocumented status, fails")
    func problems() throws {
        let problem = Data(#"{"type":"/problems/not-found","title":"Not found","status":404,"detail":"no"}"#.utf8)
        try validator.check(path: "/v1/jobs/{id}", method: "GET", status: 404, contentType: "application/problem+json", body: problem)
        let missing = Data(#"{"type":"/problems/not-found","title":"Not found","detail":"no"}"#.utf8)
        #expect(throws: SchemaValidator.Failure.self) {
            try validator.check(path: "/v1/jobs/{id}", method: "GET", status: 404, contentType: "application/problem+json", body: missing)
        }
        #expect(throws: SchemaValidator.Failure.self) {
            try validator.check(path: "/v1/jobs/{id}", method: "GET", status: 418, contentType: "application/problem+json", body: problem)
        }
    }

    @Test("a plan inside a job's generated body is checked; the job's own members are the generator's (not checked here)")
    func planInsideAJob() throws {
        let broken = Data(#"{"id":"j","state":"succeeded","plan":{"status":"maybe"}}"#.utf8)
        #expect(throws: SchemaValidator.Failure.self) {
            try validator.check(path: "/v1/jobs/{id}", method: "GET", status: 200, contentType: "application/json", body: broken)
        }
        let good = Data(#"{"id":"j","state":42,"plan":{"status":"feasible","projects":[],"assignments":[]}}"#.utf8)
        try validator.check(path: "/v1/jobs/{id}", method: "GET", status: 200, contentType: "application/json", body: good)
    }
}
