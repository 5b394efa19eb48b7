using System.Diagnostics;
using System.Xml.Linq;
using Breadcrumb.Kafka.PackageTests.Infrastructure;

namespace Breadcrumb.Kafka.PackageTests;

/// <summary>
/// The path a user takes (issue 8): a fresh `dotnet new console`, `dotnet add package` of both packages from a
/// feed, build, run against the embedded broker, count the records that came back.
/// </summary>
[Collection(PackagesDefinition.Name)]
public sealed class ConsumerAppTests(PackageFeedFixture feed, ITestOutputHelper output)
{
    private const int RecordCount = 300;

    // The container is the application's choice; the library depends on its abstractions only. The version the
    // library was built against is in the machine's NuGet cache already.
    private const string ContainerVersion = "10.0.0";
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    [Fact(Timeout = 900_000)]
    public async Task FreshConsoleApp_AddsBothPackages_ProducesAndConsumesEveryRecord()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var stopwatch = Stopwatch.StartNew();
        var app = Path.Combine(feed.WorkDirectory, $"consumer-{Guid.NewGuid():N}");
        Directory.CreateDirectory(app);
        await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), NuGetConfig(), cancellationToken);

        await Step(app, cancellationToken, "new", "console", "--name", "E2EConsumer", "--output", ".", "--framework", "net10.0");
        await Step(app, cancellationToken, "add", "package", "Breadcrumb.Kafka", "--version", feed.Version);
        await Step(app, cancellationToken, "add", "package", "Breadcrumb.Kafka.Testing", "--version", feed.Version);
        await Step(app, cancellationToken, "add", "package", "Microsoft.Extensions.DependencyInjection", "--version", ContainerVersion);
        foreach (var source in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ConsumerApp"), "*.cs"))
        {
            File.Copy(source, Path.Combine(app, Path.GetFileName(source)), overwrite: true);
        }

        await Step(app, cancellationToken, "build", "-c", "Release");
        var run = await DotnetCli.RunAsync(app, StepTimeout, cancellationToken, "run", "--no-build", "-c", "Release", "--", RecordCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.WriteLine(run.Describe());
        output.WriteLine($"pack {feed.Pack!.Duration.TotalSeconds:F1} s; new + add + build + run {stopwatch.Elapsed.TotalSeconds:F1} s");

        run.ExitCode.Should().Be(0, run.Describe());
        run.StandardOutput.Should().Contain($"consumed {RecordCount} of {RecordCount}", run.Describe())
            .And.Contain("all checks passed", run.Describe());
        ReferencedVersions(app).Should().Contain("Breadcrumb.Kafka", feed.Version).And.Contain("Breadcrumb.Kafka.Testing", feed.Version);
    }

    private async Task Step(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await DotnetCli.RunAsync(directory, StepTimeout, cancellationToken, arguments);
        output.WriteLine($"{result.Command}: exit {result.ExitCode} in {result.Duration.TotalSeconds:F1} s");
        result.ExitCode.Should().Be(0, result.Describe());
    }

    private string NuGetConfig()
    {
        var sources = new XElement("packageSources", new XElement("clear"), new XElement("add", new XAttribute("key", "e2e-feed"), new XAttribute("value", feed.FeedDirectory)));
        var mapping = new XElement(
            "packageSourceMapping",
            new XElement("packageSource", new XAttribute("key", "e2e-feed"), new XElement("package", new XAttribute("pattern", "Breadcrumb.Kafka")), new XElement("package", new XAttribute("pattern", "Breadcrumb.Kafka.*"))));
        foreach (var (key, url) in feed.UpstreamSources)
        {
            sources.Add(new XElement("add", new XAttribute("key", key), new XAttribute("value", url)));
            mapping.Add(new XElement("packageSource", new XAttribute("key", key), new XElement("package", new XAttribute("pattern", "*"))));
        }

        return new XElement("configuration", sources, mapping).ToString();
    }

    private static Dictionary<string, string> ReferencedVersions(string app) =>
        XDocument.Load(Path.Combine(app, "E2EConsumer.csproj")).Descendants("PackageReference")
            .ToDictionary(r => (string)r.Attribute("Include")!, r => (string)r.Attribute("Version")!);
}
