using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Transactions;

public sealed class TransactionDecisionTests
{
    private static readonly TransactionDecisionContext Context = new(1, []);

    [Fact]
    public void CoinFlip_SameSeed_SameOutcomesInOrder()
    {
        var first = Flip(new CoinFlipDecision(42), 200);
        var second = Flip(new CoinFlipDecision(42), 200);

        second.Should().Equal(first);
        first.Should().Contain(true).And.Contain(false);
    }

    [Fact]
    public void CoinFlip_DifferentSeeds_DifferentOutcomes()
    {
        Flip(new CoinFlipDecision(1), 200).Should().NotEqual(Flip(new CoinFlipDecision(2), 200));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(2026)]
    public void CoinFlip_TenThousandFlips_RoughlyFair(int seed)
    {
        var commits = Flip(new CoinFlipDecision(seed), 10_000).Count(c => c);

        // A fair coin lands within ±200 of 5,000 (4 standard deviations) with probability > 0.9999.
        commits.Should().BeInRange(4_800, 5_200);
    }

    [Fact]
    public void CoinFlip_FromFactory_MatchesClassWithSameSeed()
    {
        Flip(TransactionDecision.CoinFlip(9), 50).Should().Equal(Flip(new CoinFlipDecision(9), 50));
        new CoinFlipDecision(9).ToString().Should().Be("coin flip (seed 9)");
    }

    [Fact]
    public void AlwaysCommit_AndAlwaysAbort_NeverChange()
    {
        Flip(TransactionDecision.AlwaysCommit, 20).Should().AllSatisfy(c => c.Should().BeTrue());
        Flip(TransactionDecision.AlwaysAbort, 20).Should().AllSatisfy(c => c.Should().BeFalse());
    }

    [Fact]
    public void From_Delegate_SeesBatchNumberAndRecords()
    {
        var sut = TransactionDecision.From(c => c.BatchNumber % 2 == 0 && c.Records.Count == 1);
        var record = new TransactionRecord("t", 0, 5, null);

        sut.ShouldCommit(new TransactionDecisionContext(2, [record])).Should().BeTrue();
        sut.ShouldCommit(new TransactionDecisionContext(3, [record])).Should().BeFalse();
        sut.ShouldCommit(new TransactionDecisionContext(2, [])).Should().BeFalse();
    }

    private static List<bool> Flip(ITransactionDecision decision, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => decision.ShouldCommit(Context))];
}
