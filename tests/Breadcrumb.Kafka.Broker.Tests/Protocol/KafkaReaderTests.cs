using Breadcrumb.Kafka.Broker.Protocol;

namespace Breadcrumb.Kafka.Broker.Tests.Protocol;

/// <summary>The reader refuses lengths past the end of the frame with <see cref="KafkaProtocolException"/>, never another exception.</summary>
public sealed class KafkaReaderTests
{
    [Theory]
    [InlineData(false, new byte[] { 0, 0, 0, 9, 1, 2, 3 })]
    [InlineData(true, new byte[] { 10, 1, 2, 3 })]
    [InlineData(false, new byte[] { 0x7F, 0xFF, 0xFF, 0xFF })]
    public void ReadRecords_LengthPastTheEnd_ThrowsKafkaProtocolException(bool compact, byte[] frame)
    {
        var act = () =>
        {
            var sut = new KafkaReader(frame);
            sut.ReadRecords(compact);
        };

        act.Should().Throw<KafkaProtocolException>().WithMessage("*do not fit*");
    }

    [Fact]
    public void ReadRecords_LengthThatFits_ReturnsThatSlice()
    {
        var sut = new KafkaReader(new byte[] { 0, 0, 0, 2, 7, 8, 9 });

        var records = sut.ReadRecords(compact: false);

        records.Single.ToArray().Should().Equal(7, 8);
        sut.Remaining.Should().Be(1);
    }
}
