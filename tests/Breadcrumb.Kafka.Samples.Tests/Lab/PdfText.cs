using UglyToad.PdfPig;

namespace Breadcrumb.Kafka.Samples.Tests.Lab;

/// <summary>Reads a PDF's text back (PdfPig) and compares text with all whitespace removed, so line wrapping does not matter.</summary>
internal static class PdfText
{
    public static (string Text, int Pages, int Images) Read(string path)
    {
        using var document = PdfDocument.Open(path);
        var pages = document.GetPages().ToList();
        var text = string.Concat(pages.Select(p => string.Concat(p.GetWords().Select(w => w.Text))));
        return (Squash(text), pages.Count, pages.Sum(p => p.GetImages().Count()));
    }

    /// <summary>Removes whitespace and the Markdown marks the PDF does not print.</summary>
    public static string Squash(string text) =>
        new([.. SectionReport.Plain(text).Replace("**", string.Empty, StringComparison.Ordinal).Where(c => !char.IsWhiteSpace(c))]);
}
