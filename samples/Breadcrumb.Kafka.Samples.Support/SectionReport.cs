using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Breadcrumb.Kafka.Samples;

/// <summary>
/// What a section observed, as findings (computed from the run's figures), background notes (what Kafka does, no claim
/// about the run), tables and pictures: printed as Spectre.Console tables by the sample, as Markdown and PDF by the lab runner.
/// </summary>
public sealed class SectionReport
{
    private readonly List<ReportItem> items = [];

    /// <summary>Gets the report's items in order.</summary>
    public IReadOnlyList<ReportItem> Items => items;

    /// <summary>Adds one finding: a sentence computed from this run's figures.</summary>
    /// <param name="text">The sentence (plain text; Markdown inline code allowed).</param>
    /// <returns>This report.</returns>
    public SectionReport Finding(string text)
    {
        items.Add(new ReportFinding(text));
        return this;
    }

    /// <summary>Adds a background note: what Kafka does in general, which the run neither shows nor contradicts.</summary>
    /// <param name="text">The sentence (plain text; Markdown inline code allowed).</param>
    /// <returns>This report.</returns>
    public SectionReport Background(string text)
    {
        items.Add(new ReportBackground(text));
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

    /// <summary>Adds a picture (the lab runner's Markdown and PDF show it; the console prints its path).</summary>
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
                case ReportFinding f:
                    console.MarkupLine($"[green]>[/] {Markup.Escape(Plain(f.Text))}");
                    break;
                case ReportBackground b:
                    console.MarkupLine($"[grey]{Markup.Escape(ReportBackground.Label)} {Markup.Escape(Plain(b.Text))}[/]");
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
            ReportMarkdown.Append(md, item, imageBase);
        }

        return md.ToString();
    }

    /// <summary>Removes Markdown inline-code marks, for outputs that show plain text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text without backticks.</returns>
    public static string Plain(string text) => (text ?? string.Empty).Replace("`", string.Empty, StringComparison.Ordinal);

    private static string Format(object? value) => value switch
    {
        null => "–",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
