using System.Net;
using System.Text;
using Alchemiser.Aws.Http;
using Alchemiser.Aws.Tests.Support;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.Tests.Http;

public sealed class AwsHttpClientTests
{
    private static AwsOperation SendMessage => new("sqs", "SendMessage", AwsJsonProtocol.Json10, Encoding.UTF8.GetBytes("{}"), "AmazonSQS.SendMessage");

    [Fact]
    public async Task A_call_is_posted_to_the_endpoint_signed_with_target_date_and_session_token()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, "{\"MessageId\":\"m-1\"}");

        var body = await TestClients.Over(handler).SendAsync(SendMessage);

        Assert.Equal("{\"MessageId\":\"m-1\"}", body);
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), sent.Uri);
        Assert.Equal("AmazonSQS.SendMessage", sent.Headers["X-Amz-Target"]);
        Assert.Equal(AwsJsonProtocol.Json10, sent.Headers["Content-Type"]);
        Assert.Equal(TestClients.SessionToken, sent.Headers["X-Amz-Security-Token"]);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", sent.Headers["X-Amz-Date"]);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", sent.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Contains("/us-east-1/sqs/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=", sent.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5xx_answer_is_retried_and_the_next_success_is_returned()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, "{\"__type\":\"ServiceUnavailable\",\"message\":\"try later\"}")
            .Respond(HttpStatusCode.OK, "{}");

        var body = await TestClients.Over(handler).SendAsync(SendMessage);

        Assert.Equal("{}", body);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_400_throttling_answer_is_retried()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.BadRequest, "{\"__type\":\"com.amazonaws.sqs#ThrottlingException\",\"message\":\"Rate exceeded\"}")
            .Respond(HttpStatusCode.TooManyRequests, "{\"__type\":\"TooManyRequestsException\"}")
            .Respond(HttpStatusCode.OK, "{}");

        await TestClients.Over(handler).SendAsync(SendMessage);

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_names_service_operation_status_code_and_message()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.BadRequest, "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"The specified queue does not exist.\"}");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Over(handler).SendAsync(SendMessage));

        Assert.Single(handler.Requests);
        Assert.Equal("sqs", error.Service);
        Assert.Equal("SendMessage", error.Operation);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("QueueDoesNotExist", error.ErrorCode);
        Assert.Equal("The specified queue does not exist.", error.AwsMessage);
        Assert.False(error.IsTransient);
        Assert.Equal(ErrorCategory.Configuration, error.Category);
    }

    [Fact]
    public async Task The_sqs_query_error_header_names_the_code_when_the_body_does_not()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.BadRequest, "{}", ("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Over(handler).SendAsync(SendMessage));

        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", error.ErrorCode);
    }

    [Fact]
    public async Task An_xml_error_of_the_query_protocol_is_read()
    {
        var handler = new ScriptedHandler().Respond(
            HttpStatusCode.NotFound,
            "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error></ErrorResponse>");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            TestClients.Over(handler).SendAsync(new AwsOperation("sns", "Publish", AwsQueryProtocol.FormContentType, Encoding.UTF8.GetBytes("Action=Publish"))));

        Assert.Equal("NotFound", error.ErrorCode);
        Assert.Equal("Topic does not exist", error.AwsMessage);
        Assert.Contains("sns Publish failed: HTTP 404 NotFound: Topic does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_failure_is_thrown()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.InternalServerError, "{\"__type\":\"InternalFailure\"}")
            .Respond(HttpStatusCode.InternalServerError, "{\"__type\":\"InternalFailure\"}")
            .Respond(HttpStatusCode.InternalServerError, "{\"__type\":\"InternalFailure\",\"message\":\"third\"}");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Over(handler).SendAsync(SendMessage));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("third", error.AwsMessage);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task An_attempt_that_never_answers_is_abandoned_retried_and_reported_as_a_timeout()
    {
        var handler = new ScriptedHandler().Hang().Hang();
        var options = TestClients.Options with { MaxRetryAttempts = 1, AttemptTimeout = TimeSpan.FromMilliseconds(50) };

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Over(handler, options).SendAsync(SendMessage));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(0, error.StatusCode);
        Assert.Equal("RequestTimeout", error.ErrorCode);
    }

    [Fact]
    public async Task Neither_the_secret_nor_the_session_token_appears_in_an_error()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.Forbidden, "{\"__type\":\"SignatureDoesNotMatch\",\"message\":\"The request signature we calculated does not match\"}");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => TestClients.Over(handler).SendAsync(SendMessage));

        var text = error.ToString() + error.RemediationHint;
        Assert.DoesNotContain(TestClients.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.SessionToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature=", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_override_each_service_has_its_regional_endpoint_and_the_environment_can_override_it()
    {
        var regional = new AwsClientOptions { Region = "eu-west-1" };
        var fromEnvironment = AwsClientOptions.FromEnvironment(name => name switch
        {
            "AWS_REGION" => "us-west-2",
            "AWS_ENDPOINT_URL" => "http://127.0.0.1:5000",
            _ => null,
        });

        Assert.Equal(new Uri("https://sqs.eu-west-1.amazonaws.com/"), regional.EndpointFor("sqs"));
        Assert.Equal(new Uri("https://events.eu-west-1.amazonaws.com/"), regional.EndpointFor("events"));
        Assert.Equal("us-west-2", fromEnvironment.Region);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), fromEnvironment.EndpointFor("sns"));
    }
}
