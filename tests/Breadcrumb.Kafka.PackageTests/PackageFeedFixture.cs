using System.Globalization;
using System.Xml.Linq;
using Breadcrumb.Kafka.PackageTests.Infrastructure;

namespace Breadcrumb.Kafka.PackageTests;

/// <summary>
/// Packs Breadcrumb.Kafka, Breadcrumb.Kafka.Lab and Breadcrumb.Kafka.Testing once per test class, with a unique prerelease version,
/// into a temporary folder feed.
/// </summary>
/// <remarks>
/// The version is unique per run so the machine's NuGet cache (reused for speed) can never serve a stale copy;
/// the cache folders of that version are deleted again at the end.
/// </remarks>
public sealed class PackageFeedFixture : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);

    /// <summary>Gets the root of this repository.</summary>
    public string RepositoryRoot { get; } = ScratchCopy.FindRepositoryRoot();

    /// <summary>Gets a scratch folder for this fixture, deleted at the end.</summary>
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), $"breadcrumb-e2e-{Guid.NewGuid():N}");

    /// <summary>Gets the folder feed the packages were written to.</summary>
    public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

    /// <summary>Gets the version both packages were packed with, e.g. <c>0.1.0-e2e.1764083000.a1b2c3</c>.</summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>Gets the `dotnet pack` run.</summary>
    public ProcessResult? Pack { get; private set; }

    /// <summary>Gets the nuget.org-style sources of the repository's nuget.config (all but its local feed).</summary>
    public IReadOnlyList<(string Key, string Url)> UpstreamSources { get; private set; } = [];

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var sources = Path.Combine(WorkDirectory, "sources");
        var projects = ScratchCopy.CopySources(RepositoryRoot, sources);
        var solution = Path.Combine(sources, "pack.slnx");
        await File.WriteAllTextAsync(
            solution,
            new XElement("Solution", projects.Select(p => new XElement("Project", new XAttribute("Path", Path.GetRelativePath(sources, p))))).ToString());

        var suffix = string.Create(
            CultureInfo.InvariantCulture,
            $"e2e.{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.r{Random.Shared.Next(0, 1 << 24):x6}");
        Pack = await DotnetCli.RunCheckedAsync(
            sources,
            PackTimeout,
            CancellationToken.None,
            "pack",
            solution,
            "-c",
            "Release",
            $"-p:VersionSuffix={suffix}",
            $"-p:PackageOutputPath={FeedDirectory}");

        var prefix = "Breadcrumb.Kafka.Testing.";
        var testing = Directory.GetFiles(FeedDirectory, "Breadcrumb.Kafka.Testing.*.nupkg").SingleOrDefault()
            ?? throw new InvalidOperationException($"No Breadcrumb.Kafka.Testing package in {FeedDirectory}.\n{Pack.Describe()}");
        Version = Path.GetFileNameWithoutExtension(testing)[prefix.Length..];
        UpstreamSources = ReadUpstreamSources(Path.Combine(RepositoryRoot, "nuget.config"));
    }

    /// <summary>Gets the path of a package in the feed.</summary>
    /// <param name="id">The package id.</param>
    /// <param name="extension"><c>nupkg</c> or <c>snupkg</c>.</param>
    /// <returns>The file path.</returns>
    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(FeedDirectory, $"{id}.{Version}.{extension}");

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        DeleteQuietly(WorkDirectory);
        if (Version.Length > 0)
        {
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
                ? custom
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var id in new[] { "breadcrumb.kafka", "breadcrumb.kafka.lab", "breadcrumb.kafka.testing" })
            {
                DeleteQuietly(Path.Combine(cache, id, Version.ToLowerInvariant()));
            }
        }

        return ValueTask.CompletedTask;
    }

    private static List<(string Key, string Url)> ReadUpstreamSources(string nugetConfig)
    {
        var document = XDocument.Load(nugetConfig);
        return document.Descendants("packageSources").Elements("add")
            .Select(e => (Key: (string?)e.Attribute("key") ?? string.Empty, Url: (string?)e.Attribute("value") ?? string.Empty))
            .Where(s => s.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
