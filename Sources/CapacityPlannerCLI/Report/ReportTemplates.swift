// The report's templates (Report/Templates/*.mustache), compiled into the executable.
import PortfolioPages

/// The report's page template and its partials, parsed once.
enum ReportTemplates {
    /// Each template by the name partials include it with.
    static let sources: [String: [UInt8]] = [
        "report": PackageResources.report_mustache,
        "compare": PackageResources.compare_mustache,
        "style": PackageResources.style_mustache,
        "gantt": PackageResources.gantt_mustache,
        "axis": PackageResources.axis_mustache,
        "systems": PackageResources.systems_mustache,
        "strategy": PackageResources.strategy_mustache,
        "explanation": PackageResources.explanation_mustache,
        "value": PackageResources.value_mustache,
        "left-out": PackageResources.left_out_mustache,
        "selected": PackageResources.selected_mustache,
        "heatmap": PackageResources.heatmap_mustache,
        "skills": PackageResources.skills_mustache,
        "conflicts": PackageResources.conflicts_mustache,
        "conflict-table": PackageResources.conflict_table_mustache,
        "forecast": PackageResources.forecast_mustache,
        "supply": PackageResources.supply_mustache,
        "supply-timeline": PackageResources.supply_timeline_mustache,
    ]

    /// The templates, or why they cannot be used.
    static let loaded = Result { () throws(PageTemplateError) -> PageTemplates in try PageTemplates(sources) }
}
