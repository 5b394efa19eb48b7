using System.Text;
using Breadcrumb.Kafka.Broker.Handlers;
using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Docs;

/// <summary>The API × version table in docs/embedded-broker.md is what the broker serves, to the version.</summary>
public sealed class ApiTableTests
{
    private const string Start = "<!-- api-table:start -->";
    private const string End = "<!-- api-table:end -->";

    [Fact]
    public void EmbeddedBrokerDoc_ApiTable_MatchesTheServedApis()
    {
        var path = Path.Combine(GeneratedCodeTests.RepositoryRoot(), "docs", "embedded-broker.md");
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = text.IndexOf(Start, StringComparison.Ordinal);
        var to = text.IndexOf(End, StringComparison.Ordinal);
        from.Should().BeGreaterThan(-1, $"docs/embedded-broker.md holds the table between {Start} and {End}");
        to.Should().BeGreaterThan(from);

        var table = text[(from + Start.Length)..to].Trim('\n');

        table.Should().Be(Render(), "the table is regenerated from the served APIs: paste the expected text into docs/embedded-broker.md");
    }

    /// <summary>Renders the table: one row per served API, in key order.</summary>
    internal static string Render()
    {
        var served = HandlerSet.Create().Select(h => h.ApiKey).ToHashSet();
        var sb = new StringBuilder();
        sb.Append("| API | key | versions | flexible from |\n| --- | ---: | --- | --- |\n");
        foreach (var api in ApiCatalog.All.Where(a => served.Contains(a.Key)).OrderBy(a => a.Key))
        {
            var flexible = api.FirstFlexibleVersion == short.MaxValue ? "–" : $"v{api.FirstFlexibleVersion}";
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {api.Name} | {api.Key} | {api.MinVersion}–{api.MaxVersion} | {flexible} |\n");
        }

        return sb.ToString().TrimEnd('\n');
    }
}
