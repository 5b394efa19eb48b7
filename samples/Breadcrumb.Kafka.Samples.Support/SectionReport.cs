using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// What a section observed, as sentences and tables: printed as Spectre.Console tables by the sample,
/// and as Markdown in docs/lab-report.md by the lab runner.
/// </summary>
public sealed class SectionReport
{
    private readonly List<object> items = [];

    /// <summary>Adds one measured finding, as a sentence.</summary>
    /// <param name="text">The sentence (plain text; Markdown inline code allowed).</param>
    /// <returns>This report.</returns>
    public SectionReport Finding(string text)
    {
        items.Add(text);
        return this;
    }

    /// <summary>Adds a table.</summary>
    /// <param name="title">The caption.</param>
    /// <param name="headers">The column headers.</param>
    /// <param name="rows">The rows; cells are formatted with the invariant culture.</param>
    /// <returns>This report.</returns>
    public SectionReport Table(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        items.Add(new ReportTable(title, headers, [.. rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Format)])]));
        return this;
    }

    /// <summary>Adds a picture (the lab runner's Markdown shows it; the console prints its path).</summary>
    /// <param name="caption">What it shows.</param>
    /// <param name="path">The file.</param>
    /// <returns>This report.</returns>
    public SectionReport Image(string caption, string path)
    {
        items.Add(new ReportImage(caption, path));
        return this;
    }

    /// <summary>Prints the report to a console.</summary>
    /// <param name="console">The console.</param>
    public void Render(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        foreach (var item in items)
        {
            switch (item)
            {
                case string text:
                    console.MarkupLine($"[green]>[/] {Markup.Escape(text.Replace("`", string.Empty, StringComparison.Ordinal))}");
                    break;
                case ReportTable t:
                    var table = new Table { Title = new TableTitle(Markup.Escape(t.Title)) };
                    foreach (var header in t.Headers)
                    {
                        table.AddColumn(Markup.Escape(header));
                    }

                    foreach (var row in t.Rows)
                    {
                        table.AddRow([.. row.Select(Markup.Escape)]);
                    }

                    console.Write(table);
                    break;
                case ReportImage image:
                    console.MarkupLine($"[green]>[/] {Markup.Escape(image.Caption)}: {Markup.Escape(image.Path)}");
                    break;
            }
        }
    }

    /// <summary>Writes the report as Markdown.</summary>
    /// <param name="imageBase">The folder image links are made relative to, or null for absolute paths.</param>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown(string? imageBase = null)
    {
        var md = new StringBuilder();
        foreach (var item in items)
        {
            switch (item)
            {
                case string text:
                    md.Append("- ").AppendLine(text);
                    break;
                case ReportTable t:
                    md.AppendLine().Append("**").Append(t.Title).AppendLine("**").AppendLine();
                    md.Append("| ").AppendJoin(" | ", t.Headers).AppendLine(" |");
                    md.Append('|').AppendJoin(string.Empty, t.Headers.Select(_ => " --- |")).AppendLine();
                    foreach (var row in t.Rows)
                    {
                        md.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
                    }

                    md.AppendLine();
                    break;
                case ReportImage image:
                    var link = imageBase is null ? image.Path : Path.GetRelativePath(imageBase, image.Path).Replace('\\', '/');
                    md.AppendLine().Append("![").Append(image.Caption).Append("](").Append(link).AppendLine(")").AppendLine();
                    break;
            }
        }

        return md.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "–",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

    private sealed record ReportImage(string Caption, string Path);
}
