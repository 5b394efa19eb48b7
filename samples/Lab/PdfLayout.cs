using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>
/// A small flow layout over PDFsharp's drawing API: paragraphs with word wrap, bulleted and numbered lines, tables
/// whose header repeats on a new page, and pictures scaled to the page width; pages are added as the text flows.
/// </summary>
internal sealed class PdfLayout : IDisposable
{
    private const double Margin = 48;
    private const double CellPadding = 2.5;
    private readonly PdfDocument document;
    private PdfPage page = null!;
    private XGraphics gfx = null!;
    private double y;

    public PdfLayout(PdfDocument document)
    {
        this.document = document;
        NewPage();
    }

    private static double Left => Margin;

    private double Width => page.Width.Point - (2 * Margin);

    private double Bottom => page.Height.Point - Margin;

    public void Space(double points) => y += points;

    public void Paragraph(string text, XFont font, double indent = 0, string? marker = null, double after = 3)
    {
        var lines = Wrap(Clean(text), font, Width - indent);
        var height = font.GetHeight();
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(height);
            if (i == 0 && marker is not null)
            {
                gfx.DrawString(marker, font, XBrushes.Black, new XPoint(Left + indent - gfx.MeasureString(marker + " ", font).Width, y + font.Size));
            }

            gfx.DrawString(lines[i], font, XBrushes.Black, new XPoint(Left + indent, y + font.Size));
            y += height;
        }

        y += after;
    }

    public void Table(ReportTable table, XFont font, XFont bold)
    {
        var widths = ColumnWidths(table, font, bold);
        var headerHeight = RowHeight(table.Headers, widths, bold);
        EnsureSpace(bold.GetHeight() + headerHeight + (table.Rows.Count > 0 ? RowHeight(table.Rows[0], widths, font) : 0) + 4);
        Paragraph(table.Title, bold, after: 2);
        DrawRow(table.Headers, widths, bold, header: true);
        foreach (var row in table.Rows)
        {
            if (y + RowHeight(row, widths, font) > Bottom)
            {
                NewPage();
                DrawRow(table.Headers, widths, bold, header: true);
            }

            DrawRow(row, widths, font, header: false);
        }

        y += 6;
    }

    public void Image(string path, string caption, XFont font)
    {
        using var image = XImage.FromFile(path);
        var scale = Math.Min(Width / image.PointWidth, (Bottom - Margin - 20) / image.PointHeight);
        var (w, h) = (image.PointWidth * scale, image.PointHeight * scale);
        EnsureSpace(h + font.GetHeight());
        gfx.DrawImage(image, Left, y, w, h);
        y += h + 2;
        Paragraph(caption, font, after: 6);
    }

    public void EnsureSpace(double height)
    {
        if (y + height > Bottom)
        {
            NewPage();
        }
    }

    public void Dispose() => gfx.Dispose();

    private static string Clean(string text) =>
        SectionReport.Plain(text).Replace("**", string.Empty, StringComparison.Ordinal);

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        (cells.Select((c, i) => i < widths.Length ? Wrap(Clean(c), font, widths[i] - (2 * CellPadding)).Count : 1).DefaultIfEmpty(1).Max() * font.GetHeight())
        + (2 * CellPadding);

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font, bool header)
    {
        var height = RowHeight(cells, widths, font);
        var x = Left;
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = new XRect(x, y, widths[i], height);
            if (header)
            {
                gfx.DrawRectangle(XBrushes.Gainsboro, cell);
            }

            gfx.DrawRectangle(new XPen(XColors.Gray, 0.4), cell);
            var lines = i < cells.Count ? Wrap(Clean(cells[i]), font, widths[i] - (2 * CellPadding)) : [];
            for (var l = 0; l < lines.Count; l++)
            {
                gfx.DrawString(lines[l], font, XBrushes.Black, new XPoint(x + CellPadding, y + CellPadding + (l * font.GetHeight()) + font.Size));
            }

            x += widths[i];
        }

        y += height;
    }

    private double[] ColumnWidths(ReportTable table, XFont font, XFont bold)
    {
        var natural = table.Headers.Select((h, i) =>
            Math.Max(gfx.MeasureString(Clean(h), bold).Width, table.Rows.Select(r => i < r.Count ? gfx.MeasureString(Clean(r[i]), font).Width : 0).DefaultIfEmpty(0).Max())
            + (2 * CellPadding) + 1).ToArray();
        var total = natural.Sum();
        if (total <= Width)
        {
            return natural;
        }

        // Too wide: every column gets at least a fair share, the rest goes to the wide ones, and their cells wrap.
        var fair = Width / natural.Length;
        var narrow = natural.Where(n => n <= fair).Sum();
        var wideTotal = natural.Where(n => n > fair).Sum();
        var room = Width - narrow;
        return [.. natural.Select(n => n <= fair ? n : n / wideTotal * room)];
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (gfx.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && gfx.MeasureString(line[..fit], font).Width > width)
                    {
                        fit--;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private void NewPage()
    {
        gfx?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        gfx = XGraphics.FromPdfPage(page);
        y = Margin;
    }
}
