using System.Xml.Linq;

namespace Breadcrumb.Kafka.PackageTests.Infrastructure;

/// <summary>A brand-new console app in the fixture's scratch folder, restoring our packages from the test feed only.</summary>
internal sealed class ScratchApp
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);
    private readonly PackageFeedFixture feed;
    private readonly ITestOutputHelper output;

    private ScratchApp(PackageFeedFixture feed, ITestOutputHelper output, string name)
    {
        this.feed = feed;
        this.output = output;
        Name = name;
        Directory = Path.Combine(feed.WorkDirectory, $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}");
    }

    public string Name { get; }

    public string Directory { get; }

    /// <summary>Runs <c>dotnet new console</c> with a nuget.config that maps Breadcrumb.Kafka* to the test feed.</summary>
    public static async Task<ScratchApp> CreateAsync(PackageFeedFixture feed, ITestOutputHelper output, string name, CancellationToken cancellationToken)
    {
        var app = new ScratchApp(feed, output, name);
        System.IO.Directory.CreateDirectory(app.Directory);
        await File.WriteAllTextAsync(Path.Combine(app.Directory, "nuget.config"), app.NuGetConfig(), cancellationToken);
        await app.StepAsync(cancellationToken, "new", "console", "--name", name, "--output", ".", "--framework", "net10.0");
        return app;
    }

    /// <summary>Adds a package: ours at the feed's version when <paramref name="version"/> is null.</summary>
    public Task AddPackageAsync(string id, CancellationToken cancellationToken, string? version = null) =>
        StepAsync(cancellationToken, "add", "package", id, "--version", version ?? feed.Version);

    /// <summary>Copies every file of a folder next to this test assembly into the app (over Program.cs).</summary>
    public void CopyFrom(string folder)
    {
        foreach (var source in System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder)))
        {
            File.Copy(source, Path.Combine(Directory, Path.GetFileName(source)), overwrite: true);
        }
    }

    public Task BuildAsync(CancellationToken cancellationToken) => StepAsync(cancellationToken, "build", "-c", "Release");

    public async Task<ProcessResult> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var run = await DotnetCli.RunAsync(Directory, StepTimeout, cancellationToken, ["run", "--no-build", "-c", "Release", "--", .. arguments]);
        output.WriteLine(run.Describe());
        return run;
    }

    public Dictionary<string, string> ReferencedVersions() =>
        XDocument.Load(Path.Combine(Directory, $"{Name}.csproj")).Descendants("PackageReference")
            .ToDictionary(r => (string)r.Attribute("Include")!, r => (string)r.Attribute("Version")!);

    private async Task StepAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await DotnetCli.RunAsync(Directory, StepTimeout, cancellationToken, arguments);
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
}
