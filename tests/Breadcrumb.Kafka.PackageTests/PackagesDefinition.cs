namespace Breadcrumb.Kafka.PackageTests;

/// <summary>Shares one pack (the slow part) between every package test class.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesDefinition : ICollectionFixture<PackageFeedFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "packed Breadcrumb.Kafka packages";
}
