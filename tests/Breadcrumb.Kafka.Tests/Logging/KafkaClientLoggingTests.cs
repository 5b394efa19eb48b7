using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Tests.Logging;

public sealed class KafkaClientLoggingTests
{
    // Nothing listens on port 1 of the loopback: librdkafka gets "connection refused" at once and reports it.
    private const string Unreachable = "127.0.0.1:1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(SyslogLevel.Emergency, LogLevel.Critical)]
    [InlineData(SyslogLevel.Alert, LogLevel.Critical)]
    [InlineData(SyslogLevel.Critical, LogLevel.Critical)]
    [InlineData(SyslogLevel.Error, LogLevel.Error)]
    [InlineData(SyslogLevel.Warning, LogLevel.Warning)]
    [InlineData(SyslogLevel.Notice, LogLevel.Information)]
    [InlineData(SyslogLevel.Info, LogLevel.Information)]
    [InlineData(SyslogLevel.Debug, LogLevel.Debug)]
    public void ToLogLevel_SyslogLevel_MapsToLoggingLevel(SyslogLevel level, LogLevel expected) =>
        KafkaClientLogging.ToLogLevel(level).Should().Be(expected);

    [Fact]
    public void ToLogLevel_FatalError_IsCritical() =>
        KafkaClientLogging.ToLogLevel(new Error(ErrorCode.Local_Fatal, "fenced", isFatal: true)).Should().Be(LogLevel.Critical);

    [Fact]
    public void ToLogLevel_LocalTransportError_IsWarningBecauseLibrdkafkaRetries() =>
        KafkaClientLogging.ToLogLevel(new Error(ErrorCode.Local_Transport, "broker down")).Should().Be(LogLevel.Warning);

    [Fact]
    public void ToLogLevel_BrokerError_IsError() =>
        KafkaClientLogging.ToLogLevel(new Error(ErrorCode.TopicAuthorizationFailed, "denied")).Should().Be(LogLevel.Error);

    [Fact]
    public void Log_LibrdkafkaLine_WritesLevelFacilityClientAndMessage()
    {
        var sut = new RecordingLogger();

        KafkaClientLogging.Log(sut, new LogMessage("rdkafka#producer-1", SyslogLevel.Warning, "BROKER", "Connection refused"));

        var entry = sut.Entries.Should().ContainSingle().Subject;
        entry.Level.Should().Be(LogLevel.Warning);
        entry.EventId.Name.Should().Be("LibrdkafkaLog");
        entry.Message.Should().Be("librdkafka BROKER [rdkafka#producer-1]: Connection refused");
        entry["Facility"].Should().Be("BROKER");
    }

    [Fact]
    public void LogError_FatalError_WritesCriticalWithCode()
    {
        var sut = new RecordingLogger();

        KafkaClientLogging.LogError(sut, new Error(ErrorCode.Local_Fatal, "producer fenced", isFatal: true));

        var entry = sut.Entries.Should().ContainSingle().Subject;
        entry.Level.Should().Be(LogLevel.Critical);
        entry.EventId.Id.Should().Be(2);
        entry.Message.Should().Be("Kafka client error Local_Fatal: producer fenced (fatal: True)");
    }

    [Fact]
    public void CreateLogger_NoFactory_ReturnsDisabledLogger() =>
        KafkaClientLogging.CreateLogger(null).IsEnabled(LogLevel.Critical).Should().BeFalse();

    [Fact(Timeout = 60_000)]
    public async Task WithLogging_ProducerCannotConnect_ErrorReachesLoggerAndCallback()
    {
        var sut = new RecordingLogger();
        var seen = new TaskCompletionSource<Error>(TaskCreationOptions.RunContinuationsAsynchronously);
        var config = new ProducerConfig { BootstrapServers = Unreachable };

        using var producer = new ProducerBuilder<Null, string>(config).WithLogging(sut, e => seen.TrySetResult(e)).Build();

        var entry = await sut.FirstError.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        var error = await seen.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        error.IsLocalError.Should().BeTrue();
        entry.Level.Should().Be(LogLevel.Warning);
        entry.Message.Should().Contain(Unreachable);
    }

    [Fact(Timeout = 60_000)]
    public async Task WithLogging_ConsumerWithDebugOn_LibrdkafkaLinesReachLogger()
    {
        var sut = new RecordingLogger();
        var config = new ConsumerConfig { BootstrapServers = Unreachable, GroupId = "logging-test", Debug = "generic" };

        using var consumer = new ConsumerBuilder<Ignore, Ignore>(config).WithLogging(sut).Build();
        consumer.Subscribe("logging-test-topic");
        consumer.Consume(TimeSpan.FromMilliseconds(50));

        await sut.FirstError.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        sut.Entries.Should().Contain(e => e.EventId.Id == 1 && e.Level == LogLevel.Debug);
        consumer.Close();
    }

    [Fact]
    public void WithLogging_AdminBuilder_ReturnsBuilderForChaining()
    {
        var builder = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Unreachable });

        builder.WithLogging(new RecordingLogger()).Should().BeSameAs(builder);
    }
}
