using System.Text;

namespace Breadcrumb.Kafka.Samples;

/// <summary>Writes report items as Markdown: findings as bullets, background notes as labelled bullets, tables, images.</summary>
public static class ReportMarkdown
{
    /// <summary>Appends one item.</summary>
    /// <param name="md">The Markdown being written.</param>
    /// <param name="item">The item; kinds this class does not know are skipped.</param>
    /// <param name="imageBase">The folder image links are made relative to, or null for absolute paths.</param>
    public static void Append(StringBuilder md, ReportItem item, string? imageBase = null)
    {
        ArgumentNullException.ThrowIfNull(md);
        switch (item)
        {
            case ReportFinding f:
                md.Append("- ").AppendLine(f.Text);
                break;
            case ReportBackground b:
                md.Append("- *").Append(ReportBackground.Label).Append("* ").AppendLine(b.Text);
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
}
