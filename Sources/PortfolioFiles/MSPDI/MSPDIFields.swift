// The custom fields that carry what Microsoft Project has no field for: ids, value, skills, demand profiles.

/// A custom field (`ExtendedAttribute`) the exporter defines and the importer looks up by alias.
struct MSPDIField: Sendable {
    /// Microsoft Project's numeric id of the field (e.g. Task Text1 is 188743731).
    let id: Int
    /// The field's own name (`Text1`).
    let name: String
    /// The alias the exporter gives it and the importer matches (without regard to case).
    let alias: String

    /// Task Text1: a project's id on its summary task, a demand line's id on its task.
    static let scenarioID = MSPDIField(id: 188_743_731, name: "Text1", alias: "Scenario id")
    /// Task Text2: a demand line's skill.
    static let skill = MSPDIField(id: 188_743_734, name: "Text2", alias: "Skill")
    /// Task Text3: a demand line's hours, one number or one per project period (`10;20;30`).
    static let demandHours = MSPDIField(id: 188_743_737, name: "Text3", alias: "Demand hours")
    /// Task Number1: a project's value.
    static let value = MSPDIField(id: 188_743_767, name: "Number1", alias: "Value")
    /// Task Number2: a demand line's minimum level.
    static let minLevel = MSPDIField(id: 188_743_768, name: "Number2", alias: "Minimum level")
    /// Task Number3: a project's budget.
    static let budget = MSPDIField(id: 188_743_769, name: "Number3", alias: "Budget")
    /// Task Flag1: whether a project is mandatory.
    static let mandatory = MSPDIField(id: 188_743_752, name: "Flag1", alias: "Mandatory")
    /// Resource Text1: a person's skills (`backend:5;devops:3`).
    static let skills = MSPDIField(id: 205_520_904, name: "Text1", alias: "Skills")
    /// Resource Text2: a person's id.
    static let personID = MSPDIField(id: 205_520_905, name: "Text2", alias: "Person id")
    /// Resource Number1: the most projects a person works on in one period.
    static let maxConcurrentProjects = MSPDIField(id: 205_521_008, name: "Number1", alias: "Max concurrent projects")

    /// Every field the exporter defines, tasks' first.
    static let all: [MSPDIField] = [scenarioID, skill, demandHours, value, minLevel, budget, mandatory,
                                    skills, personID, maxConcurrentProjects]
}
