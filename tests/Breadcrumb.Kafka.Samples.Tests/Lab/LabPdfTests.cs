using Breadcrumb.Kafka.Samples.Lab;
using Breadcrumb.Kafka.Samples.Tests.Invariants;

namespace Breadcrumb.Kafka.Samples.Tests.Lab;

public sealed class LabPdfTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lab-pdf-").FullName;

    [Fact]
    public void Write_LabRun_PdfHoldsEverySectionQuestionFindingTableCellAndTheChart()
    {
        var document = LabDocument.Build(Run(), folder);
        var path = Path.Combine(folder, "lab-report.pdf");

        LabPdf.Write(document, path);

        var (text, pages, images) = PdfText.Read(path);
        pages.Should().BeGreaterThan(1);
        images.Should().Be(1, "section G's chart is drawn into the PDF");
        foreach (var (id, (title, questions)) in LabQuestions.All)
        {
            text.Should().Contain(PdfText.Squash($"{id}. {title}"));
            questions.Should().OnlyContain(q => text.Contains(PdfText.Squash(q), StringComparison.Ordinal), $"section {id}'s questions are quoted");
        }

        var findings = document.OfType<ReportFinding>().Select(f => f.Text).Concat(document.OfType<ReportBackground>().Select(b => b.Text)).ToList();
        findings.Should().HaveCountGreaterThan(30).And.OnlyContain(f => text.Contains(PdfText.Squash(f), StringComparison.Ordinal));
        document.OfType<ReportTable>().SelectMany(t => t.Rows.SelectMany(r => r)).Should().OnlyContain(c => text.Contains(PdfText.Squash(c), StringComparison.Ordinal));
        text.Should().Contain(PdfText.Squash(ReportBackground.Label));
    }

    [Fact]
    public void Write_SectionFailedAndInvariantBroken_PdfSaysSo()
    {
        var broken = HealthySummaries.D() with { Consumed = 1990 };
        var run = new LabRun(
            [new LabResult("A", null, [], "no broker answered"), new LabResult("D", broken, broken.CheckInvariants(1000), null)], "test broker", Quick: true, TimeSpan.FromSeconds(3));
        var path = Path.Combine(folder, "broken.pdf");

        LabPdf.Write(LabDocument.Build(run, folder), path);

        var (text, _, _) = PdfText.Read(path);
        text.Should().Contain(PdfText.Squash("The section failed: no broker answered"))
            .And.Contain(PdfText.Squash("Invariant broken: one consumer received 1990, expected 2000."))
            .And.Contain(PdfText.Squash("sections with broken invariants or errors: 2 of 2"));
    }

    [Fact]
    public void Render_LabRun_MarkdownHoldsTheSameItems()
    {
        var document = LabDocument.Build(Run(), folder);

        var markdown = PdfText.Squash(LabMarkdown.Render(document, folder));

        document.OfType<ReportFinding>().Should().OnlyContain(f => markdown.Contains(PdfText.Squash(f.Text), StringComparison.Ordinal));
        markdown.Should().Contain("![Send,deliveryandreceivetimesperrecord](chart.png)");
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private LabRun Run()
    {
        var chart = Path.Combine(folder, "chart.png");
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 3, 1, 2 });
        plot.SavePng(chart, 400, 200);
        SectionSummary[] summaries =
        [
            HealthySummaries.A(), HealthySummaries.B(), HealthySummaries.C(), HealthySummaries.D(), HealthySummaries.E(),
            HealthySummaries.F(), HealthySummaries.G(chart), HealthySummaries.H(), HealthySummaries.I(),
        ];
        return new LabRun([.. summaries.Select(s => new LabResult(s.Section, s, s.CheckInvariants(1000), null))], "test broker", Quick: false, TimeSpan.FromSeconds(100));
    }
}
