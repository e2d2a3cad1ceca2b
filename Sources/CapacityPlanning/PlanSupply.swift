// The plan's supply decisions (spec v3, Part B, section 2): the hires it makes and the courses
// it sends people on.

/// `count` hires of one role starting in one period; they are the people `ROLE#K`, numbered
/// over the role's hires in the order of their start.
public struct Hire: Sendable, Equatable, Hashable, Codable {
    /// The role's id.
    public var role: String
    /// The first period the hires work.
    public var start: Int
    /// How many (≥ 1).
    public var count: Int

    /// Creates a hire entry.
    public init(role: String, start: Int, count: Int) {
        self.role = role
        self.start = start
        self.count = count
    }
}

/// A course the plan takes, and when it starts.
public struct CourseTaken: Sendable, Equatable, Hashable, Codable {
    /// The course's id.
    public var course: String
    /// Its first period.
    public var start: Int

    /// Creates a course entry.
    public init(course: String, start: Int) {
        self.course = course
        self.start = start
    }
}
