using Breadcrumb.Kafka.Broker.ProtocolGen;

namespace Breadcrumb.Kafka.Broker.Tests.Protocol;

public sealed class GeneratedCodeTests
{
    [Fact]
    public void GeneratedCodecs_MatchTheSchemaFiles()
    {
        var root = RepositoryRoot();
        var protocol = Path.Combine(root, "src", "Breadcrumb.Kafka.Broker", "Protocol");
        var expected = Generator.GenerateAll(Path.Combine(protocol, "Schema"));
        var generated = Path.Combine(protocol, "Messages", "Generated");

        var onDisk = Directory.EnumerateFiles(generated, "*.g.cs").ToDictionary(p => Path.GetFileName(p), File.ReadAllText);

        onDisk.Keys.Should().BeEquivalentTo(expected.Keys, "every schema file has its generated codec and nothing else is there");
        foreach (var (name, text) in expected)
        {
            onDisk[name].Should().Be(text, $"{name} must be regenerated: dotnet run --project src/Breadcrumb.Kafka.Broker.ProtocolGen");
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Breadcrumb.Kafka.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository, under Breadcrumb.Kafka.sln.");
    }
}
