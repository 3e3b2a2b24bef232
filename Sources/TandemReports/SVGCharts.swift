import TandemCore

/// Inline SVG charts for the leaders' page. Each is an image with a title and a description for
/// screen readers (`role="img"`, `aria-labelledby`); the page puts a table with the same facts beside it.
enum SVGCharts {
    struct Bar {
        /// Already escaped for HTML.
        var label: String
        /// 0…1 of the track.
        var fraction: Double
        var valueText: String
        var fill: String
        /// A mark drawn after the value, e.g. "! 2 盲区" (already escaped); nil for none.
        var warning: String?
    }

    /// Horizontal bars with a label column, a full-length track and the value after each bar.
    static func bars(id: String, title: String, description: String, bars: [Bar], labelWidth: Int = 150) -> String {
        let rowHeight = 30, trackWidth = 280, top = 6
        let width = labelWidth + trackWidth + 170
        let height = top * 2 + rowHeight * max(1, bars.count)
        var svg = """
        <svg class="chart" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" \
        aria-labelledby="\(id)-t \(id)-d" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-t">\(title)</title><desc id="\(id)-d">\(description)</desc>

        """
        for (i, bar) in bars.enumerated() {
            let y = top + i * rowHeight
            let filled = Int((max(0, min(1, bar.fraction)) * Double(trackWidth)).rounded())
            svg += "<g><text x=\"\(labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" class=\"label\">\(bar.label)</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(trackWidth)\" height=\"20\" rx=\"3\" class=\"track\"/>"
            if filled > 0 {
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(filled)\" height=\"20\" rx=\"3\" fill=\"\(bar.fill)\"/>"
            }
            svg += "<text x=\"\(labelWidth + trackWidth + 8)\" y=\"\(y + 19)\" class=\"value\">\(bar.valueText)</text>"
            if let warning = bar.warning {
                svg += "<text x=\"\(labelWidth + trackWidth + 92)\" y=\"\(y + 19)\" class=\"warn\">\(warning)</text>"
            }
            svg += "</g>\n"
        }
        return svg + "</svg>"
    }

    /// The coverage shade of a share 0…1: light for little coverage, dark for full; nil share (no needs) grey.
    static func coverageFill(_ share: Double?) -> String {
        guard let share else { return "#e6e6e6" }
        switch share {
        case ..<0.25: return "#deebf7"
        case ..<0.5: return "#9ecae1"
        case ..<0.75: return "#4292c6"
        case ..<1: return "#2171b5"
        default: return "#08306b"
        }
    }

    /// Text that reads on `coverageFill`.
    static func textColour(onCoverage share: Double?) -> String {
        guard let share, share >= 0.5 else { return "#111" }
        return "#fff"
    }

    static let legend: [(fill: String, zh: String, en: String)] = [
        ("#e6e6e6", "无需求", "no needs"), ("#deebf7", "0–24%", "0–24%"), ("#9ecae1", "25–49%", "25–49%"),
        ("#4292c6", "50–74%", "50–74%"), ("#2171b5", "75–99%", "75–99%"), ("#08306b", "100%", "100%"),
    ]

    struct Tile {
        var row: Int
        var col: Int
        /// Short name, already escaped.
        var name: String
        var share: Double?
        var percentText: String
        var blindSpot: Bool
    }

    /// The district tile map: one tile per district at its place, shaded by coverage; a blind spot
    /// gets a thick red frame and "!" before its figure (a symbol as well as a colour).
    static func tileMap(id: String, title: String, description: String, tiles: [Tile]) -> String {
        let size = 60, height = 50, gap = 5
        let rows = (tiles.map(\.row).max() ?? 0) + 1, cols = (tiles.map(\.col).max() ?? 0) + 1
        let width = cols * (size + gap) + gap, total = rows * (height + gap) + gap
        var svg = """
        <svg class="map" viewBox="0 0 \(width) \(total)" width="\(width)" height="\(total)" role="img" \
        aria-labelledby="\(id)-t \(id)-d" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-t">\(title)</title><desc id="\(id)-d">\(description)</desc>

        """
        for tile in tiles {
            let x = gap + tile.col * (size + gap), y = gap + tile.row * (height + gap)
            let ink = tile.blindSpot ? "#8b0000" : textColour(onCoverage: tile.share)
            let fill = tile.blindSpot ? "#fde0dc" : coverageFill(tile.share)
            let frame = tile.blindSpot ? " stroke=\"#c00\" stroke-width=\"4\"" : " stroke=\"#fff\" stroke-width=\"1\""
            svg += "<g><rect x=\"\(x)\" y=\"\(y)\" width=\"\(size)\" height=\"\(height)\" rx=\"5\" fill=\"\(fill)\"\(frame)/>"
            svg += "<text x=\"\(x + size / 2)\" y=\"\(y + 21)\" text-anchor=\"middle\" class=\"tile-name\" fill=\"\(ink)\">\(tile.name)</text>"
            let figure = (tile.blindSpot ? "! " : "") + tile.percentText
            svg += "<text x=\"\(x + size / 2)\" y=\"\(y + 39)\" text-anchor=\"middle\" class=\"tile-figure\" fill=\"\(ink)\">\(figure)</text></g>\n"
        }
        return svg + "</svg>"
    }
}
