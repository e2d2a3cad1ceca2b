// The report as one self-contained HTML page: inline CSS and SVG, no scripts, no network.
import ConflictAnalysis
import PortfolioPages

/// Renders `ReportData` as a single HTML document for a PMO's audience.
///
/// Sections: headline figures; the schedule (Gantt); for a portfolio in flight the forecast;
/// with roles or courses (format v3, Part B) the supply (`SupplySection`); value, cost and
/// penalties; projects left out; the utilisation heatmap (people × periods by team, then the
/// plan's hires); demand against supply per skill; notes. Swift computes the view model (`ReportPage`: formatted figures, SVG
/// coordinates, colours, and every scenario or plan string as `PageText`);
/// `Templates/report.mustache` and its partials lay it out, and the template engine escapes
/// every value it writes.
enum HTMLReport {
    /// Above this many people the heatmap shows one row per team and folds the people away
    /// (each team opens with a click, no script needed).
    static let foldPeopleAbove = 60

    /// The whole page.
    ///
    /// - Throws: `PageTemplateError` when the templates compiled into this executable are broken
    ///   (the report tests render every section, so a release never has this).
    static func render(_ data: ReportData, analysis: ConflictReport? = nil) throws(PageTemplateError) -> String {
        try ReportTemplates.loaded.get().render(ReportPage(data, analysis: analysis), with: "report")
    }
}
