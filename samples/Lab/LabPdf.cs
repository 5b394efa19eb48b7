using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>
/// Writes the lab report as a PDF (docs/lab-report.pdf), as the course asks students to keep one: the same items as the
/// Markdown, drawn with PDFsharp (MIT licence) in a Unicode TrueType font.
/// </summary>
public static class LabPdf
{
    /// <summary>Writes the PDF.</summary>
    /// <param name="items">The report's items, from <see cref="LabDocument.Build"/>.</param>
    /// <param name="path">The PDF file to write.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(IReadOnlyList<ReportItem> items, string path)
    {
        ArgumentNullException.ThrowIfNull(items);
        LabFontResolver.EnsureInstalled();
        var title = new XFont(LabFontResolver.Family, 16, XFontStyleEx.Bold);
        var heading = new XFont(LabFontResolver.Family, 13, XFontStyleEx.Bold);
        var body = new XFont(LabFontResolver.Family, 9);
        var bold = new XFont(LabFontResolver.Family, 9, XFontStyleEx.Bold);
        var small = new XFont(LabFontResolver.Family, 7);
        var smallBold = new XFont(LabFontResolver.Family, 7, XFontStyleEx.Bold);
        var background = new XFont(LabFontResolver.Family, 9, XFontStyleEx.Italic);
        using var document = new PdfDocument();
        document.Info.Title = "Lab report: DataEng Data Transport Activity, measured";
        document.Info.Creator = "Breadcrumb.Kafka lab runner (samples/Lab) with PDFsharp";
        using (var layout = new PdfLayout(document))
        {
            foreach (var item in items)
            {
                switch (item)
                {
                    case LabHeading h:
                        layout.Space(h.Level == 1 ? 0 : 8);
                        layout.EnsureSpace(60);
                        layout.Paragraph(h.Text, h.Level == 1 ? title : heading, after: 6);
                        break;
                    case LabText t:
                        layout.Paragraph(t.Text, t.Bold ? bold : body, after: 4);
                        break;
                    case LabNumbered n:
                        for (var i = 0; i < n.Lines.Count; i++)
                        {
                            layout.Paragraph(n.Lines[i], body, indent: 16, marker: $"{i + 1}.", after: 2);
                        }

                        layout.Space(3);
                        break;
                    case LabBullets b:
                        foreach (var line in b.Lines)
                        {
                            layout.Paragraph(line, body, indent: 12, marker: "•", after: 2);
                        }

                        layout.Space(3);
                        break;
                    case ReportFinding f:
                        layout.Paragraph(f.Text, body, indent: 12, marker: "•", after: 2);
                        break;
                    case ReportBackground g:
                        layout.Paragraph($"{ReportBackground.Label} {g.Text}", background, indent: 12, marker: "•", after: 2);
                        break;
                    case ReportTable t:
                        layout.Space(4);
                        layout.Table(t, small, smallBold);
                        break;
                    case ReportImage image when File.Exists(image.Path):
                        layout.Image(image.Path, image.Caption, small);
                        break;
                    case ReportImage image:
                        layout.Paragraph($"{image.Caption}: picture not found at {image.Path}", body, indent: 12, marker: "•");
                        break;
                }
            }
        }

        document.Save(path);
    }
}
