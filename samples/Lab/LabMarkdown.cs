using System.Text;

namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>Writes the lab report's items as Markdown (docs/lab-report.md).</summary>
public static class LabMarkdown
{
    /// <summary>Renders the items.</summary>
    /// <param name="items">The report's items, from <see cref="LabDocument.Build"/>.</param>
    /// <param name="reportDirectory">The report's folder: image links are relative to it.</param>
    /// <returns>The Markdown text.</returns>
    public static string Render(IReadOnlyList<ReportItem> items, string reportDirectory)
    {
        ArgumentNullException.ThrowIfNull(items);
        var md = new StringBuilder();
        foreach (var item in items)
        {
            switch (item)
            {
                case LabHeading h:
                    if (h.Level > 1)
                    {
                        md.AppendLine();
                    }

                    md.Append('#', h.Level).Append(' ').AppendLine(h.Text).AppendLine();
                    break;
                case LabText t:
                    if (md.Length > 0 && !md.ToString().EndsWith("\n\n", StringComparison.Ordinal))
                    {
                        md.AppendLine();
                    }

                    md.AppendLine(t.Bold ? $"**{t.Text}**" : t.Text).AppendLine();
                    break;
                case LabNumbered n:
                    for (var i = 0; i < n.Lines.Count; i++)
                    {
                        md.Append(i + 1).Append(". ").AppendLine(n.Lines[i]);
                    }

                    md.AppendLine();
                    break;
                case LabBullets b:
                    foreach (var line in b.Lines)
                    {
                        md.Append("- ").AppendLine(line);
                    }

                    md.AppendLine();
                    break;
                default:
                    ReportMarkdown.Append(md, item, reportDirectory);
                    break;
            }
        }

        return md.ToString();
    }
}
