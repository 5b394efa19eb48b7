namespace Breadcrumb.Kafka.Tests.Topics;

public sealed class TopicNamesTests
{
    [Theory]
    [InlineData("breadcrumbs")]
    [InlineData("wk3-separate-topic")]
    [InlineData("a.b_c-D9")]
    [InlineData("...")]
    [InlineData("x")]
    public void Validate_ValidName_DoesNotThrow(string topic)
    {
        var act = () => TopicNames.Validate(topic);

        act.Should().NotThrow();
    }

    [Fact]
    public void Validate_LongestAllowedName_DoesNotThrow()
    {
        var act = () => TopicNames.Validate(new string('t', 249));

        act.Should().NotThrow();
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_Empty_SaysANameIsNeeded(string? topic)
    {
        var act = () => TopicNames.Validate(topic!, "options.Topic");

        act.Should().Throw<ArgumentException>()
            .WithMessage("options.Topic is empty: a Kafka topic needs a name. (Parameter 'options.Topic')")
            .Which.ParamName.Should().Be("options.Topic");
    }

    [Fact]
    public void Validate_TooLong_GivesLengthAndLimit()
    {
        var act = () => TopicNames.Validate("abcdefghijklmnopqrstuvwxyz" + new string('z', 224));

        act.Should().Throw<ArgumentException>()
            .WithMessage("topic 'abcdefghijklmnopqrst…' is 250 characters long; Kafka allows at most 249. (Parameter 'topic')");
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Validate_DotOrDotDot_IsRejected(string topic)
    {
        var act = () => TopicNames.Validate(topic);

        act.Should().Throw<ArgumentException>().WithMessage($"topic '{topic}' is not allowed by Kafka. (Parameter 'topic')");
    }

    [Theory]
    [InlineData("my topic", ' ')]
    [InlineData("a/b", '/')]
    [InlineData("bread*", '*')]
    [InlineData("café", 'é')]
    public void Validate_BadCharacter_NamesTheCharacter(string topic, char bad)
    {
        var act = () => TopicNames.Validate(topic);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Be(
            $"topic '{topic}' contains '{bad}'; Kafka topic names may only contain ASCII letters, digits, '.', '_' and '-'. (Parameter 'topic')");
    }
}
