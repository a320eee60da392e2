package io.plugsync.engines;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ: an SQS-compatible server (JSON protocol, FIFO queues) inside this JVM. */
public final class ElasticMqEngine implements AutoCloseable {
    private final SQSRestServer server;
    private final int port;

    private ElasticMqEngine(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static ElasticMqEngine start(int port) {
        SQSRestServer server = SQSRestServerBuilder.withPort(port)
                .withInterface("127.0.0.1")
                .withServerAddress(new org.elasticmq.NodeAddress("http", "127.0.0.1", port, ""))
                .start();
        server.waitUntilStarted();
        return new ElasticMqEngine(server, port);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
