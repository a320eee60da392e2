package io.plugsync.dispatcher.outbox;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Whether a delivery failed because a service it writes to or reads from could not be reached
 * (DynamoDB, SQS, or PostgreSQL for the version rows) rather than because of the event: no
 * connection, a timeout, a 5xx answer, or a table or queue that is gone for now (it is looked up or
 * created again on the next pass). Such a failure says nothing about the event, so it
 * is neither counted against the event's attempts nor backed off to minutes: the event is tried
 * again a few seconds later, and delivery resumes within seconds of the service coming back.
 * Throttling (4xx) is not an outage and keeps the exponential backoff.
 */
public final class Unavailable {
    private Unavailable() {}

    public static boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CompletionException) {
                continue;
            }
            if (t instanceof IOException
                    || t instanceof ApiCallTimeoutException
                    || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof QueueDoesNotExistException
                    || t instanceof ResourceNotFoundException) {
                return true;
            }
            if (t instanceof AwsServiceException aws && aws.statusCode() >= 500) {
                return true;
            }
        }
        return false;
    }
}
