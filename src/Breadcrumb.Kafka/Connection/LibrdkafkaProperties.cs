namespace Breadcrumb.Kafka;

/// <summary>
/// Knows the property names librdkafka accepts (its CONFIGURATION.md, global and topic tables, aliases included) plus
/// Confluent.Kafka's own <c>dotnet.*</c> settings, to catch a misspelt key on its line before any client is built.
/// </summary>
internal static class LibrdkafkaProperties
{
    private const string Names = """
        acks allow.auto.create.topics api.version.fallback.ms api.version.request api.version.request.timeout.ms
        auto.commit.enable auto.commit.interval.ms auto.offset.reset background_event_cb batch.num.messages batch.size
        bootstrap.servers broker.address.family broker.address.ttl broker.version.fallback builtin.features check.crcs
        client.dns.lookup client.id client.rack closesocket_cb compression.codec compression.level compression.type
        connect_cb connections.max.idle.ms consume.callback.max.messages consume_cb coordinator.query.interval.ms debug
        default_topic_conf delivery.report.only.error delivery.timeout.ms dr_cb dr_msg_cb enable.auto.commit
        enable.auto.offset.store enable.gapless.guarantee enable.idempotence enable.metrics.push enable.partition.eof
        enable.random.seed enable.sasl.oauthbearer.unsecure.jwt enable.ssl.certificate.verification enabled_events
        error_cb fetch.error.backoff.ms fetch.max.bytes fetch.message.max.bytes fetch.min.bytes fetch.queue.backoff.ms
        fetch.wait.max.ms group.id group.instance.id group.protocol group.protocol.type group.remote.assignor
        heartbeat.interval.ms https.ca.location https.ca.pem interceptors internal.termination.signal isolation.level
        linger.ms log.connection.close log.queue log.thread.name log_cb log_level max.in.flight
        max.in.flight.requests.per.connection max.partition.fetch.bytes max.poll.interval.ms max.poll.records
        message.copy.max.bytes message.max.bytes message.send.max.retries message.timeout.ms metadata.broker.list
        metadata.max.age.ms metadata.recovery.rebootstrap.trigger.ms metadata.recovery.strategy msg_order_cmp
        oauthbearer_token_refresh_cb offset.store.method offset.store.path offset.store.sync.interval.ms
        offset_commit_cb opaque open_cb partition.assignment.strategy partitioner partitioner_cb plugin.library.paths
        produce.offset.report queue.buffering.backpressure.threshold queue.buffering.max.kbytes
        queue.buffering.max.messages queue.buffering.max.ms queued.max.messages.kbytes queued.min.messages
        queuing.strategy rebalance_cb receive.message.max.bytes reconnect.backoff.jitter.ms reconnect.backoff.max.ms
        reconnect.backoff.ms request.required.acks request.timeout.ms resolve_cb retries retry.backoff.max.ms
        retry.backoff.ms sasl.kerberos.keytab sasl.kerberos.kinit.cmd sasl.kerberos.min.time.before.relogin
        sasl.kerberos.principal sasl.kerberos.service.name sasl.mechanism sasl.mechanisms
        sasl.oauthbearer.assertion.algorithm sasl.oauthbearer.assertion.claim.aud
        sasl.oauthbearer.assertion.claim.exp.seconds sasl.oauthbearer.assertion.claim.iss
        sasl.oauthbearer.assertion.claim.jti.include sasl.oauthbearer.assertion.claim.nbf.seconds
        sasl.oauthbearer.assertion.claim.sub sasl.oauthbearer.assertion.file
        sasl.oauthbearer.assertion.jwt.template.file sasl.oauthbearer.assertion.private.key.file
        sasl.oauthbearer.assertion.private.key.passphrase sasl.oauthbearer.assertion.private.key.pem
        sasl.oauthbearer.client.credentials.client.id sasl.oauthbearer.client.credentials.client.secret
        sasl.oauthbearer.client.id sasl.oauthbearer.client.secret sasl.oauthbearer.config sasl.oauthbearer.extensions
        sasl.oauthbearer.grant.type sasl.oauthbearer.metadata.authentication.type sasl.oauthbearer.method
        sasl.oauthbearer.scope sasl.oauthbearer.sub.claim.name sasl.oauthbearer.token.endpoint.url sasl.password
        sasl.username security.protocol session.timeout.ms share.acknowledgement.mode socket.blocking.max.ms
        socket.connection.setup.timeout.ms socket.keepalive.enable socket.max.fails socket.nagle.disable
        socket.receive.buffer.bytes socket.send.buffer.bytes socket.timeout.ms socket_cb ssl.ca.certificate.stores
        ssl.ca.location ssl.ca.pem ssl.certificate.location ssl.certificate.pem ssl.certificate.verify_cb
        ssl.cipher.suites ssl.crl.location ssl.curves.list ssl.endpoint.identification.algorithm ssl.engine.id
        ssl.engine.location ssl.key.location ssl.key.password ssl.key.pem ssl.keystore.location ssl.keystore.password
        ssl.providers ssl.sigalgs.list ssl_ca ssl_certificate ssl_engine_callback_data ssl_key statistics.interval.ms
        stats_cb sticky.partitioning.linger.ms throttle_cb topic.blacklist topic.metadata.propagation.max.ms
        topic.metadata.refresh.fast.cnt topic.metadata.refresh.fast.interval.ms topic.metadata.refresh.interval.ms
        topic.metadata.refresh.sparse transaction.timeout.ms transactional.id
        """;

    private static readonly HashSet<string> Known = new(Names.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>Returns whether librdkafka or Confluent.Kafka accepts <paramref name="key"/>.</summary>
    public static bool IsKnown(string key) => Known.Contains(key) || key.StartsWith("dotnet.", StringComparison.Ordinal);

    /// <summary>Returns the known name closest to <paramref name="key"/> within three edits, or <see langword="null"/>.</summary>
    public static string? Suggest(string key)
    {
        string? best = null;
        var bestDistance = 4;
        foreach (var name in Known)
        {
            var distance = Distance(key, name, bestDistance);
            if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(name, best) < 0))
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best;
    }

    // Levenshtein distance, giving up (returning limit) once every path exceeds the limit.
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) >= limit)
        {
            return limit;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin >= limit)
            {
                return limit;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], limit);
    }
}
