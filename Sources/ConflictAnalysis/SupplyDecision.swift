// What the analysis says about each hire and course a plan makes (spec v3, section 6, "Supply").
import CapacityPlanning

/// One supply decision of the analysed plan: hires of a role starting together, or a course; the
/// work it makes possible and what it is worth (the plan re-solved without it).
public struct SupplyDecision: Sendable, Equatable, Codable {
    /// A hire entry or a course.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// `count` hires of `role` from `start`.
        case hire
        /// `course` for `person`, from `start`.
        case course
    }

    /// Which kind of decision.
    public var kind: Kind
    /// The role hired (hire).
    public var role: String?
    /// How many hires start together (hire).
    public var count: Int?
    /// The hire instances, `ROLE#K` (hire).
    public var people: [String]?
    /// The course taken (course).
    public var course: String?
    /// Who attends (course).
    public var person: String?
    /// The skill the course teaches and the level it reaches (course).
    public var skill: String?
    /// The level reached (course).
    public var level: Int?
    /// The first period of the hires' work, or of the course.
    public var start: Int
    /// `start` as a label (`W10`).
    public var startLabel: String
    /// The first day of `start`, when the horizon has dates.
    public var startDate: String?
    /// The periods the course runs, as a label range (`W3–W4`; course).
    public var runsLabel: String?
    /// The first period the course's person has its level (course).
    public var qualifiesFrom: Int?
    /// `qualifiesFrom` as a label.
    public var qualifiesFromLabel: String?
    /// What it costs in the plan: hiring cost and salary to the horizon's end, or the course's cost.
    public var cost: Double
    /// The work it makes possible: the hires' hours by project, or the trained person's hours on
    /// lines only the course qualifies them for.
    public var work: [ProjectHours]
    /// The analysed plan's objective less the objective re-solved without it (`nil` when that
    /// re-solve found no plan).
    public var worth: Double?
    /// The re-solve without it: for hires, the role's `maxHires` lowered by `count`; for a course,
    /// the course removed.
    public var withoutIt: SolveOutcome

    /// Creates a decision's analysis.
    public init(kind: Kind, role: String? = nil, count: Int? = nil, people: [String]? = nil, course: String? = nil,
                person: String? = nil, skill: String? = nil, level: Int? = nil, start: Int, startLabel: String,
                startDate: String? = nil, runsLabel: String? = nil, qualifiesFrom: Int? = nil, qualifiesFromLabel: String? = nil, cost: Double,
                work: [ProjectHours], worth: Double?, withoutIt: SolveOutcome) {
        self.kind = kind
        self.role = role
        self.count = count
        self.people = people
        self.course = course
        self.person = person
        self.skill = skill
        self.level = level
        self.start = start
        self.startLabel = startLabel
        self.startDate = startDate
        self.runsLabel = runsLabel
        self.qualifiesFrom = qualifiesFrom
        self.qualifiesFromLabel = qualifiesFromLabel
        self.cost = cost
        self.work = work
        self.worth = worth
        self.withoutIt = withoutIt
    }
}
