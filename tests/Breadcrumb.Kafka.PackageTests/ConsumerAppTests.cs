using System.Diagnostics;
using System.Globalization;
using Breadcrumb.Kafka.PackageTests.Infrastructure;

namespace Breadcrumb.Kafka.PackageTests;

/// <summary>
/// The path a user takes (issues 8 and 20): a fresh `dotnet new console`, `dotnet add package` from a feed, build, run
/// against the embedded broker.
/// </summary>
[Collection(PackagesDefinition.Name)]
public sealed class ConsumerAppTests(PackageFeedFixture feed, ITestOutputHelper output)
{
    private const int RecordCount = 300;

    // The container and host are the application's choice; the library depends on abstractions (and Options) only.
    private const string ExtensionsVersion = "10.0.0";

    [Fact(Timeout = 900_000)]
    public async Task FreshServiceApp_OwnOrderTypeAndAppsettings_HandlesOrdersInAHostedHandlerAndDeadLettersThePoisonOne()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var stopwatch = Stopwatch.StartNew();
        var app = await ScratchApp.CreateAsync(feed, output, "OrdersService", cancellationToken);
        await app.AddPackageAsync("Breadcrumb.Kafka", cancellationToken);
        await app.AddPackageAsync("Breadcrumb.Kafka.Testing", cancellationToken);
        await app.AddPackageAsync("Microsoft.Extensions.Hosting", cancellationToken, ExtensionsVersion);
        app.CopyFrom("OrdersApp");

        await app.BuildAsync(cancellationToken);
        var run = await app.RunAsync(cancellationToken);
        output.WriteLine($"pack {feed.Pack!.Duration.TotalSeconds:F1} s; new + add + build + run {stopwatch.Elapsed.TotalSeconds:F1} s");

        run.ExitCode.Should().Be(0, run.Describe());
        run.StandardOutput.Should().Contain("handled 9 of 10 orders; dead-lettered 1", run.Describe())
            .And.Contain("dead letter: handle failed 3 times: order 7 has amount -1: nothing to charge")
            .And.Contain("all checks passed");
        app.ReferencedVersions().Should().Contain("Breadcrumb.Kafka", feed.Version).And.NotContainKey("Breadcrumb.Kafka.Lab", "a service needs no lab types");
    }

    [Fact(Timeout = 900_000)]
    public async Task FreshLabApp_AddsTheLabPackage_ProducesAndConsumesEveryBreadcrumb()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = await ScratchApp.CreateAsync(feed, output, "E2EConsumer", cancellationToken);
        await app.AddPackageAsync("Breadcrumb.Kafka.Lab", cancellationToken);
        await app.AddPackageAsync("Breadcrumb.Kafka.Testing", cancellationToken);
        await app.AddPackageAsync("Microsoft.Extensions.DependencyInjection", cancellationToken, ExtensionsVersion);
        app.CopyFrom("ConsumerApp");

        await app.BuildAsync(cancellationToken);
        var run = await app.RunAsync(cancellationToken, RecordCount.ToString(CultureInfo.InvariantCulture));

        run.ExitCode.Should().Be(0, run.Describe());
        run.StandardOutput.Should().Contain($"consumed {RecordCount} of {RecordCount}", run.Describe())
            .And.Contain("all checks passed", run.Describe());
        app.ReferencedVersions().Should().Contain("Breadcrumb.Kafka.Lab", feed.Version).And.Contain("Breadcrumb.Kafka.Testing", feed.Version);
    }
}
