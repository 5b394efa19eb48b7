using Confluent.Kafka;

namespace Breadcrumb.Kafka.Broker.Tests.Security;

/// <summary>SASL (PLAIN, SCRAM-SHA-256/512) and TLS listeners with Confluent.Kafka, good and bad credentials.</summary>
public sealed class SaslAndTlsTests
{
    private const string User = "lab-user";
    private const string Password = "s3cret-Pa55word";

    public static TheoryData<KafkaSecurityProtocol, string> GoodCases => new()
    {
        { KafkaSecurityProtocol.SaslSsl, "PLAIN" },
        { KafkaSecurityProtocol.SaslPlaintext, "PLAIN" },
        { KafkaSecurityProtocol.SaslPlaintext, "SCRAM-SHA-256" },
        { KafkaSecurityProtocol.SaslSsl, "SCRAM-SHA-512" },
        { KafkaSecurityProtocol.Ssl, "" },
    };

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(GoodCases))]
    public async Task GoodCredentials_ProduceAndConsume(KafkaSecurityProtocol protocol, string mechanism)
    {
        await using var cluster = Start(protocol);
        cluster.CreateTopic("secured");
        var config = ClientConfig(cluster, mechanism, Password);

        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig(config)).Build())
        {
            var report = await producer.ProduceAsync("secured", new Message<Null, string> { Value = "hello" }, TestContext.Current.CancellationToken);
            report.Offset.Value.Should().Be(0);
        }

        using var consumer = new ConsumerBuilder<Null, string>(new ConsumerConfig(config) { GroupId = "g", AutoOffsetReset = AutoOffsetReset.Earliest }).Build();
        consumer.Subscribe("secured");
        consumer.Consume(TimeSpan.FromSeconds(15))?.Message.Value.Should().Be("hello");
    }

    [Theory(Timeout = 30_000)]
    [InlineData("PLAIN")]
    [InlineData("SCRAM-SHA-256")]
    public async Task WrongPassword_FailsWithAuthenticationError_AndLogsNoCredential(string mechanism)
    {
        var logs = new RecordingLoggerFactory();
        await using var cluster = Start(KafkaSecurityProtocol.SaslSsl, logs);
        cluster.CreateTopic("secured");
        var failure = new TaskCompletionSource<Error>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var admin = new AdminClientBuilder(ClientConfig(cluster, mechanism, "not-the-password"))
            .SetErrorHandler((_, e) => failure.TrySetResult(e))
            .Build();
        var metadata = Task.Run(() => admin.GetMetadata(TimeSpan.FromSeconds(5)), TestContext.Current.CancellationToken);
        try
        {
            var error = await failure.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

            // librdkafka reports the broker's SASL_AUTHENTICATION_FAILED as its local authentication error, with the broker's message.
            error.Code.Should().Be(ErrorCode.Local_Authentication);
            error.Reason.Should().Contain("Authentication failed");
            logs.Lines.Should().Contain(l => l.Contains("SASL authentication failed", StringComparison.Ordinal));
            logs.Lines.Should().NotContain(l => l.Contains("not-the-password", StringComparison.Ordinal) || l.Contains(Password, StringComparison.Ordinal));
            await FluentActions.Awaiting(() => metadata).Should().ThrowAsync<KafkaException>("nothing is served to a client that failed authentication");
        }
        finally
        {
            // Disposing a librdkafka handle while another thread is inside one of its calls is a use-after-free
            // (the process dies with SIGSEGV), so the admin client outlives its metadata call.
            await metadata.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task ClientWithoutSasl_OnSaslListener_GetsNothingServed()
    {
        await using var cluster = Start(KafkaSecurityProtocol.SaslPlaintext);
        cluster.CreateTopic("secured");
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers, SocketTimeoutMs = 2000 }).Build();

        var metadata = () => admin.GetMetadata("secured", TimeSpan.FromSeconds(3));

        metadata.Should().Throw<KafkaException>("a request before SASL authentication closes the connection");
    }

    private static KafkaCluster Start(KafkaSecurityProtocol protocol, RecordingLoggerFactory? logs = null)
    {
        var options = new KafkaClusterOptions { SecurityProtocol = protocol, LoggerFactory = logs };
        options.SaslUsers[User] = Password;
        return KafkaCluster.Start(options);
    }

    /// <summary>Builds the client settings a librdkafka.config of the lab's shape would give.</summary>
    private static ClientConfig ClientConfig(KafkaCluster cluster, string mechanism, string password)
    {
        var config = new ClientConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            SecurityProtocol = cluster.SecurityProtocol switch
            {
                KafkaSecurityProtocol.SaslSsl => SecurityProtocol.SaslSsl,
                KafkaSecurityProtocol.SaslPlaintext => SecurityProtocol.SaslPlaintext,
                KafkaSecurityProtocol.Ssl => SecurityProtocol.Ssl,
                _ => SecurityProtocol.Plaintext,
            },
            SslCaLocation = cluster.CaCertificatePath,
        };
        if (mechanism.Length > 0)
        {
            config.SaslMechanism = Enum.Parse<SaslMechanism>(mechanism.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
            config.SaslUsername = User;
            config.SaslPassword = password;
        }

        return config;
    }
}
