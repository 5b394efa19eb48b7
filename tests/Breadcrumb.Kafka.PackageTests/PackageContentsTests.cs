using System.IO.Compression;
using System.Xml.Linq;

namespace Breadcrumb.Kafka.PackageTests;

/// <summary>Checks what a NuGet user downloads: files, README, license, docs, symbols and dependencies (issue 8).</summary>
[Collection(PackagesDefinition.Name)]
public sealed class PackageContentsTests(PackageFeedFixture feed)
{
    [Theory]
    [InlineData("Breadcrumb.Kafka")]
    [InlineData("Breadcrumb.Kafka.Lab")]
    [InlineData("Breadcrumb.Kafka.Testing")]
    public void Nupkg_Packed_HasAssemblyXmlDocsAndReadme(string id)
    {
        using var package = ZipFile.OpenRead(feed.PackagePath(id));
        var files = package.Entries.Select(e => e.FullName).ToList();

        files.Should().Contain([$"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml", $"lib/net8.0/{id}.dll", $"lib/net8.0/{id}.xml", "README.md", $"{id}.nuspec"]);
        Read(package, "README.md").Should().StartWith($"# {id}").And.Contain("dotnet add package");
        XDocument.Parse(Read(package, $"lib/net10.0/{id}.xml")).Descendants("member").Should().HaveCountGreaterThan(5);
    }

    [Theory]
    [InlineData("Breadcrumb.Kafka")]
    [InlineData("Breadcrumb.Kafka.Lab")]
    [InlineData("Breadcrumb.Kafka.Testing")]
    public void Nuspec_Packed_HasLicenseReadmeRepositoryAndVersion(string id)
    {
        var metadata = ReadMetadata(id);

        Element(metadata, "id").Value.Should().Be(id);
        Element(metadata, "version").Value.Should().Be(feed.Version);
        var license = Element(metadata, "license");
        license.Attribute("type")!.Value.Should().Be("expression");
        license.Value.Should().Be("MIT");
        Element(metadata, "readme").Value.Should().Be("README.md");
        Element(metadata, "description").Value.Should().NotBeNullOrWhiteSpace();
        Element(metadata, "tags").Value.Split(' ').Should().Contain("kafka");
        Element(metadata, "repository").Attribute("url")!.Value.Should().StartWith("https://github.com/");
    }

    [Theory]
    [InlineData("Breadcrumb.Kafka.Testing")]
    [InlineData("Breadcrumb.Kafka.Lab")]
    public void Nuspec_TestingAndLab_DependOnExactlyTheSameBreadcrumbKafka(string id)
    {
        var dependencies = ReadMetadata(id).Descendants().Where(e => e.Name.LocalName == "dependency");

        dependencies.Where(d => d.Attribute("id")!.Value == "Breadcrumb.Kafka").Select(d => d.Attribute("version")!.Value)
            .Should().NotBeEmpty().And.OnlyContain(v => v == $"[{feed.Version}]", "they use Breadcrumb.Kafka's internals");
    }

    [Fact]
    public void Nuspec_Library_DependsOnAbstractionsOnly()
    {
        var ids = ReadMetadata("Breadcrumb.Kafka").Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => d.Attribute("id")!.Value).ToList();

        ids.Should().Contain(["Confluent.Kafka", "Microsoft.Extensions.DependencyInjection.Abstractions"]);
        ids.Where(i => i.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .Should().OnlyContain(
                i => i.EndsWith(".Abstractions", StringComparison.Ordinal) || i == "Microsoft.Extensions.Options",
                "hosting and containers belong to the application; Options is the library-facing options API");
    }

    [Theory]
    [InlineData("Breadcrumb.Kafka")]
    [InlineData("Breadcrumb.Kafka.Lab")]
    [InlineData("Breadcrumb.Kafka.Testing")]
    public void Snupkg_Packed_HasPortablePdb(string id)
    {
        using var symbols = ZipFile.OpenRead(feed.PackagePath(id, "snupkg"));

        symbols.Entries.Select(e => e.FullName).Should().Contain([$"lib/net10.0/{id}.pdb", $"lib/net8.0/{id}.pdb"]);
    }

    private XElement ReadMetadata(string id)
    {
        using var package = ZipFile.OpenRead(feed.PackagePath(id));
        return XDocument.Parse(Read(package, $"{id}.nuspec")).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)
        ?? throw new InvalidOperationException($"The nuspec has no <{name}>:\n{metadata}");

    private static string Read(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
