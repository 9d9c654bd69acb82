/// A self-contained HTML page: inline CSS, inline SVG, and one small inline script that sorts
/// tables by a click on a header and marks the page as ready (`data-report-ready` on the body,
/// which `Scripts/check-report` looks for). Nothing is fetched from the network.
struct HTMLPage {
    /// One titled part of the page; `body` is HTML already escaped by its maker.
    struct Section {
        var id: String
        var title: String
        var note: String
        var body: String
    }

    var title: String
    var subtitle: String
    var sections: [Section]

    func rendered() -> String {
        var parts = [
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(title.htmlEscaped)</title>\n<style>\(Self.style)</style></head><body>",
            "<header><h1>\(title.htmlEscaped)</h1><p>\(subtitle.htmlEscaped)</p>",
            "<nav>" + sections.map { "<a href=\"#\($0.id)\">\($0.title.htmlEscaped)</a>" }.joined(separator: " · ") + "</nav></header>",
        ]
        for section in sections {
            parts.append("<section id=\"\(section.id)\"><h2>\(section.title.htmlEscaped)</h2>"
                + (section.note.isEmpty ? "" : "<p class=\"note\">\(section.note.htmlEscaped)</p>")
                + "<div class=\"figure\">\(section.body)</div></section>")
        }
        parts.append("<script>\(Self.script)</script></body></html>\n")
        return parts.joined(separator: "\n")
    }

    /// An empty section's text in place of a plot.
    static func emptyNote(_ text: String) -> String { "<p class=\"empty\">\(text.htmlEscaped)</p>" }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1320px;padding:16px 24px;color:#222;background:#fafafa}
        h1{margin:0 0 4px;font-size:24px}h2{font-size:19px;margin:0 0 6px}header p{margin:0 0 8px;color:#555}
        nav a{color:#2563eb;text-decoration:none;font-size:13px}
        section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:14px 16px;margin:16px 0}
        .note{color:#555;font-size:13px;margin:0 0 8px}.empty{color:#888;font-style:italic}
        .figure{overflow-x:auto}svg{max-width:100%;height:auto;font-family:inherit}svg text{fill:#222}
        dl.metadata{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0;font-size:14px}
        dt{font-weight:600}dd{margin:0}code{font-size:12px;background:#f1f1f1;padding:2px 4px;border-radius:3px;word-break:break-all}
        table.trials{border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums}
        table.trials th{position:sticky;top:0;background:#eef;cursor:pointer;padding:4px 8px;text-align:left;user-select:none}
        table.trials th[data-order=asc]::after{content:" ▲"}table.trials th[data-order=desc]::after{content:" ▼"}
        table.trials td{padding:2px 8px;border-top:1px solid #eee}tr.pruned td{color:#b45309}tr.fail td{color:#b91c1c}
        .table-box{max-height:600px;overflow:auto}
        """

    static let script = """
        document.querySelectorAll("table.sortable th").forEach(function (th) {
          th.addEventListener("click", function () {
            var table = th.closest("table"), body = table.tBodies[0], column = th.cellIndex;
            var ascending = th.getAttribute("data-order") !== "asc";
            table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("data-order"); });
            th.setAttribute("data-order", ascending ? "asc" : "desc");
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[column].getAttribute("data-sort"), y = b.cells[column].getAttribute("data-sort");
              if (x === y) return 0;
              if (x === "") return 1;
              if (y === "") return -1;
              var nx = Number(x), ny = Number(y);
              var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : (x < y ? -1 : 1);
              return ascending ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
          });
        });
        document.body.setAttribute("data-report-ready", "yes");
        """
}
