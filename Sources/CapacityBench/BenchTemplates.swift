// The benchmark's page templates (Templates/*.mustache), compiled into the executable.
import PortfolioPages

/// The chart templates, parsed once.
enum BenchTemplates {
    /// The templates, or why they cannot be used (a build with broken templates fails its chart test).
    static let loaded = Result { () throws(PageTemplateError) -> PageTemplates in
        try PageTemplates(["chart": PackageResources.chart_mustache, "marker": PackageResources.marker_mustache])
    }
}
