namespace Breadcrumb.Kafka.Samples.Tests.Lab;

/// <summary>docs/lab-report.md and docs/lab-report.pdf, as committed: one run wrote both, and both hold every section.</summary>
public sealed class CommittedReportTests
{
    [Fact]
    public void LabReportPdf_Committed_HoldsEverySectionAndEveryFindingOfTheMarkdown()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs");
        var markdown = File.ReadAllLines(Path.Combine(docs, "lab-report.md"));

        var (text, _, images) = PdfText.Read(Path.Combine(docs, "lab-report.pdf"));

        var headings = markdown.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
        headings.Should().HaveCount(9);
        headings.Should().OnlyContain(h => text.Contains(PdfText.Squash(h), StringComparison.Ordinal));
        var findings = markdown.Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Replace("*", string.Empty, StringComparison.Ordinal)).ToList();
        findings.Should().HaveCountGreaterThan(30).And.OnlyContain(f => text.Contains(PdfText.Squash(f), StringComparison.Ordinal), "the PDF and the Markdown come from one run");
        images.Should().Be(1);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Breadcrumb.Kafka.sln")))
        {
            dir = dir.Parent;
        }

        dir.Should().NotBeNull("the tests run inside the repository");
        return dir!.FullName;
    }
}
