using System.Text.Json;
using Breadcrumb.Kafka.Lab;

namespace Breadcrumb.Kafka.Tests.Filtering;

public sealed class RecordFilterTests
{
    private static readonly BreadcrumbRecord Moving = new() { VehicleId = "1776", Velocity = "13" };
    private static readonly BreadcrumbRecord Stopped = new() { VehicleId = "1776", Velocity = "0" };

    private static RecordFilterInput Input(string? key, BreadcrumbRecord? record = null, int partition = 0) =>
        new(key, partition, record ?? Moving);

    [Fact]
    public void Any_KeepsEveryRecordIncludingNullKeys()
    {
        var sut = RecordFilter.Any;

        sut.Matches(Input("1")).Should().BeTrue();
        sut.Matches(Input(null)).Should().BeTrue();
        sut.Description.Should().Be("any key");
    }

    [Fact]
    public void Key_KeepsOnlyThatKeyComparedOrdinally()
    {
        var sut = RecordFilter.Key("1");

        sut.Matches(Input("1")).Should().BeTrue();
        sut.Matches(Input("2")).Should().BeFalse();
        sut.Matches(Input("10")).Should().BeFalse();
        sut.Matches(Input(null)).Should().BeFalse();
        sut.Description.Should().Be("key '1'");
    }

    [Fact]
    public void Key_Null_Throws()
    {
        var act = () => RecordFilter.Key(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Keys_KeepsAnyKeyOfTheSet()
    {
        var sut = RecordFilter.Keys(new HashSet<string> { "3", "1" });

        sut.Matches(Input("1")).Should().BeTrue();
        sut.Matches(Input("3")).Should().BeTrue();
        sut.Matches(Input("2")).Should().BeFalse();
        sut.Matches(Input(null)).Should().BeFalse();
        sut.Description.Should().Be("keys '1', '3'");
    }

    [Fact]
    public void Keys_Empty_ThrowsSayingHowToFix()
    {
        var act = () => RecordFilter.Keys([]);

        act.Should().Throw<ArgumentException>()
            .WithMessage("RecordFilter.Keys needs at least one key (was an empty set)*use RecordFilter.Any to keep every record.*");
    }

    [Fact]
    public void Keys_NullKey_Throws()
    {
        var act = () => RecordFilter.Keys("1", null!);

        act.Should().Throw<ArgumentNullException>().WithMessage("RecordFilter.Keys got a null key*");
    }

    [Fact]
    public void Where_SeesKeyPartitionAndOffset()
    {
        var sut = RecordFilter.Where(i => i.Partition == 3 && i.Offset > 10, "partition 3 after offset 10");

        sut.Matches(new RecordFilterInput("1", 3, Moving, offset: 11)).Should().BeTrue();
        sut.Matches(new RecordFilterInput("1", 3, Moving, offset: 10)).Should().BeFalse();
        sut.Matches(new RecordFilterInput("1", 2, Moving, offset: 11)).Should().BeFalse();
        sut.Description.Should().Be("partition 3 after offset 10");
    }

    [Fact]
    public void WhereRecord_DeserializesRawValueBytes()
    {
        var sut = RecordFilter.WhereRecord(r => r.Velocity == "0", "stopped");
        var stoppedBytes = JsonSerializer.SerializeToUtf8Bytes(Stopped, BreadcrumbJsonContext.Default.BreadcrumbRecord);
        var movingBytes = JsonSerializer.SerializeToUtf8Bytes(Moving, BreadcrumbJsonContext.Default.BreadcrumbRecord);

        sut.Matches(new RecordFilterInput("1", 0, 5, stoppedBytes)).Should().BeTrue();
        sut.Matches(new RecordFilterInput("1", 0, 6, movingBytes)).Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void WhereRecord_ValueThatIsNotABreadcrumb_IsSkippedNotThrown(string? value)
    {
        var sut = RecordFilter.WhereRecord(_ => true);
        var bytes = value is null ? null : System.Text.Encoding.UTF8.GetBytes(value);

        sut.Matches(new RecordFilterInput("1", 0, 0, bytes)).Should().BeFalse();
    }

    [Fact]
    public void KeyFilter_OnRawInput_NeverDeserializes()
    {
        // Invalid JSON would make any deserialization return null; a key filter must decide without it.
        var input = new RecordFilterInput("1", 0, 0, System.Text.Encoding.UTF8.GetBytes("{broken"));
        var asked = 0;
        var sut = RecordFilter.Key("1").Or(RecordFilter.Where(i => { asked++; return i.GetRecord() is not null; }));

        sut.Matches(input).Should().BeTrue();
        asked.Should().Be(0, "Or stops at the first filter that keeps the record");
    }

    [Fact]
    public void GetRecord_CalledByTwoFilters_DeserializesOnceAndReturnsSameInstance()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Moving, BreadcrumbJsonContext.Default.BreadcrumbRecord);
        var input = new RecordFilterInput("1", 0, 0, bytes);

        var first = input.GetRecord();
        var second = input.GetRecord();

        first.Should().Be(Moving);
        second.Should().BeSameAs(first);
    }

    [Fact]
    public void And_KeepsOnlyWhenBothKeep()
    {
        var sut = RecordFilter.Key("1").And(RecordFilter.WhereRecord(r => r.Velocity == "0", "stopped"));

        sut.Matches(Input("1", Stopped)).Should().BeTrue();
        sut.Matches(Input("1", Moving)).Should().BeFalse();
        sut.Matches(Input("2", Stopped)).Should().BeFalse();
        sut.Description.Should().Be("(key '1') and (stopped)");
    }

    [Fact]
    public void Or_KeepsWhenEitherKeeps()
    {
        var sut = RecordFilter.Key("1").Or(RecordFilter.Key("2"));

        sut.Matches(Input("1")).Should().BeTrue();
        sut.Matches(Input("2")).Should().BeTrue();
        sut.Matches(Input("3")).Should().BeFalse();
        sut.Description.Should().Be("(key '1') or (key '2')");
    }

    [Fact]
    public void Not_InvertsAndDoubleNotGivesTheOriginalBack()
    {
        var key = RecordFilter.Key("1");
        var sut = key.Not();

        sut.Matches(Input("1")).Should().BeFalse();
        sut.Matches(Input("2")).Should().BeTrue();
        sut.Matches(Input(null)).Should().BeTrue();
        sut.Description.Should().Be("not (key '1')");
        sut.Not().Should().BeSameAs(key);
    }

    [Fact]
    public void Composition_KeySetExceptOneStoppedVehicle()
    {
        var sut = RecordFilter.Keys("1", "2", "3").And(RecordFilter.Key("2").And(RecordFilter.WhereRecord(r => r.Velocity == "0")).Not());

        sut.Matches(Input("1", Stopped)).Should().BeTrue();
        sut.Matches(Input("2", Moving)).Should().BeTrue();
        sut.Matches(Input("2", Stopped)).Should().BeFalse();
        sut.Matches(Input("4", Moving)).Should().BeFalse();
    }

    [Fact]
    public void Combinators_NullArguments_Throw()
    {
        var key = RecordFilter.Key("1");

        ((Action)(() => key.And(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => key.Or(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => RecordFilterExtensions.Not(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => RecordFilter.Where(null!))).Should().Throw<ArgumentNullException>();
    }
}
